#!/usr/bin/env bash
# @file WebGPU benchmark for a Linux machine with a real GPU and no network (see issue 7).
#
#   bench/gpu.sh prepare   here, with the npm registry: builds bench/.gpu-kit/ (~45 MB, untracked): the bundled
#                          benchmark, npm `webgpu` (Dawn) with only its linux-x64 dawn.node, this machine's node
#                          (compressed, for GPU machines without node >= 20) and, if apt can fetch it, libvulkan1.
#   bench/gpu.sh bundle    here: rebuild only the kit's benchmark bundle after a kernel change.
#   bench/gpu.sh           on the GPU machine: DiveLab's WebGPU matmul (every variant) at 1024/2048/4096 and add
#                          at 1e7/1e8 through Dawn/Vulkan, next to PyTorch's CUDA float32 matmul (TF32 off) when
#                          python3 there has torch with CUDA. Prints a table; writes gpu-results.json to $OUT (the
#                          device tool's output folder) or bench/.
#
# Every kernel and size runs in its own process under a timeout, so a kernel that crashes the driver or hangs
# costs one line. On the device tool: carry bench/.gpu-kit, and run `bash bench/gpu.sh`.
set -uo pipefail
cd "$(dirname "$0")/.."
KIT=bench/.gpu-kit
WEBGPU_VERSION=0.6.2

# rebuilds only the bundled benchmark (after a kernel change), keeping the rest of the kit
bundle() {
  npx esbuild bench/gpu.bench.ts --bundle --platform=node --format=esm --target=node20 --log-level=warning --outfile="$KIT/gpu-bench.mjs"
}

prepare() {
  set -e
  rm -rf "$KIT"
  mkdir -p "$KIT/node_modules/webgpu/dist/linux-x64" "$KIT/debs"
  local tmp; tmp=$(mktemp -d)
  (cd "$tmp" && npm pack "webgpu@$WEBGPU_VERSION" --silent >/dev/null && tar xzf "webgpu-$WEBGPU_VERSION.tgz")
  cp "$tmp"/package/{index.js,package.json,LICENSE.md} "$KIT/node_modules/webgpu/"
  xz -T2 -6 -c "$tmp/package/dist/linux-x64/dawn.node" > "$KIT/dawn.node.xz"
  rm -rf "$tmp"
  bundle
  xz -T2 -6 -c "$(command -v node)" > "$KIT/node.xz"
  (cd "$KIT/debs" && apt-get download libvulkan1 >/dev/null 2>&1) || echo "note: could not fetch libvulkan1; the GPU machine must have a Vulkan loader"
  set +e
  du -sh "$KIT"
  echo "kit ready: carry $KIT to the GPU machine and run bash bench/gpu.sh there"
}

run() {
  local out="${OUT:-bench}"
  mkdir -p "$out"
  [ -f "$KIT/gpu-bench.mjs" ] || { echo "no $KIT: run bench/gpu.sh prepare first (on a machine with the npm registry)"; exit 2; }
  local node; node=$(command -v node || true)
  if [ -z "$node" ] || ! "$node" -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' 2>/dev/null; then
    node=/tmp/divelab-node
    [ -x "$node" ] || { xz -dc "$KIT/node.xz" > "$node" && chmod +x "$node"; }
  fi
  local dawn="$KIT/node_modules/webgpu/dist/linux-x64/dawn.node"
  [ -f "$dawn" ] || xz -dc "$KIT/dawn.node.xz" > "$dawn"
  # install the carried Vulkan loader only on a machine with a GPU device node (never on a dev box)
  if ! ldconfig -p 2>/dev/null | grep -q 'libvulkan.so.1' && compgen -G '/dev/nvidia[0-9]*' >/dev/null; then
    for f in "$KIT"/debs/*.deb .gl/*.deb; do [ -f "$f" ] && dpkg -x "$f" /; done
    ldconfig 2>/dev/null
  fi
  # the NVIDIA ICD sits outside the loader's default paths on some container images
  for icd in /usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json /etc/vulkan/icd.d/nvidia_icd.json /usr/share/vulkan/icd.d/nvidia_icd.json; do
    if [ -f "$icd" ] && [ -z "${VK_DRIVER_FILES:-}" ]; then export VK_DRIVER_FILES="$icd"; fi
  done

  local lines="$out/gpu-lines.jsonl"
  : > "$lines"
  child() {
    local t="$1"; shift
    timeout "$t" "$node" "$KIT/gpu-bench.mjs" "$@" >> "$lines" 2> "$out/gpu-last-stderr.txt"
    local rc=$?
    if [ "$rc" -ne 0 ]; then
      printf '{"error":"%s","exit":%d,"stderr":%s}\n' "$*" "$rc" "$("$node" -e 'process.stdout.write(JSON.stringify(require("fs").readFileSync(process.argv[1],"utf8").slice(-400)))' "$out/gpu-last-stderr.txt")" >> "$lines"
    fi
    echo "  done: $*" >&2
  }
  # GPU_SIZES / GPU_VARIANTS / GPU_ADDS trim a run (device time is scarce); GPU_EXTRA="n variant" adds one matmul
  # with Dawn's robustness (index clamping) off, to see what the clamps cost
  local sizes="${GPU_SIZES:-1024 2048 4096}" variants="${GPU_VARIANTS:-v4k16 v4k8 tiled8 tiled regs}" adds="${GPU_ADDS:-10000000 100000000}"
  child 60 info
  for n in $sizes; do
    for v in $variants; do child 120 matmul "$n" "$v" 10; done
  done
  [ -z "${GPU_SIZES:-}" ] && child 120 matmul 1024 naive 3
  if [ -n "${GPU_EXTRA:-}" ]; then
    export DAWN_FLAGS='enable-dawn-features=allow_unsafe_apis,disable_robustness'
    child 120 matmul $GPU_EXTRA 10
    unset DAWN_FLAGS
    sed -i '$ s/"variant":"\([a-z0-9]*\)"/"variant":"\1-norobust"/' "$lines"
  fi
  for n in $adds; do child 60 add "$n" - 20; done
  if command -v python3 >/dev/null; then
    timeout 300 python3 bench/gpu-torch.bench.py "$(echo $sizes | tr ' ' ,)" "$(echo $adds | tr ' ' ,)" >> "$lines" 2>> "$out/gpu-last-stderr.txt" || echo '{"error":"torch run failed"}' >> "$lines"
  fi

  "$node" - "$lines" "$out/gpu-results.json" <<'JS'
const fs = require('fs');
const [lines, dest] = process.argv.slice(2);
const rows = fs.readFileSync(lines, 'utf8').trim().split('\n').filter(Boolean).map((l) => { try { return JSON.parse(l); } catch { return { error: l }; } });
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const out = [];
for (const r of rows) {
  if (r.error) { out.push({ error: r.error, detail: r.stderr }); continue; }
  if (!r.ms) { out.push({ info: r }); continue; }
  const ms = median(r.ms);
  const syncMs = r.syncMs ? median(r.syncMs) : undefined;
  const metric = r.op === 'matmul' ? { TFLOPS: (2 * r.n ** 3) / (ms * 1e9) } : { 'GB/s': (12 * r.n) / (ms * 1e6) };
  out.push({ impl: r.impl ?? 'divelab-webgpu', variant: r.variant, op: r.op, n: r.n, medianMs: ms, syncMs, batch: r.batch, ...metric, maxAbsErr: r.maxAbsErr, device: r.device ?? r.adapter });
}
const torch = (op, n) => out.find((o) => o.impl === 'torch-cuda' && o.op === op && o.n === n);
console.log('impl            variant         op      n           median ms   TFLOPS / GB/s   vs PyTorch CUDA   (ms with a wait per op)');
for (const o of out) {
  if (o.info) { console.log(`adapter: ${o.info.adapter}  (default variant ${o.info.chosen})`); continue; }
  if (o.error) { console.log(`FAILED: ${o.error}`); continue; }
  const v = o.TFLOPS ?? o['GB/s'];
  const t = torch(o.op, o.n);
  const ratio = t && o.impl !== 'torch-cuda' ? `${(100 * v / (t.TFLOPS ?? t['GB/s'])).toFixed(0)}%` : '';
  console.log(`${o.impl.padEnd(15)} ${(o.variant ?? '').padEnd(15)} ${o.op.padEnd(7)} ${String(o.n).padEnd(11)} ${o.medianMs.toFixed(3).padStart(9)}   ${v.toFixed(2).padStart(12)}   ${ratio.padEnd(16)}  ${o.syncMs ? o.syncMs.toFixed(3) : ''}`);
}
fs.writeFileSync(dest, JSON.stringify({ date: new Date().toISOString(), results: out }, null, 2) + '\n');
console.log(`\nwritten ${dest}`);
JS
}

case "${1:-run}" in
  prepare) prepare ;;
  bundle) bundle ;;
  run) run ;;
  *) echo "usage: bench/gpu.sh [prepare|bundle|run]"; exit 2 ;;
esac

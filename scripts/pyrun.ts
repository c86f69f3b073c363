/**
 * @file Developer tool: run a Python file through Pyodide with DiveLab's Python packages and TS core, in this
 * process, without the engine. `npx tsx scripts/pyrun.ts file.py`. The real runner is `divelab run`.
 */
import { loadPyodide } from 'pyodide';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { coreModules } from '../src/engine/core-modules';
import '../src/engine/core-layers';
import { enableCuda } from '../src/engine/core/cuda-devices';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const file = process.argv[2];
if (!file) { console.error('usage: tsx scripts/pyrun.ts file.py'); process.exit(2); }
const py = await loadPyodide({ indexURL: join(root, 'node_modules/pyodide') + '/' });
const enc = new TextDecoder();
py.setStdout({ write: (b: Uint8Array) => { process.stdout.write(enc.decode(b)); return b.length; } });
py.setStderr({ write: (b: Uint8Array) => { process.stderr.write(enc.decode(b)); return b.length; } });
// DIVELAB_CUDA_ADAPTER=name: act as browser mode with a WebGPU adapter (the cuda device), to try cuda code in Node
if (process.env.DIVELAB_CUDA_ADAPTER) enableCuda(process.env.DIVELAB_CUDA_ADAPTER, coreModules);
py.registerJsModule('_divelab_js', coreModules);
const pyRoot = join(root, 'src/python');
const walk = (d: string): string[] => readdirSync(d).flatMap((n) => { const p = join(d, n); return statSync(p).isDirectory() ? walk(p) : [p]; });
for (const f of walk(pyRoot).filter((p) => p.endsWith('.py'))) {
  const dest = '/divelab/python/' + relative(pyRoot, f);
  py.FS.mkdirTree(dirname(dest));
  py.FS.writeFile(dest, readFileSync(f, 'utf8'));
}
py.FS.mkdirTree('/work');
py.FS.mount(py.FS.filesystems.NODEFS, { root: process.cwd() }, '/work');
py.globals.set('__file_to_run', resolve(file).startsWith(process.cwd()) ? '/work/' + relative(process.cwd(), resolve(file)) : file);
const code = `
import sys, os, runpy, traceback
sys.path.insert(0, '/divelab/python')
os.chdir('/work')
try:
    runpy.run_path(__file_to_run, run_name='__main__')
    rc = 0
except SystemExit as e:
    rc = e.code if isinstance(e.code, int) else 0
except BaseException as e:
    tb = e.__traceback__
    while tb is not None and (tb.tb_frame.f_code.co_filename.startswith('<') or 'runpy' in tb.tb_frame.f_code.co_filename):
        tb = tb.tb_next
    traceback.print_exception(type(e), e, tb)
    rc = 1
sys.stdout.flush(); sys.stderr.flush()
rc
`;
const rc = py.runPython(code) as number;
process.exitCode = rc;

/**
 * @file The Python worker, independent of where it runs: boots Pyodide, installs DiveLab's Python packages and the
 * kernel, and runs the jobs the router sends, one at a time. Adapters (node/python-worker-entry.ts,
 * web/python-worker.ts) supply the transport, the Pyodide loader and the file system set-up.
 */
import type { PyodideAPI } from 'pyodide';
import { coreModules } from '../core-modules';
import '../core-layers';
import type { CpuBackend } from '../../shared/backends/cpu/index';
import type { CpuRuntimeOptions } from '../../shared/backends/cpu/runtime';
import { installCpuBackend } from './cpu-backend';
import { PyError } from '../../shared/errors';
import { cudaLabel, resolveBackend, type WebGpuProbe } from '../../shared/backends/select';
import type { Port } from '../../shared/backends/webgpu/remote-protocol';
import { enableCuda } from './cuda-devices';
import { kernelFiles, pythonFiles } from './python-files';
import {
  INPUT_LENGTH, INPUT_OFFSET, INPUT_STATE, INTERRUPT, InputState, SIGINT,
  type RouterToWorker, type WorkdirSpec, type WorkerToRouter,
} from './control';

/** Where DiveLab's own Python lives in the interpreter's file system; tracebacks hide frames from here. */
export const PYTHON_ROOT = '/divelab/python';
const KERNEL_ROOT = '/divelab/engine';
const STREAM_PIECE = 1 << 20;

export interface WorkerHost {
  post(msg: WorkerToRouter): void;
  onMessage(handler: (msg: RouterToWorker) => void): void;
  /** Loads Pyodide, from the build-time memory snapshot when one fits this Pyodide (see snapshot.ts). */
  loadPyodide(): Promise<{ py: PyodideAPI; fromSnapshot: boolean }>;
  /** Makes the working directory exist in the interpreter's file system (NODEFS mounts, or MEMFS). */
  prepareWorkdir(py: PyodideAPI, spec: WorkdirSpec): void;
  /** Ends this worker after a fatal error, so that the router starts a fresh one. */
  exit(): void;
  /**
   * Starts the CPU backend for this environment (worker threads where shared memory allows) with the given
   * interrupt options (Pyodide's interrupt buffer); without it, or if it fails, tensors run on the TypeScript kernels.
   */
  createCpuBackend?(opts: Pick<CpuRuntimeOptions, 'interrupt' | 'interruptSignal'>): Promise<CpuBackend>;
  /**
   * The GPU this worker may use: a port to a GPU executor in another thread (RemoteGpu speaks over it, see
   * [Note: blocking read-back]) and the probe of that executor's adapter. Absent or null: no GPU here (the CLI).
   */
  gpu?(): Promise<GpuLink | null>;
}

export interface GpuLink { port: Port; probe: WebGpuProbe }

interface Kernel {
  run_cell(id: string, code: string, silent: boolean): string;
  run_script(id: string, path: string, argv: unknown): number;
  evaluate(code: string): string;
  _exec_count: number;
}

export function runPythonWorker(host: WorkerHost): void {
  let py: PyodideAPI | null = null;
  let kernel: Kernel | null = null;
  let i32: Int32Array | null = null;
  let control: SharedArrayBuffer | null = null;
  let currentJob = '';
  // Jobs that arrive while the interpreter is still booting wait here; afterwards each runs synchronously.
  const pending: RouterToWorker[] = [];

  const bridge = {
    stream(id: string, name: 'stdout' | 'stderr', text: string): void {
      // One huge write (print('x' * 10**8)) goes out in pieces, so that no single message is enormous.
      for (let at = 0; at < text.length;) {
        let end = Math.min(text.length, at + STREAM_PIECE);
        if (end < text.length && /[\udc00-\udfff]/.test(text[end]!)) end -= 1; // keep a surrogate pair together
        host.post({ type: 'stream', id, name, text: text.slice(at, end) });
        at = end;
      }
    },
    post(type: 'display' | 'result' | 'error', id: string, json: string): void {
      host.post({ type, id, ...JSON.parse(json) } as WorkerToRouter);
    },
    /**
     * Sleeps until the time is up or an interrupt comes; true when interrupted. The flag is taken (reset to 0) and
     * Python raises KeyboardInterrupt itself: raising it from JS through `checkInterrupt()` makes Pyodide print a
     * stray "KeyboardInterrupt" line on stderr and adds JS frames to the traceback.
     */
    sleep(seconds: number): boolean {
      const deadline = performance.now() + seconds * 1000;
      for (;;) {
        if (takeSignal()) return true;
        const left = deadline - performance.now();
        if (left <= 0) return false;
        Atomics.wait(i32!, INTERRUPT, 0, Math.min(left, 1 << 30));
      }
    },
    /** The reply; undefined at end of input (Python sees None; a JS null would arrive as `jsnull`); false when interrupted. */
    input(id: string, prompt: string, password: boolean): string | undefined | false {
      Atomics.store(i32!, INPUT_STATE, InputState.waiting);
      host.post({ type: 'input_request', id, prompt, password });
      for (;;) {
        if (takeSignal()) return false;
        const state = Atomics.load(i32!, INPUT_STATE);
        if (state === InputState.eof) {
          Atomics.store(i32!, INPUT_STATE, InputState.waiting);
          return undefined;
        }
        if (state === InputState.ready) {
          const n = Atomics.load(i32!, INPUT_LENGTH);
          // Copy out of shared memory: TextDecoder refuses views on a SharedArrayBuffer.
          const text = new TextDecoder().decode(new Uint8Array(control!, INPUT_OFFSET, n).slice());
          Atomics.store(i32!, INPUT_STATE, InputState.waiting);
          return text;
        }
        Atomics.wait(i32!, INPUT_STATE, InputState.waiting, 1000);
      }
    },
  };

  /**
   * While JS waits, Python cannot look at the interrupt slot, so JS does: an interrupt is taken (true); a flush
   * request is simply dropped, as a waiting kernel has already sent its output.
   */
  function takeSignal(): boolean {
    const signal = Atomics.load(i32!, INTERRUPT);
    if (signal === 0) return false;
    Atomics.compareExchange(i32!, INTERRUPT, signal, 0);
    return signal === SIGINT;
  }

  /** A kernel or a GPU read-back stopped for an interrupt: see [Note: kernel interrupts] in cpu-backend.ts. */
  function keyboardInterrupt(): never {
    Atomics.compareExchange(i32!, INTERRUPT, SIGINT, 0);
    throw new PyError('KeyboardInterrupt', '');
  }

  async function boot(init: Extract<RouterToWorker, { type: 'init' }>): Promise<void> {
    const t0 = performance.now();
    control = init.control;
    i32 = new Int32Array(control, 0, 4);
    const interrupt = new Int32Array(control, 0, 1);
    // the backend compiles its wasm and starts its threads while Pyodide loads
    const backend = host.createCpuBackend?.({ interrupt, interruptSignal: SIGINT }).catch((e: unknown) => {
      console.warn('divelab: the CPU backend could not start; tensors run on the TypeScript kernels', e);
      return null;
    });
    // a GPU executor with a WebGPU adapter (browser mode, Electron's renderer) makes the `cuda` device available
    const gpu = host.gpu ? host.gpu().catch(() => null) : Promise.resolve(null);
    const loaded = await host.loadPyodide();
    py = loaded.py;
    py.setInterruptBuffer(interrupt);
    const cpu = await backend;
    if (cpu) installCpuBackend(cpu, keyboardInterrupt);
    // the CPU is the only backend wired to tensors so far; without the wasm backend the TS kernels run alone
    const cpuLabel = cpu ? resolveBackend('cpu', { ok: false, reason: '' }, cpu.threads).label : 'CPU · TypeScript';
    const link = await gpu;
    const probe: WebGpuProbe = link?.probe ?? { ok: false, reason: 'this runtime has no WebGPU' };
    const choice = resolveBackend(init.backend ?? 'auto', probe, cpu?.threads ?? 1);
    if (choice.active === 'webgpu' && link && probe.ok) {
      enableCuda(probe.adapter, coreModules, { port: link.port, interrupt, interruptSignal: SIGINT, onInterrupt: keyboardInterrupt });
    }
    const backendLabel = choice.active === 'webgpu' && probe.ok ? `${cpuLabel} · ${cudaLabel(probe.adapter)}` : cpuLabel;
    py.registerJsModule('_divelab_js', coreModules);
    installFiles(py);
    host.prepareWorkdir(py, init.workdir);
    // Python code writes through sys.stdout/sys.stderr (the kernel's streams); this catches the rest — os.write(1, …)
    // and C-level prints — for the job that runs, instead of letting it reach this process's console.
    const raw = (name: 'stdout' | 'stderr') => (text: string): void => {
      if (currentJob) host.post({ type: 'stream', id: currentJob, name, text: text + '\n' });
    };
    py.setStdout({ batched: raw('stdout') });
    py.setStderr({ batched: raw('stderr') });
    py.setStdin({ stdin: () => {
      const reply = bridge.input(currentJob, '', false);
      // Interrupted: end the read (as end of input) and put the interrupt back for Python to raise right after.
      if (reply === false) {
        Atomics.store(i32!, INTERRUPT, SIGINT);
        return null;
      }
      return reply === undefined ? null : reply + '\n';
    } } as never);
    const sys = py.pyimport('sys');
    sys.path.insert(0, KERNEL_ROOT);
    sys.destroy();
    kernel = py.pyimport('_divelab_kernel') as unknown as Kernel;
    const env = py.toPy(init.env);
    (kernel as unknown as { setup(b: unknown, cwd: string, p: string, env: unknown): void }).setup(bridge, init.workdir.cwd, PYTHON_ROOT, env);
    env.destroy();
    host.post({
      type: 'booted', startupMs: Math.round(performance.now() - t0), fromSnapshot: loaded.fromSnapshot, backend: backendLabel,
      ...(choice.notice ? { notice: choice.notice } : {}),
    });
    for (const msg of pending.splice(0)) run(msg);
  }

  function run(msg: RouterToWorker): void {
    try {
      runJob(msg);
    } catch (e) {
      // Anything reaching here escaped the kernel's own handlers: the interpreter is not trustworthy any more.
      host.post({ type: 'fatal', detail: e instanceof Error ? e.message : String(e) });
      host.exit();
    }
  }

  function runJob(msg: RouterToWorker): void {
    const k = kernel!;
    currentJob = 'id' in msg ? msg.id : '';
    switch (msg.type) {
      case 'init':
        return;
      case 'execute': {
        const status = k.run_cell(msg.id, msg.code, msg.silent) as 'ok' | 'error';
        host.post({ type: 'done', id: msg.id, executionCount: msg.silent ? null : k._exec_count, status });
        return;
      }
      case 'run_script': {
        const argv = py!.toPy(msg.argv);
        const code = k.run_script(msg.id, msg.path, argv);
        argv.destroy();
        host.post({ type: 'done', id: msg.id, executionCount: null, status: code === 0 ? 'ok' : 'error', exitCode: code });
        return;
      }
      case 'eval': {
        const r = JSON.parse(k.evaluate(msg.code)) as { value?: string; error?: string };
        host.post(r.error === undefined
          ? { type: 'eval_result', id: msg.id, ok: true, value: r.value }
          : { type: 'eval_result', id: msg.id, ok: false, error: r.error });
        return;
      }
      case 'write_file': {
        try {
          const cwd = py!.FS.cwd() as string;
          const path = msg.path.startsWith('/') ? msg.path : `${cwd}/${msg.path}`;
          py!.FS.mkdirTree(path.slice(0, path.lastIndexOf('/')) || '/');
          py!.FS.writeFile(path, msg.data);
          host.post({ type: 'write_file_done', id: msg.id, ok: true });
        } catch (e) {
          host.post({ type: 'write_file_done', id: msg.id, ok: false, error: String(e) });
        }
        return;
      }
      default:
        msg satisfies never;
    }
  }

  host.onMessage((msg) => {
    if (msg.type === 'init') {
      boot(msg).catch((e: unknown) => {
        host.post({ type: 'fatal', detail: `engine start-up failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}` });
        host.exit();
      });
    } else if (kernel === null) {
      pending.push(msg);
    } else {
      run(msg);
    }
  });
}

function installFiles(py: PyodideAPI): void {
  for (const [rel, text] of Object.entries(pythonFiles)) {
    const dest = `${PYTHON_ROOT}/${rel}`;
    py.FS.mkdirTree(dest.slice(0, dest.lastIndexOf('/')));
    py.FS.writeFile(dest, text);
  }
  py.FS.mkdirTree(KERNEL_ROOT);
  for (const [name, text] of Object.entries(kernelFiles)) py.FS.writeFile(`${KERNEL_ROOT}/${name}`, text);
}

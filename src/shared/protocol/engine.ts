/**
 * @file Messages between a client (renderer, CLI, tests) and a compute engine, with their schemas.
 *
 * [Note: engine protocol] One protocol for every transport: an Electron MessagePort, a Web Worker port, a Node
 * worker_threads port. Outputs follow Jupyter's messaging conventions (stream / display_data / execute_result /
 * error, MIME bundles) so a notebook saved by DiveLab shows its outputs in Jupyter too. Every message is
 * validated where it arrives (`parseToEngine`, `parseFromEngine`); an invalid one is dropped and reported.
 */
import * as v from 'valibot';

/** A Jupyter MIME bundle: `text/plain`, `text/html`, `image/png` (base64), `application/vnd.plotly.v1+json`… */
export const MimeBundle = v.record(v.string(), v.unknown());
export type MimeBundle = Record<string, unknown>;

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

/**
 * What backs PyTorch's `cuda` device (the settings switch): 'cpu' = no cuda, 'webgpu' = cuda:0 on the WebGPU
 * adapter whatever it is, 'auto' = WebGPU on a hardware adapter only. The same words as BackendPreference in
 * src/shared/backends/select.ts, which decides; repeated here because the protocol imports nothing.
 */
export const BackendPreference = v.picklist(['cpu', 'webgpu', 'auto']);
export type BackendPreference = v.InferOutput<typeof BackendPreference>;

export const ToEngine = v.variant('type', [
  /** Run a cell. `silent` runs it without bumping the execution count (panels use this). */
  v.object({ type: v.literal('execute'), id: Id, code: v.pipe(v.string(), v.maxLength(10_000_000)), silent: v.optional(v.boolean()) }),
  /** Evaluate an expression for a panel; the value comes back as JSON in `eval_result`. */
  v.object({ type: v.literal('eval'), id: Id, code: v.pipe(v.string(), v.maxLength(1_000_000)) }),
  v.object({ type: v.literal('interrupt') }),
  /** `backend`, when given, becomes the preference for this and every later Python worker (as `configure`). */
  v.object({ type: v.literal('restart'), backend: v.optional(BackendPreference) }),
  /**
   * Sets the backend preference; clients send it on every new connection. A worker that has run nothing yet is
   * replaced at once, quietly (no globals can be lost); otherwise the preference waits for the next restart.
   */
  v.object({ type: v.literal('configure'), backend: BackendPreference }),
  /** `eof` answers the request with end of input (Python raises EOFError), as a closed stdin does. */
  v.object({ type: v.literal('input_reply'), id: Id, value: v.string(), eof: v.optional(v.boolean()) }),
  /** Run a file as `python path argv[1:]…` would (the CLI): a fresh __main__, exit code in `done.exitCode`. */
  v.object({ type: v.literal('run_script'), id: Id, path: v.pipe(v.string(), v.minLength(1), v.maxLength(4096)), argv: v.array(v.string()) }),
  /** Put a file into the engine's working directory (browser mode uploads, CSV panel). */
  v.object({ type: v.literal('write_file'), id: Id, path: v.pipe(v.string(), v.minLength(1), v.maxLength(1000)), data: v.instance(Uint8Array) }),
  v.object({ type: v.literal('shutdown') }),
]);
export type ToEngine = v.InferOutput<typeof ToEngine>;

export const KernelState = v.picklist(['starting', 'idle', 'busy', 'restarting', 'dead']);
export type KernelState = v.InferOutput<typeof KernelState>;

export const FromEngine = v.variant('type', [
  v.object({ type: v.literal('status'), state: KernelState }),
  // backend: the status-bar label of the compute backend (select.ts's wording), e.g. 'CPU · 2 threads';
  // notice: why the backend differs from the preference (no WebGPU, only a software GPU), for the UI to show once
  v.object({ type: v.literal('ready'), startupMs: v.number(), fromSnapshot: v.boolean(), backend: v.optional(v.string()), notice: v.optional(v.string()) }),
  v.object({ type: v.literal('stream'), id: Id, name: v.picklist(['stdout', 'stderr']), text: v.string() }),
  v.object({ type: v.literal('display'), id: Id, data: MimeBundle, metadata: v.optional(v.record(v.string(), v.unknown())) }),
  v.object({ type: v.literal('result'), id: Id, executionCount: v.number(), data: MimeBundle }),
  v.object({ type: v.literal('error'), id: Id, ename: v.string(), evalue: v.string(), traceback: v.array(v.string()) }),
  v.object({ type: v.literal('done'), id: Id, executionCount: v.nullable(v.number()), status: v.picklist(['ok', 'error', 'aborted']), exitCode: v.optional(v.number()) }),
  v.object({ type: v.literal('input_request'), id: Id, prompt: v.string(), password: v.boolean() }),
  v.object({ type: v.literal('eval_result'), id: Id, ok: v.boolean(), value: v.optional(v.string()), error: v.optional(v.string()) }),
  v.object({ type: v.literal('write_file_done'), id: Id, ok: v.boolean(), error: v.optional(v.string()) }),
  /** The kernel was replaced by a fresh one; globals are gone. */
  v.object({ type: v.literal('restarted'), reason: v.picklist(['user', 'interrupt-timeout', 'crash']), detail: v.optional(v.string()) }),
]);
export type FromEngine = v.InferOutput<typeof FromEngine>;

export function parseToEngine(msg: unknown): ToEngine | null {
  const r = v.safeParse(ToEngine, msg);
  return r.success ? r.output : null;
}

export function parseFromEngine(msg: unknown): FromEngine | null {
  const r = v.safeParse(FromEngine, msg);
  return r.success ? r.output : null;
}

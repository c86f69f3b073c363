/**
 * @file The kernel as the UI sees it: its state, which cells are queued or running, input requests, notices, the
 * compute backend (the preference, the label the engine reports, its fallback notice), and the
 * run/interrupt/restart/switch-backend commands. Engine messages are applied to cells here, batched per frame so a flood of
 * output (a cell printing 10^6 lines) costs one render per frame, not one per message.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { BackendPreference, KernelState } from '../../shared/protocol/engine';
import { EngineClient, type InputRequest, type OutputMessage, type ReadyInfo, type RestartReason } from '../engine/client';
import type { EngineTransport } from '../engine/transport';
import type { Cell } from '../notebook/model';
import { applyEngineOutput } from '../notebook/outputs';
import { backendName, loadBackendPreference, pageSearch, pageStorage, saveBackendPreference } from '../settings/backend';
import { useNotebookStore } from './notebook';

export type RunState = 'queued' | 'running';

export interface KernelNotice {
  kind: 'info' | 'warning' | 'error';
  text: string;
}

const FLUSH_MS = 30;

export const useKernelStore = defineStore('kernel', () => {
  const state = ref<KernelState>('starting');
  const runState = ref<Record<string, RunState>>({});
  const input = ref<(InputRequest & { cellId: string }) | null>(null);
  const notice = ref<KernelNotice | null>(null);
  const startup = ref<{ startupMs: number; fromSnapshot: boolean } | null>(null);
  /** Which compute backend the engine uses (CPU, WebGPU…), as its `ready` message words it. */
  const backend = ref<string | null>(null);
  /** What the student chose in the backend menu (src/renderer/settings/backend.ts). */
  const preference = ref<BackendPreference>(loadBackendPreference(pageStorage(), pageSearch()));
  /** Why the running kernel's backend differs from the preference (no WebGPU, only a software GPU), if it does. */
  const backendNotice = ref<string | null>(null);
  const execToCell = new Map<string, string>();
  /** The backend notice last shown in the notice bar: a kernel restart does not show the same one again. */
  let shownBackendNotice: string | null = null;
  /** A backend switch in progress: its restart and the fresh kernel's notice are worded for it. */
  let switchingTo: BackendPreference | null = null;

  // Output batching: messages wait here until the next flush.
  let pending: Array<{ cell: Cell; msg: OutputMessage }> = [];
  let flushTimer: ReturnType<typeof setTimeout> | null = null;

  const client = shallowRef(
    new EngineClient({
      onState: (s) => (state.value = s),
      onReady: (info) => ready(info),
      onRestarted: (reason, detail) => restarted(reason, detail),
      onInputRequest: (req) => {
        const cellId = execToCell.get(req.id);
        if (cellId) input.value = { ...req, cellId };
      },
      onInvalidMessage: (data) => console.warn('DiveLab: dropped an invalid engine message', data),
    }, preference.value),
  );

  function ready(info: ReadyInfo): void {
    startup.value = { startupMs: info.startupMs, fromSnapshot: info.fromSnapshot };
    if (info.backend) backend.value = info.backend;
    backendNotice.value = info.notice ?? null;
    // Shown once: again only when it changes, or when the student has just switched and wants to see the outcome.
    if (info.notice && (info.notice !== shownBackendNotice || switchingTo)) {
      shownBackendNotice = info.notice;
      // Asking for WebGPU and not getting it is worth a warning; 'auto' choosing the CPU is just information.
      notice.value = { kind: preference.value === 'webgpu' ? 'warning' : 'info', text: info.notice };
    }
    switchingTo = null;
  }

  function flush(): void {
    if (flushTimer !== null) clearTimeout(flushTimer);
    flushTimer = null;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    for (const { cell, msg } of batch) {
      applyEngineOutput(cell.outputs, msg);
      if (msg.type === 'result') cell.executionCount = msg.executionCount;
    }
    useNotebookStore().touch();
  }

  function attach(transport: EngineTransport): void {
    client.value.attach(transport);
  }

  function engineExited(detail: string, restartInMs: number | null): void {
    input.value = null;
    notice.value =
      restartInMs === null
        ? { kind: 'error', text: `The kernel stopped (${detail}) and could not be started again. Use Restart to try once more.` }
        : { kind: 'warning', text: `The kernel stopped (${detail}). A fresh kernel is starting; your variables are gone, your notebook is kept.` };
  }

  function restarted(reason: RestartReason, detail?: string): void {
    input.value = null;
    flush();
    if (reason === 'user' && switchingTo) {
      notice.value = { kind: 'info', text: `Compute backend set to ${backendName(switchingTo)}: the kernel restarted. Variables are gone; run the cells again.` };
    } else if (reason === 'user') {
      notice.value = { kind: 'info', text: 'Kernel restarted. Variables are gone; run the cells again.' };
    } else if (reason === 'interrupt-timeout') {
      notice.value = {
        kind: 'warning',
        text: `The kernel did not stop when interrupted, so it was restarted${detail ? ` (${detail})` : ''}. Variables are gone; your notebook is kept.`,
      };
    } else {
      notice.value = { kind: 'warning', text: `The kernel crashed and was restarted${detail ? ` (${detail})` : ''}. Variables are gone; your notebook is kept.` };
    }
  }

  /** Queues a code cell. Markdown and raw cells have nothing to run. */
  function run(cell: Cell): void {
    if (cell.type !== 'code') return;
    const nb = useNotebookStore();
    // A new run replaces the outputs at once, as in Jupyter, so stale results never sit next to a [*].
    cell.outputs = [];
    nb.touch();
    if (!cell.source.trim()) {
      cell.executionCount = null;
      return;
    }
    const cellId = cell.id;
    runState.value[cellId] = 'queued';
    const execId = client.value.execute(cell.source, {
      onStart: () => (runState.value[cellId] = 'running'),
      onOutput: (msg) => {
        pending.push({ cell, msg });
        flushTimer ??= setTimeout(flush, FLUSH_MS);
      },
      onDone: (msg) => {
        flush();
        delete runState.value[cellId];
        execToCell.delete(execId);
        if (input.value?.id === msg.id) input.value = null;
        if (msg.executionCount !== null) cell.executionCount = msg.executionCount;
        nb.touch();
      },
    });
    execToCell.set(execId, cellId);
  }

  function interrupt(): void {
    client.value.interrupt();
  }

  function restart(): void {
    notice.value = null;
    input.value = null;
    if (state.value === 'dead') state.value = 'restarting';
    client.value.restart();
  }

  /**
   * Remembers the new backend preference and restarts the kernel on it (a kernel only reads it at start-up). A
   * dead kernel is not restarted here: the next one connected (session.ts's restartKernel) is told the preference.
   */
  function switchBackend(pref: BackendPreference): void {
    preference.value = pref;
    saveBackendPreference(pageStorage(), pref);
    if (state.value === 'dead') {
      client.value.configure(pref);
      return;
    }
    switchingTo = pref;
    notice.value = null;
    input.value = null;
    // Shown at once: the engine's own 'restarting' follows, and tests can wait for 'idle' without a race.
    state.value = 'restarting';
    client.value.restart(pref);
  }

  function replyInput(value: string): void {
    const req = input.value;
    if (!req) return;
    input.value = null;
    const cell = useNotebookStore().cells.find((c) => c.id === req.cellId);
    // Jupyter shows the prompt and the answer in the output, as a terminal would (hidden for passwords).
    if (cell) {
      pending.push({ cell, msg: { type: 'stream', id: req.id, name: 'stdout', text: `${req.prompt}${req.password ? '' : value}\n` } });
      flush();
    }
    client.value.replyInput(req.id, value);
  }

  function dismissNotice(): void {
    notice.value = null;
  }

  return {
    state, runState, input, notice, startup, backend, preference, backendNotice, client,
    attach, engineExited, run, interrupt, restart, switchBackend, replyInput, dismissNotice, flush,
  };
});

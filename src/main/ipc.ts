/**
 * @file The main-process end of the host bridge: one `ipcMain.handle` per channel of src/shared/protocol/host.ts.
 * Every call is checked twice before a handler sees it — who sent it (our window's main frame, showing our own
 * page) and what it carries (`HostArgs`, valibot) — and refused with a logged reason otherwise. Handlers receive
 * arguments already validated and typed.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import * as v from 'valibot';
import { HostArgs, hostChannel, type DivelabBridge, type HostMethod } from '../shared/protocol/host';
import { isAppUrl } from './app-url';

export type HostArgsOf<M extends HostMethod> = v.InferOutput<(typeof HostArgs)[M]>;
export type HostResultOf<M extends HostMethod> = Awaited<ReturnType<DivelabBridge[M]>>;

/** What a handler knows about its caller, once the caller is trusted. */
export interface CallContext {
  contents: WebContents;
}

export type HostHandlers = {
  [M in HostMethod]: (ctx: CallContext, ...args: HostArgsOf<M>) => Promise<HostResultOf<M>>;
};

/** Says why a sender is not trusted, or null when it is. */
export type SenderCheck = (event: IpcMainInvokeEvent) => string | null;

/**
 * Trusts the main frame of one of our own windows, and only while it shows the app's own page. An iframe inside
 * the page (an HTML output) or a page that somehow navigated elsewhere is refused.
 */
export function appSenderCheck(isOurWindow: (contents: WebContents) => boolean): SenderCheck {
  return (event) => {
    if (!isOurWindow(event.sender)) return 'the sender is not a DiveLab window';
    try {
      const frame = event.senderFrame;
      if (!frame) return 'the sending frame is gone';
      const main = event.sender.mainFrame;
      if (frame.parent !== null || frame.routingId !== main.routingId || frame.processId !== main.processId) {
        return 'the sender is not the main frame';
      }
      if (!isAppUrl(frame.url)) return `the sender shows an untrusted page (${frame.url})`;
      return null;
    } catch {
      // A frame disposed while its message was in flight throws on every property read.
      return 'the sending frame is gone';
    }
  };
}

/** Registers every host channel; returns a function that removes them again. */
export function registerHostIpc(
  handlers: HostHandlers,
  check: SenderCheck,
  log: (message: string) => void = (m) => console.warn(`[ipc] ${m}`),
): () => void {
  const methods = Object.keys(HostArgs) as HostMethod[];
  for (const method of methods) {
    const schema: v.GenericSchema = HostArgs[method];
    const handler = handlers[method] as (ctx: CallContext, ...args: unknown[]) => Promise<unknown>;
    ipcMain.handle(hostChannel(method), async (event, ...args: unknown[]) => {
      const problem = check(event);
      if (problem !== null) {
        log(`refused ${method}: ${problem}`);
        throw new Error(`DiveLab refused ${method}: ${problem}`);
      }
      const parsed = v.safeParse(schema, args);
      if (!parsed.success) {
        const why = v.summarize(parsed.issues);
        log(`refused ${method}: invalid arguments: ${why}`);
        throw new Error(`DiveLab refused ${method}: invalid arguments`);
      }
      return handler({ contents: event.sender }, ...(parsed.output as unknown[]));
    });
  }
  return () => {
    for (const method of methods) ipcMain.removeHandler(hostChannel(method));
  };
}

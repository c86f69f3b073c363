/**
 * @file One CLI run's connection to an engine: streams to our stdout/stderr, `input()` from our stdin, Ctrl+C as
 * an interrupt (a second Ctrl+C ends the run), and an engine crash reported on stderr.
 */
import type { FromEngine } from '../../shared/protocol/engine';
import { createNodeEngine, type EngineClient } from './engine';
import { StdinLines } from './stdin-lines';

export interface Session {
  ready(): void;
  message(msg: FromEngine): void;
}

/**
 * Starts an engine for one CLI run and wires what every run needs: stdout/stderr, input() from our stdin,
 * Ctrl+C as an interrupt (a second one ends the run), and a crash reported on stderr.
 */
export function withEngine(
  cwd: string,
  session: (engine: EngineClient, finish: (code: number) => void) => Session,
): Promise<number> {
  return new Promise((resolvePromise) => {
    let stdin: StdinLines | null = null;
    let interrupts = 0;
    let done = false;
    // Assigned right after the engine exists; the engine's first status message comes before that.
    let s: Session | null = null;
    const onSigint = (): void => {
      interrupts += 1;
      if (interrupts > 1) finish(130);
      else engine.post({ type: 'interrupt' });
    };
    const finish = (code: number): void => {
      if (done) return;
      done = true;
      process.off('SIGINT', onSigint);
      stdin?.close();
      engine.close();
      resolvePromise(code);
    };
    const engine: EngineClient = createNodeEngine({
      cwd,
      onMessage(msg) {
        if (done) return;
        switch (msg.type) {
          case 'ready':
            s?.ready();
            return;
          case 'stream':
            (msg.name === 'stdout' ? process.stdout : process.stderr).write(msg.text);
            s?.message(msg);
            return;
          case 'input_request':
            process.stdout.write(msg.prompt);
            stdin ??= new StdinLines();
            void stdin.next().then((line) => {
              if (line === null) engine.post({ type: 'input_reply', id: msg.id, value: '', eof: true });
              else engine.post({ type: 'input_reply', id: msg.id, value: line });
            });
            return;
          case 'restarted':
            process.stderr.write(`divelab: the Python engine stopped (${msg.reason}${msg.detail ? `: ${msg.detail}` : ''})\n`);
            finish(msg.reason === 'interrupt-timeout' ? 130 : 1);
            return;
          default:
            s?.message(msg);
        }
      },
    });
    s = session(engine, finish);
    process.on('SIGINT', onSigint);
  });
}

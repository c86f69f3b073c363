/**
 * @file Electron adapter: the engine's utility process. The main process forks this file with
 * `utilityProcess.fork` and posts one message whose `ports[0]` is the renderer's MessagePort; the router then
 * serves the engine protocol on that port, with the Python worker in a worker thread (see node/engine.ts).
 * `ports[1]`, when present, leads to the renderer's GPU executor: each Python worker reaches it through gpu-hub.ts.
 * The working directory (the notebook's folder) comes as `--cwd=PATH` in the fork's args, else process.cwd().
 */
import type { MessagePortMain } from 'electron';
import { createNodeEngine, type EngineClient } from '../node/engine';
import type { Port } from '../../shared/backends/webgpu/remote-protocol';
import { createGpuHub } from './gpu-hub';

interface ParentPort {
  once(event: 'message', listener: (e: { data: unknown; ports: MessagePortMain[] }) => void): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
const cwdArg = process.argv.find((a) => a.startsWith('--cwd='));
const cwd = cwdArg ? cwdArg.slice('--cwd='.length) : process.cwd();
const workerArg = process.argv.find((a) => a.startsWith('--python-worker='));

if (!parentPort) {
  process.stderr.write('divelab engine: utility-entry must run in an Electron utility process\n');
  process.exit(2);
}

parentPort.once('message', (first) => {
  const port = first.ports[0];
  if (!port) {
    process.stderr.write('divelab engine: the first message carried no MessagePort\n');
    process.exit(2);
  }
  let portOpen = true;
  const gpuPort = first.ports[1];
  const gpu = gpuPort ? createGpuHub(electronPort(gpuPort), {
    onInvalid: (msg) => process.emitWarning(`divelab engine: dropped an invalid GPU message ${JSON.stringify(msg)?.slice(0, 200)}`),
  }) : null;
  const engine: EngineClient = createNodeEngine({
    cwd,
    workerUrl: workerArg ? new URL(workerArg.slice('--python-worker='.length)) : undefined,
    onMessage: (msg) => { if (portOpen) port.postMessage(msg); },
    gpuPort: gpu ? () => gpu.attach() : undefined,
  });
  port.on('message', (e) => engine.post(e.data));
  // The renderer went away (window closed or reloaded): nobody is left to serve.
  port.on('close', () => {
    portOpen = false;
    engine.close();
    gpu?.close();
    process.exit(0);
  });
  port.start();
});

/** An Electron MessagePortMain as a `Port`: messages arrive as events with `data`, and only ports can be transferred. */
function electronPort(p: MessagePortMain): Port {
  return {
    post: (m) => p.postMessage(m),
    listen: (cb) => {
      p.on('message', (e) => cb(e.data));
      p.start();
    },
  };
}

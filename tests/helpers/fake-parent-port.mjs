/**
 * @file Stands in for Electron's utility-process API in Node (`node --import` this file, then run
 * out/engine/utility-entry.js under child_process.fork): `process.parentPort` delivers one message carrying a
 * MessagePortMain-like port, and that port is bridged to the fork's IPC channel, so a test can speak the engine
 * protocol with `child.send` / `child.on('message')`.
 */
import { EventEmitter } from 'node:events';

const port = new EventEmitter();
// As Electron's MessagePortMain, posting after the other end went away is a no-op: a test that disconnects right
// after the reply it waited for must not see the engine's next message (a status) fail with EPIPE and exit 1.
port.postMessage = (msg) => { if (process.connected) process.send(msg, () => {}); };
port.start = () => {};
process.on('message', (msg) => port.emit('message', { data: msg, ports: [] }));
process.on('disconnect', () => port.emit('close'));

const parentPort = new EventEmitter();
parentPort.on('newListener', (event) => {
  if (event === 'message') setImmediate(() => parentPort.emit('message', { data: null, ports: [port] }));
});
process.parentPort = parentPort;

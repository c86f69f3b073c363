/** @file Picks the host the renderer runs in: Electron when the preload exposed `window.divelab`, else the browser. */
import type { DivelabBridge } from '../../shared/protocol/host';
import { BrowserHost } from './browser-host';
import { startWorkerEngine } from './browser-engine';
import { ElectronHost } from './electron-host';
import type { Host } from './types';

export function createHost(): Host {
  const bridge = (window as { divelab?: DivelabBridge }).divelab;
  return bridge?.platform === 'electron' ? new ElectronHost(bridge) : new BrowserHost(startWorkerEngine);
}

export type { Host } from './types';

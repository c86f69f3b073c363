/**
 * @file The host inside Electron: a thin wrapper over the preload's `window.divelab` bridge.
 *
 * The engine's MessagePort arrives as a window message from the preload (see [Note: host bridge]); it is accepted
 * only from this window, with this origin, and after validation.
 */
import {
  ENGINE_EXIT_MESSAGE,
  ENGINE_PORT_MESSAGE,
  parseEngineWindowMessage,
  type DivelabBridge,
  type MenuCommand,
} from '../../shared/protocol/host';
import { messagePortTransport, type PortTransport } from '../engine/transport';
import type { DataFile, EngineConnectionListener, Host, OpenedNotebook, RecentFile, SaveResult } from './types';

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

export class ElectronHost implements Host {
  readonly kind = 'electron' as const;
  private current: PortTransport | null = null;
  private listener: EngineConnectionListener | null = null;

  constructor(private readonly bridge: DivelabBridge) {}

  openNotebook(): Promise<OpenedNotebook | null> {
    return this.bridge.openNotebook();
  }
  openRecent(key: string): Promise<OpenedNotebook> {
    return this.bridge.readNotebook(key);
  }
  async recentFiles(): Promise<RecentFile[]> {
    return (await this.bridge.recentFiles()).map((p) => ({ key: p, name: baseName(p) }));
  }
  save(path: string | null, name: string, content: string): Promise<SaveResult | null> {
    return path ? this.bridge.saveNotebook(path, content) : this.bridge.saveNotebookAs(content, name);
  }
  saveAs(name: string, content: string): Promise<SaveResult | null> {
    return this.bridge.saveNotebookAs(content, name);
  }
  writeAutosave(key: string, content: string): Promise<void> {
    return this.bridge.writeAutosave(key, content);
  }
  readAutosave(key: string): Promise<string | null> {
    return this.bridge.readAutosave(key);
  }
  clearAutosave(key: string): Promise<void> {
    return this.bridge.clearAutosave(key);
  }
  async openDataFile(): Promise<DataFile | null> {
    const f = await this.bridge.openDataFile();
    return f && { name: f.name, data: f.data };
  }
  exportFile(name: string, data: Uint8Array): Promise<SaveResult | null> {
    return this.bridge.exportFile(name, data);
  }

  async connectEngine(notebookPath: string | null, listener: EngineConnectionListener): Promise<void> {
    // Connecting again (after the engine kept crashing) keeps the one window listener and updates its target.
    const first = this.listener === null;
    this.listener = listener;
    if (first) {
      window.addEventListener('message', (e: MessageEvent) => {
        if (e.source !== window || e.origin !== location.origin) return;
        const msg = parseEngineWindowMessage(e.data);
        if (!msg) return;
        if (msg.type === ENGINE_PORT_MESSAGE) {
          const port = e.ports[0];
          if (!port) return;
          this.current = messagePortTransport(port);
          this.listener?.onTransport(this.current, msg.reason, msg.detail);
        } else if (msg.type === ENGINE_EXIT_MESSAGE) {
          this.current?.fail(msg.detail);
          this.listener?.onExit(msg.detail, msg.restartInMs);
        }
      });
    }
    await this.bridge.connectEngine(notebookPath);
  }

  onMenuCommand(listener: (command: MenuCommand, arg?: string) => void): () => void {
    return this.bridge.onMenuCommand(listener);
  }
}

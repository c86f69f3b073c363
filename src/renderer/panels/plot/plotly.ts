/**
 * @file Plotly for the plot panel: loaded once, lazily; pointer→data coordinates; image export.
 */
import { sanitizeFileName } from './names';

export interface PlotlyApi {
  react(el: HTMLElement, data: unknown[], layout: unknown, config?: unknown): Promise<unknown>;
  purge(el: HTMLElement): void;
  toImage(el: HTMLElement, opts: { format: 'png' | 'svg'; width?: number; height?: number }): Promise<string>;
}

let loading: Promise<PlotlyApi> | null = null;

export function loadPlotly(): Promise<PlotlyApi> {
  loading ??= import('plotly.js-dist').then((m) => (m.default ?? m) as unknown as PlotlyApi);
  return loading;
}

interface Axis { p2c(px: number): number }
interface PlotDiv extends HTMLElement {
  _fullLayout?: { xaxis: Axis; yaxis: Axis; _size: { l: number; t: number; w: number; h: number } };
}

/** Data coordinates under the pointer, or null outside the plotting area (or before the first draw). */
export function pointerToData(el: HTMLElement, ev: { clientX: number; clientY: number }): [number, number] | null {
  const layout = (el as PlotDiv)._fullLayout;
  if (!layout) return null;
  const rect = el.getBoundingClientRect();
  const px = ev.clientX - rect.left - layout._size.l;
  const py = ev.clientY - rect.top - layout._size.t;
  if (px < 0 || py < 0 || px > layout._size.w || py > layout._size.h) return null;
  return [layout.xaxis.p2c(px), layout.yaxis.p2c(py)];
}

function dataUrlToBytes(url: string): Uint8Array {
  const comma = url.indexOf(',');
  const meta = url.slice(0, comma);
  const body = url.slice(comma + 1);
  if (meta.endsWith(';base64')) return Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
  return new TextEncoder().encode(decodeURIComponent(body));
}

/** Saves the plot as PNG or SVG: through the native dialog in Electron, as a download in the browser. */
export async function exportPlot(el: HTMLElement, format: 'png' | 'svg', name: string): Promise<void> {
  const plotly = await loadPlotly();
  const url = await plotly.toImage(el, { format, width: el.clientWidth || 700, height: el.clientHeight || 450 });
  const file = `${sanitizeFileName(name)}.${format}`;
  const bridge = (window as unknown as { divelab?: { exportFile(n: string, d: Uint8Array): Promise<unknown> } }).divelab;
  if (bridge) {
    await bridge.exportFile(file, dataUrlToBytes(url));
    return;
  }
  const a = document.createElement('a');
  a.href = url;
  a.download = file;
  a.click();
}

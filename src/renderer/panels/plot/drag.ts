/**
 * @file Dragging a point over a plot, shared by the derivative and gradient-field views: pointer capture, data
 * coordinates under the pointer, and redraws coalesced to one per animation frame ([Note: cached drag] in
 * DerivativeView.vue: a move never waits for the engine).
 */
import type { Ref } from 'vue';
import { pointerToData } from './plotly';

export interface DragOptions {
  plot: Ref<HTMLElement | null>;
  /** Whether a drag may start now (e.g. there is something plotted). */
  canStart(): boolean;
  /** The pointer is at data coordinates `p`; update state (the redraw follows, once per frame). */
  moveTo(p: [number, number]): void;
  redraw(): void;
  onStart?(): void;
  /** The drag ended: the place to ask the engine for exact values. */
  onEnd(): void;
}

export function usePlotDrag(o: DragOptions): { onDown(ev: PointerEvent): void; onMove(ev: PointerEvent): void; onUp(): void; scheduleRedraw(): void } {
  let dragging = false;
  let scheduled = false;

  function scheduleRedraw(): void {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      o.redraw();
    });
  }

  function follow(ev: PointerEvent): void {
    const el = o.plot.value;
    const p = el && pointerToData(el, ev);
    if (!p) return;
    o.moveTo(p);
    scheduleRedraw();
  }

  return {
    scheduleRedraw,
    onDown(ev) {
      if (!o.canStart()) return;
      dragging = true;
      o.onStart?.();
      (ev.currentTarget as HTMLElement).setPointerCapture?.(ev.pointerId);
      follow(ev);
    },
    onMove(ev) {
      if (dragging) follow(ev);
    },
    onUp() {
      if (!dragging) return;
      dragging = false;
      o.onEnd();
    },
  };
}

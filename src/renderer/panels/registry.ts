/**
 * @file The side panels, one entry each. A panel is a Vue component loaded the first time its tab opens; it
 * reaches the notebook and the kernel through the Pinia stores (`useNotebookStore`, `useKernelStore`, whose
 * `client.eval(code)` evaluates an expression without touching the execution count).
 *
 * To add a panel, add one entry here. List only panels that exist.
 */
import type { Component } from 'vue';

export interface PanelDef {
  /** Stable id: the tab's test id is `panel-tab-<id>`. */
  id: string;
  title: string;
  load: () => Promise<Component | { default: Component }>;
}

export const PANELS: readonly PanelDef[] = [
  { id: 'outline', title: 'Outline', load: () => import('./OutlinePanel.vue') },
  { id: 'lessons', title: 'Lessons', load: () => import('../lessons/LessonsPanel.vue') },
  { id: 'plot', title: 'Plots', load: () => import('./plot/PlotPanel.vue') },
  { id: 'graph', title: 'Graph', load: () => import('./graph/GraphPanel.vue') },
  { id: 'dataset', title: 'Dataset', load: () => import('./dataset/DatasetPanel.vue') },
];

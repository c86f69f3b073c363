/** @file The plot helpers Python calls (`from _divelab_js import plot`): arrow geometry for `pyplot.quiver`. */
import { quiverSegments } from './quiver';

export const pyapi = { quiverSegments };

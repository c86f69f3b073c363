/** @file Renderer entry: the Vue app, its stores, and a session with the host it runs in (Electron or browser). */
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { createHost } from './host';
import { startSession } from './session';
import { startGpuExecutors } from './gpu-executor';
import './styles.css';

const app = createApp(App);
app.use(createPinia());
const host = createHost();
// Electron: the renderer runs the engines' GPU kernels (browser mode runs them in the engine's worker)
if (host.kind === 'electron') startGpuExecutors();
// Restore first, then mount, so the restored notebook is what the user sees first (no flash of an empty one).
void startSession(host).finally(() => app.mount('#app'));

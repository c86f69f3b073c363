/**
 * @file Where the renderer's files come from, and the one test of "is this URL ours?" that the CSP, the IPC sender
 * check and the permission policy share.
 *
 * A packaged or previewed app serves its files from the privileged `app://divelab/` scheme (app-protocol.ts), not
 * `file://`: a standard, secure origin is what lets the response headers make the page cross-origin isolated. Under
 * `electron-vite dev` the Vite dev server's origin (ELECTRON_RENDERER_URL) takes its place.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'divelab';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The dev server's origin while running `electron-vite dev`, else null. Read on each call so tests can set it. */
export function devServerOrigin(): string | null {
  const url = process.env['ELECTRON_RENDERER_URL'];
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** The URL the main window loads. */
export function rendererUrl(): string {
  return process.env['ELECTRON_RENDERER_URL'] ?? `${APP_ORIGIN}/index.html`;
}

/** True when `url` (a URL or an origin) belongs to the app's own origin. */
export function isAppUrl(url: string): boolean {
  let origin: string;
  try {
    const parsed = new URL(url);
    // Non-special schemes report the origin "null"; rebuild it for app://.
    origin = parsed.protocol === `${APP_SCHEME}:` ? `${APP_SCHEME}://${parsed.host}` : parsed.origin;
  } catch {
    return false;
  }
  return origin === APP_ORIGIN || (origin !== 'null' && origin === devServerOrigin());
}

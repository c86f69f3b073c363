/**
 * @file Electron hardening in one place: the renderer's web preferences, the response headers every app file gets
 * (CSP, cross-origin isolation), the session's permission policy, and the navigation / new-window guards.
 *
 * [Note: renderer security] The renderer shows notebook outputs, which may contain HTML produced by user code, so
 * it is treated as untrusted: it runs sandboxed with context isolation and no Node; it can load only files of the
 * app itself (the CSP allows no remote origin at all); it cannot navigate away or open windows; and every IPC call
 * it makes is validated in the main process (ipc.ts). Cross-origin isolation (COOP/COEP) is required for
 * SharedArrayBuffer, which the GPU executor and input() rely on. Links to web pages are handed to the system
 * browser instead of being opened inside the app.
 */
import { shell, type Session, type WebContents, type WebPreferences } from 'electron';
import { isAppUrl } from './app-url';

/** The Content-Security-Policy of every app document. Monaco needs inline styles; Pyodide/WASM need wasm eval. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers added to every response for an app file. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
  };
}

/** Web preferences of every DiveLab window. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    experimentalFeatures: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

/** Permissions granted, and only to app documents: copying to the clipboard from Monaco's context menu. */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

type HeaderMap = Record<string, string | string[]>;

/** Replaces (case-insensitively) the security headers of an app response, leaving the others as they are. */
export function withSecurityHeaders(headers: HeaderMap | undefined): HeaderMap {
  const ours = securityHeaders();
  const lower = new Set(Object.keys(ours).map((k) => k.toLowerCase()));
  const out: HeaderMap = {};
  for (const [k, value] of Object.entries(headers ?? {})) if (!lower.has(k.toLowerCase())) out[k] = value;
  return { ...out, ...ours };
}

/** Applies the header and permission policy to a session (the app uses the default session). */
export function hardenSession(session: Session): void {
  // The app:// protocol handler sets these headers itself; this covers the Vite dev server in `npm run dev`.
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url)) return callback({});
    callback({ responseHeaders: withSecurityHeaders(details.responseHeaders) });
  });
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(ALLOWED_PERMISSIONS.has(permission) && isAppUrl(details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
}

/** Opens http(s) links in the system browser; everything else (file:, javascript:, custom schemes) is dropped. */
export function openExternalSafely(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return;
  }
  if (parsed.protocol === 'https:' || parsed.protocol === 'http:') void shell.openExternal(parsed.href);
}

/** Blocks navigation, new windows and webviews in a web contents (called for every one the app creates). */
export function hardenWebContents(contents: WebContents): void {
  const blockNavigation = (event: { preventDefault(): void }, url: string): void => {
    event.preventDefault();
    openExternalSafely(url);
  };
  contents.on('will-navigate', blockNavigation);
  contents.on('will-redirect', (event) => event.preventDefault());
  // Frames inside the page (HTML outputs) must not navigate either; their own links go to the browser.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) {
      event.preventDefault();
      openExternalSafely(event.url);
    }
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Hardens every web contents the app ever creates (windows, and anything a bug might create later). */
export function installWebContentsGuards(app: Electron.App): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

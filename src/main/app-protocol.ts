/**
 * @file The `app://divelab/` protocol: serves the built renderer (out/renderer) with the security headers of
 * security.ts, and nothing outside that folder. See app-url.ts for why it is not `file://`.
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-url';
import { securityHeaders } from './security';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.zip': 'application/zip',
  '.txt': 'text/plain; charset=utf-8',
  '.py': 'text/plain; charset=utf-8',
};

/** Must run before `app` is ready: a standard, secure scheme gets a real origin, fetch and streaming. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true, corsEnabled: true },
    },
  ]);
}

/** Maps an app:// URL to a file under `root`, or null for other hosts and for paths that escape `root`. */
export function resolveAppFile(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const base = resolve(root);
  const file = resolve(base, `.${pathname === '/' ? '/index.html' : pathname}`);
  return file.startsWith(base + sep) ? file : null;
}

/** Answers an app:// request from `root`; unknown files are a plain 404 (still with the security headers). */
export async function appResponse(root: string, url: string): Promise<Response> {
  const file = resolveAppFile(root, url);
  const headers = securityHeaders();
  if (file) {
    try {
      const data = await readFile(file);
      const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
      return new Response(new Uint8Array(data), { status: 200, headers: { ...headers, 'Content-Type': type } });
    } catch {
      // fall through to 404
    }
  }
  return new Response('Not found', { status: 404, headers: { ...headers, 'Content-Type': 'text/plain' } });
}

/** Installs the handler (after `app` is ready). */
export function serveAppFiles(root: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(root, request.url));
}

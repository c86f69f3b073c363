/** @file The app:// protocol serves the built renderer, with the security headers, and nothing outside it. */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { protocol } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { appResponse, registerAppScheme, resolveAppFile } = await import('../../../src/main/app-protocol');
const { isAppUrl } = await import('../../../src/main/app-url');
const { CONTENT_SECURITY_POLICY } = await import('../../../src/main/security');

let root: string;
beforeAll(async () => {
  const base = await mkdtemp(join(tmpdir(), 'divelab-app-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>DiveLab</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'k.wasm'), new Uint8Array([0, 97, 115, 109]));
  await writeFile(join(base, 'secret.txt'), 'not for the renderer');
});

describe('app:// protocol', () => {
  it('is registered as a standard, secure scheme with fetch support', () => {
    registerAppScheme();
    const [[schemes]] = protocol.registerSchemesAsPrivileged.mock.calls as unknown as [[Array<{ scheme: string; privileges: Record<string, boolean> }>]];
    expect(schemes[0]).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
  });

  it('maps URLs to files inside the renderer folder only', () => {
    expect(resolveAppFile(root, 'app://divelab/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://divelab/assets/app.js?v=1')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveAppFile(root, 'app://divelab/../secret.txt')).toBe(join(root, 'secret.txt'));
    // The URL parser itself folds dot segments, encoded or not, so these stay inside the folder.
    expect(resolveAppFile(root, 'app://divelab/%2e%2e/secret.txt')).toBe(join(root, 'secret.txt'));
    expect(resolveAppFile(root, 'app://divelab/assets%2f..%2f..%2fsecret.txt')).toBeNull();
    expect(resolveAppFile(root, 'app://divelab/%00')).toBeNull();
    expect(resolveAppFile(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppFile(root, 'https://divelab/index.html')).toBeNull();
  });

  it('serves files with their type and the CSP and isolation headers', async () => {
    const page = await appResponse(root, 'app://divelab/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(page.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(await page.text()).toContain('<title>DiveLab</title>');
    const wasm = await appResponse(root, 'app://divelab/assets/k.wasm');
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
  });

  it('answers 404 for missing files and for anything outside the folder', async () => {
    expect((await appResponse(root, 'app://divelab/nope.js')).status).toBe(404);
    const escape = await appResponse(root, 'app://divelab/%2e%2e/secret.txt');
    expect(escape.status).toBe(404);
    expect(await escape.text()).not.toContain('not for the renderer');
    expect((await appResponse(root, 'app://divelab/assets')).status).toBe(404);
  });
});

describe('isAppUrl', () => {
  it('accepts the app origin and, under dev, the dev server origin only', () => {
    expect(isAppUrl('app://divelab/index.html')).toBe(true);
    expect(isAppUrl('app://divelab')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    expect(isAppUrl('http://localhost:5173/src/x.ts')).toBe(true);
    expect(isAppUrl('http://localhost:5174/')).toBe(false);
    expect(isAppUrl('garbage')).toBe(false);
    vi.unstubAllEnvs();
  });
});

/** @file The renderer's security settings: window options, CSP and isolation headers, permissions, navigation. */
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeSession, FakeWebContents, resetFakes, shell } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { CONTENT_SECURITY_POLICY, hardenSession, hardenWebContents, secureWebPreferences, securityHeaders, withSecurityHeaders } =
  await import('../../../src/main/security');

beforeEach(() => resetFakes());
afterEach(() => vi.unstubAllEnvs());

describe('window options', () => {
  it('turn on isolation and the sandbox and turn off Node, webviews and insecure content', () => {
    const prefs = secureWebPreferences('/app/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });
});

describe('content security policy', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

  it('allows only the app itself, plus WASM, blob workers and inline styles', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('never allows eval, inline scripts or a remote origin', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'|https?:|\*/);
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('comes with the headers that make the page cross-origin isolated (SharedArrayBuffer)', () => {
    expect(securityHeaders()).toMatchObject({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    });
  });

  it('replaces a weaker policy sent by a server, whatever its header case', () => {
    const merged = withSecurityHeaders({ 'content-security-policy': ["default-src *"], 'X-Other': ['1'] });
    expect(merged['content-security-policy']).toBeUndefined();
    expect(merged['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(merged['X-Other']).toEqual(['1']);
  });
});

function hardenedSession() {
  const s = fakeSession();
  hardenSession(s as never);
  return s;
}

describe('session policy', () => {
  it('adds the security headers to app responses and the dev server, not to other URLs', () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/');
    const s = hardenedSession();
    const answer = (url: string) => {
      let result: unknown;
      s.onHeaders!({ url, responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => (result = r));
      return result as { responseHeaders?: Record<string, unknown> };
    };
    expect(answer('app://divelab/index.html').responseHeaders?.['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(answer('http://localhost:5173/src/main.ts').responseHeaders?.['Cross-Origin-Embedder-Policy']).toBe('require-corp');
    expect(answer('https://example.com/').responseHeaders).toBeUndefined();
  });

  it('denies every permission request except clipboard writes from the app', () => {
    const s = hardenedSession();
    const ask = (permission: string, url = 'app://divelab/index.html') => {
      let granted: boolean | undefined;
      s.request!({}, permission, (ok) => (granted = ok), { requestingUrl: url });
      return granted;
    };
    for (const p of ['media', 'geolocation', 'notifications', 'midi', 'openExternal', 'fullscreen', 'clipboard-read']) {
      expect(ask(p)).toBe(false);
    }
    expect(ask('clipboard-sanitized-write')).toBe(true);
    expect(ask('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(s.check!({}, 'media', 'app://divelab')).toBe(false);
    expect(s.check!({}, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false);
    expect(s.device!()).toBe(false);
  });
});

describe('navigation and new windows', () => {
  function hardened() {
    const contents = new FakeWebContents();
    hardenWebContents(contents as never);
    return contents;
  }
  const event = () => ({ preventDefault: vi.fn() });

  it('blocks every navigation of the page, and hands web links to the system browser', () => {
    const contents = hardened();
    for (const url of ['https://d2l.ai/', 'app://divelab/other.html', 'file:///etc/passwd', 'javascript:alert(1)']) {
      const e = event();
      contents.emit('will-navigate', e, url);
      expect(e.preventDefault).toHaveBeenCalled();
    }
    expect(shell.openExternal.mock.calls).toEqual([['https://d2l.ai/']]);
  });

  it('blocks redirects and navigation inside frames (HTML outputs), but not the page itself', () => {
    const contents = hardened();
    const redirect = event();
    contents.emit('will-redirect', redirect, 'https://x.example/');
    expect(redirect.preventDefault).toHaveBeenCalled();
    const sub = { ...event(), isMainFrame: false, url: 'https://x.example/' };
    contents.emit('will-frame-navigate', sub);
    expect(sub.preventDefault).toHaveBeenCalled();
    const main = { ...event(), isMainFrame: true, url: 'https://x.example/' };
    contents.emit('will-frame-navigate', main);
    expect(main.preventDefault).not.toHaveBeenCalled(); // will-navigate handles the main frame
  });

  it('denies window.open, opening only http(s) links outside the app', () => {
    const contents = hardened();
    expect(contents.windowOpenHandler!({ url: 'https://pytorch.org/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'file:///home/x' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'not a url' })).toEqual({ action: 'deny' });
    expect(shell.openExternal.mock.calls).toEqual([['https://pytorch.org/']]);
  });

  it('refuses to attach webviews', () => {
    const contents = hardened();
    const e = event();
    contents.emit('will-attach-webview', e);
    expect(e.preventDefault).toHaveBeenCalled();
  });

  it('is applied to every web contents the app creates', async () => {
    const { installWebContentsGuards } = await import('../../../src/main/security');
    const app = new EventEmitter();
    installWebContentsGuards(app as never);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler).not.toBeNull();
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });
});

describe('browser mode', () => {
  it('serves the same content security policy as the desktop app', async () => {
    const web = await import('../../../scripts/serve-web.mjs');
    expect(web.CONTENT_SECURITY_POLICY).toBe(CONTENT_SECURITY_POLICY);
  });
});

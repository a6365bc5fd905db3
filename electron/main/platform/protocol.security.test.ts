import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Session } from 'electron';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../services/content-security-policy';
import {
  appScheme,
  createAppProtocolHandler,
  installAppProtocol,
  registerAppScheme,
} from './protocol';

const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn() },
}));
vi.mock('electron', () => electron);

const SECRET = 'Inhalt außerhalb des Renderer-Ordners';
let root: string;
let rendererDir: string;

beforeAll(async () => {
  // <root>/secret.txt next to <root>/renderer/: what a traversal would try to read.
  root = await mkdtemp(join(tmpdir(), 'azr-protocol-'));
  rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>azr-desk</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'export {};');
  await writeFile(join(root, 'secret.txt'), SECRET);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

beforeEach(() => {
  vi.clearAllMocks();
});

const get = (url: string, method = 'GET') =>
  createAppProtocolHandler(rendererDir)(new Request(url, { method }));

describe('the app:// scheme registration', () => {
  it('is privileged as standard, secure and fetch-capable, before ready', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it.each(['bypassCSP', 'corsEnabled', 'allowServiceWorkers', 'stream', 'codeCache'])(
    'does not grant %s',
    (privilege) => {
      expect(appScheme.privileges).not.toHaveProperty(privilege);
    },
  );
});

describe('installAppProtocol', () => {
  it('handles the app scheme in the given session with the file handler', async () => {
    const handle = vi.fn();
    installAppProtocol(rendererDir, { protocol: { handle } } as unknown as Pick<
      Session,
      'protocol'
    >);
    expect(handle).toHaveBeenCalledExactlyOnceWith('app', expect.any(Function));
    const handler = handle.mock.calls[0]?.[1] as (request: Request) => Promise<Response>;
    const response = await handler(new Request('app://azr-desk/index.html'));
    expect(response.status).toBe(200);
  });
});

describe('responses of the app:// scheme', () => {
  it('serve the app page at / and /index.html as HTML', async () => {
    for (const url of ['app://azr-desk/', 'app://azr-desk/index.html']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain('<title>azr-desk</title>');
    }
  });

  it('serve scripts with a JavaScript type (module scripts need it under nosniff)', async () => {
    const response = await get('app://azr-desk/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    ['a page', 'app://azr-desk/index.html'],
    ['a script', 'app://azr-desk/assets/app.js'],
    ['a missing file', 'app://azr-desk/fehlt.html'],
    ['a refused path', 'app://azr-desk/%2e%2e/secret.txt'],
  ])('carry the CSP and nosniff on %s', async (_what, url) => {
    const response = await get(url);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answer HEAD without a body', async () => {
    const response = await get('app://azr-desk/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('refuse other methods', async () => {
    const response = await get('app://azr-desk/index.html', 'POST');
    expect(response.status).toBe(405);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    ['a dot-dot segment', 'app://azr-desk/../secret.txt'],
    ['an encoded dot-dot', 'app://azr-desk/%2e%2e/secret.txt'],
    ['an encoded slash', 'app://azr-desk/..%2fsecret.txt'],
    ['an encoded backslash', 'app://azr-desk/..%5csecret.txt'],
    ['a double-encoded dot-dot', 'app://azr-desk/%252e%252e/secret.txt'],
    ['a NUL byte', 'app://azr-desk/index.html%00.png'],
    ['another host', 'app://anderer-host/index.html'],
    ['a directory', 'app://azr-desk/assets/'],
    ['a missing file', 'app://azr-desk/fehlt.js'],
  ])('answer 404 for %s and reveal nothing', async (_what, url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });
});

describe('the Content-Security-Policy', () => {
  it.each([
    "default-src 'self'",
    "connect-src 'self'",
    "script-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ])('contains %s', (directive) => {
    expect(CONTENT_SECURITY_POLICY.split('; ')).toContain(directive);
  });

  it('never allows inline or evaluated scripts', () => {
    const scriptSrc = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
  });
});

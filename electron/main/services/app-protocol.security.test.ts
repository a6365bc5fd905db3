import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeTypeOf, resolveAppFile } from './app-protocol';

const rendererDir = resolve('/srv/azr-desk/out/renderer');
const inRenderer = (...parts: string[]) => join(rendererDir, ...parts);

describe('resolveAppFile', () => {
  it.each([
    ['app://azr-desk/', inRenderer('index.html')],
    ['app://azr-desk/index.html', inRenderer('index.html')],
    ['app://azr-desk/assets/index-abc.js', inRenderer('assets', 'index-abc.js')],
    ['app://azr-desk/index.html?x=1#/suche', inRenderer('index.html')],
    ['app://azr-desk/assets/Schrift%20A.woff2', inRenderer('assets', 'Schrift A.woff2')],
  ])('maps %s into the renderer folder', (url, file) => {
    expect(resolveAppFile(rendererDir, url)).toBe(file);
  });

  it.each([
    ['a dot-dot path that escapes after encoding', 'app://azr-desk/..%2f..%2fetc%2fpasswd'],
    ['a mixed-case encoded dot-dot with an encoded slash', 'app://azr-desk/%2E%2e%2fsecret'],
    ['a NUL byte', 'app://azr-desk/index.html%00.js'],
    ['a malformed escape', 'app://azr-desk/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['a host that only starts like the app', 'app://azr-desk.evil/index.html'],
    ['another scheme', 'file:///srv/azr-desk/out/renderer/index.html'],
    ['https with the app host', 'https://azr-desk/index.html'],
    ['no URL at all', 'index.html'],
  ])('refuses %s', (_what, url) => {
    expect(resolveAppFile(rendererDir, url)).toBeNull();
  });

  it.each([
    ['a dot-dot segment', 'app://azr-desk/../../secret'],
    ['an encoded dot-dot segment', 'app://azr-desk/%2e%2e/%2e%2e/secret'],
  ])('clamps %s at the folder root, as the URL parser does', (_what, url) => {
    expect(resolveAppFile(rendererDir, url)).toBe(inRenderer('secret'));
  });

  // Backslashes and drive letters are separators and absolute paths only on Windows, where they must
  // be refused; on POSIX they are plain file-name characters. Either way nothing leaves the folder.
  it.each([
    ['an encoded backslash escape', 'app://azr-desk/..%5c..%5csecret'],
    ['a drive letter', 'app://azr-desk/C:%5cWindows%5cwin.ini'],
    ['a UNC path', 'app://azr-desk/%5c%5cserver%5cshare%5cdatei'],
  ])('never leaves the folder for %s', (_what, url) => {
    const file = resolveAppFile(rendererDir, url);
    if (file !== null) expect(file.startsWith(rendererDir + sep)).toBe(true);
  });

  it('never resolves a sibling folder whose name starts like the renderer folder', () => {
    // "renderer-secrets" starts with "renderer": a prefix check without the separator would pass it.
    expect(resolveAppFile(rendererDir, 'app://azr-desk/..%2frenderer-secrets%2fkey')).toBeNull();
  });

  it('keeps a dot-dot that the URL parser resolves inside the folder', () => {
    expect(resolveAppFile(rendererDir, 'app://azr-desk/assets/../index.html')).toBe(
      inRenderer('index.html'),
    );
  });
});

describe('mimeTypeOf', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['app.JS', 'text/javascript; charset=utf-8'],
    ['font.woff2', 'font/woff2'],
    ['unbekannt.bin', 'application/octet-stream'],
  ])('types %s as %s', (file, type) => {
    expect(mimeTypeOf(file)).toBe(type);
  });
});

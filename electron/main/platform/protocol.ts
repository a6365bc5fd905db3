import { readFile as nodeReadFile } from 'node:fs/promises';
import { protocol as electronProtocol, session as electronSession } from 'electron';
import type { CustomScheme, Protocol, Session } from 'electron';
import { APP_SCHEME } from '../services/app-origin';
import { mimeTypeOf, resolveAppFile } from '../services/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../services/content-security-policy';

/**
 * `standard` gives the page a real origin (`app://azr-desk`) for relative URLs, storage and the CSP;
 * `secure` makes it a secure context (WebCrypto for the draft encryption); `supportFetchAPI` lets the
 * page fetch its own assets. Deliberately not `corsEnabled` (other origins could read it),
 * `bypassCSP` or `allowServiceWorkers`: the scheme gets no more than the page needs.
 */
export const appScheme: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/**
 * Must run at module top level of the main entry, before `ready`: Electron ignores privileges
 * registered later and the scheme would silently behave like `file://`.
 */
export function registerAppScheme(
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged'> = electronProtocol,
): void {
  protocol.registerSchemesAsPrivileged([appScheme]);
}

/** Sent with every response of the scheme, errors included (architecture §4, checklist 7). */
export const appResponseHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
};

export type ReadAppFile = (path: string) => Promise<Uint8Array<ArrayBuffer>>;

const respond = (
  status: number,
  body: Uint8Array<ArrayBuffer> | string | null,
  contentType: string,
): Response =>
  new Response(body, {
    status,
    headers: { ...appResponseHeaders, 'Content-Type': contentType },
  });

const notFound = (): Response => respond(404, 'Not Found', 'text/plain; charset=utf-8');

/**
 * Serves the built renderer and nothing else: `resolveAppFile` refuses other hosts and every path
 * that would leave `rendererDir`, and a refused or missing file is a plain 404 that says nothing
 * about the disk. Only GET and HEAD: the page has no reason to post to its own files.
 */
export function createAppProtocolHandler(
  rendererDir: string,
  readFile: ReadAppFile = nodeReadFile,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return respond(405, 'Method Not Allowed', 'text/plain; charset=utf-8');
    }
    const file = resolveAppFile(rendererDir, request.url);
    if (file === null) return notFound();
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = await readFile(file);
    } catch {
      // Missing file, a directory, or unreadable: all the same to the page.
      return notFound();
    }
    return respond(200, request.method === 'HEAD' ? null : body, mimeTypeOf(file));
  };
}

/** Serves `app://azr-desk/…` from the built renderer in this session (after `ready`). */
export function installAppProtocol(
  rendererDir: string,
  session: Pick<Session, 'protocol'> = electronSession.defaultSession,
): void {
  session.protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
}

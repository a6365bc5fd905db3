import { readFileSync } from 'node:fs';
import { Agent, request } from 'undici';
import type { TestPki } from '../../pki/pki';

type ClientKey = 'clientMusterstadt' | 'clientBeispielkreis' | 'clientExpired' | 'untrustedClient';

/** An HTTPS client for the training register with one of the test PKI's client certificates. */
export function registerClient(baseUrl: string, pki: TestPki, who: ClientKey | 'none') {
  const ca = readFileSync(pki.entities.ca.files.cert, 'utf8');
  const agent = new Agent({
    connect:
      who === 'none'
        ? { ca }
        : {
            ca,
            pfx: readFileSync(pki.entities[who].files.p12),
            passphrase: pki.p12Password,
          },
  });
  const call = async (
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await request(`${baseUrl}${path}`, {
      method,
      dispatcher: agent,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return {
      status: response.statusCode,
      body: (await response.body.json()) as Record<string, unknown> & { [key: string]: unknown },
    };
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown, headers?: Record<string, string>) =>
      call('POST', path, body, headers),
    close: () => agent.close(),
  };
}

export async function adminCall(
  adminUrl: string,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
) {
  const response = await fetch(`${adminUrl}${path}`, {
    method,
    ...(body !== undefined
      ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
      : {}),
  });
  return (await response.json()) as Record<string, unknown>;
}

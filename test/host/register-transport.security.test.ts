// The register connection trusts only the pinned register CA and never sends without a chosen
// client certificate; transport errors of both hosts map to the closed failure codes.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { Server } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestPki } from '../pki/pki';
import { ensureTestPki } from '../pki/pki';
import {
  classifyTransportError,
  failureCodeOf,
} from '../../electron/main/services/register/failures';
import type { RegisterGatewayDeps } from '../../electron/main/services/register/gateway';
import { backoffDelay, createRegisterGateway } from '../../electron/main/services/register/gateway';
import type { ClientIdentity } from '../../electron/main/services/register/node-transport';
import { createNodeRegisterFetch } from '../../electron/main/services/register/node-transport';

let pki: TestPki;
const servers: Server[] = [];

beforeAll(async () => {
  pki = await ensureTestPki();
}, 120_000);

afterAll(async () => {
  await Promise.all(
    servers.map((server) => new Promise((resolve) => server.close(() => resolve(undefined)))),
  );
});

const read = (path: string) => readFileSync(path, 'utf8');

/** A register stand-in with the given server certificate that answers health checks. */
async function fakeRegister(which: 'server' | 'untrustedServer'): Promise<string> {
  const entity = pki.entities[which];
  const server = createServer(
    { cert: read(entity.files.cert), key: read(entity.files.key) },
    (_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ status: 'ok', zeit: new Date().toISOString() }));
    },
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  return `https://127.0.0.1:${address.port}`;
}

const musterstadt = (): ClientIdentity => ({
  fingerprint: pki.entities.clientMusterstadt.fingerprint256,
  pfx: readFileSync(pki.entities.clientMusterstadt.files.p12),
  passphrase: pki.p12Password,
});

function gatewayFor(
  url: string,
  transport: { ca: string[]; pins: string[]; identity?: ClientIdentity | undefined },
  extra: Partial<RegisterGatewayDeps> = {},
) {
  let sent = 0;
  const node = createNodeRegisterFetch({
    ca: transport.ca,
    pins: () => transport.pins,
    clientIdentity: () => transport.identity,
  });
  const gateway = createRegisterGateway({
    registerUrl: () => url,
    fetch: (target, init) => {
      sent += 1;
      return node.fetch(target, init);
    },
    userName: () => 'mmuster',
    now: () => new Date(),
    sleep: () => Promise.resolve(),
    random: () => 0,
    protocol: { append: () => Promise.resolve() },
    ...extra,
  });
  return { gateway, sent: () => sent, close: () => node.close() };
}

describe('Vertrauen in den Server des Registers', () => {
  it('ein Server mit Zertifikat einer fremden CA ist SERVER_UNTRUSTED, ohne Wiederholung', async () => {
    const url = await fakeRegister('untrustedServer');
    const { gateway, sent, close } = gatewayFor(url, {
      ca: [read(pki.entities.ca.files.cert)],
      pins: [pki.entities.ca.fingerprint256],
      identity: musterstadt(),
    });
    expect(await gateway.status()).toMatchObject({
      erreichbar: false,
      fehler: { code: 'SERVER_UNTRUSTED' },
    });
    expect(sent()).toBe(1);
    await close();
  });

  it('auch eine vertrauenswürdige Kette gilt nicht, wenn ihre CA nicht gepinnt ist', async () => {
    const url = await fakeRegister('server');
    const { gateway, close } = gatewayFor(url, {
      ca: [read(pki.entities.ca.files.cert)],
      pins: [pki.entities.untrustedCa.fingerprint256],
      identity: musterstadt(),
    });
    expect(await gateway.status()).toMatchObject({
      fehler: { code: 'SERVER_UNTRUSTED', detail: 'ERR_REGISTER_SERVER_UNTRUSTED' },
    });
    await close();
  });

  it('ohne gepinnte CA wird keinem Server vertraut', async () => {
    const url = await fakeRegister('server');
    const { gateway, close } = gatewayFor(url, {
      ca: [read(pki.entities.ca.files.cert)],
      pins: [],
      identity: musterstadt(),
    });
    expect(await gateway.status()).toMatchObject({ fehler: { code: 'SERVER_UNTRUSTED' } });
    await close();
  });

  it('mit der gepinnten CA ist der Server erreichbar', async () => {
    const url = await fakeRegister('server');
    const { gateway, close } = gatewayFor(url, {
      ca: [read(pki.entities.ca.files.cert)],
      pins: [pki.entities.ca.fingerprint256],
      identity: musterstadt(),
    });
    // The stand-in answers health checks only: erreichbar, the Zulassung is malformed.
    expect(await gateway.status()).toMatchObject({
      erreichbar: true,
      fehler: { code: 'MALFORMED_ANSWER' },
    });
    await close();
  });
});

describe('Client-Zertifikat', () => {
  it('ohne gewähltes Zertifikat wird nichts gesendet: CERTIFICATE_MISSING', async () => {
    const url = await fakeRegister('server');
    const { gateway, close } = gatewayFor(url, {
      ca: [read(pki.entities.ca.files.cert)],
      pins: [pki.entities.ca.fingerprint256],
      identity: undefined,
    });
    expect(await gateway.status()).toMatchObject({ fehler: { code: 'CERTIFICATE_MISSING' } });
    await close();
  });

  it('solange der Benutzer wählen muss, geht keine Anfrage hinaus', async () => {
    const { gateway, sent, close } = gatewayFor(
      'https://127.0.0.1:1',
      { ca: [], pins: [], identity: musterstadt() },
      { certificateGate: () => 'choice-needed' },
    );
    expect(await gateway.anfrage({ anfrageAZR: { azrNummer: '240301000001' } })).toMatchObject({
      ergebnis: 'fehler',
      fehler: { code: 'CERTIFICATE_MISSING' },
    });
    expect(sent()).toBe(0);
    await close();
  });
});

describe('Zuordnung von Transportfehlern', () => {
  const wrapped = (cause: object) => Object.assign(new TypeError('fetch failed'), { cause });

  it.each([
    ['net::ERR_CONNECTION_REFUSED', 'REGISTER_UNREACHABLE', true],
    ['net::ERR_INTERNET_DISCONNECTED', 'REGISTER_UNREACHABLE', true],
    ['net::ERR_TIMED_OUT', 'REGISTER_UNREACHABLE', true],
    ['net::ERR_CERT_AUTHORITY_INVALID', 'SERVER_UNTRUSTED', false],
    ['net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH', 'SERVER_UNTRUSTED', false],
    ['net::ERR_SSL_CLIENT_AUTH_CERT_NEEDED', 'CERTIFICATE_MISSING', false],
    ['net::ERR_BAD_SSL_CLIENT_AUTH_CERT', 'CERTIFICATE_REJECTED', false],
  ] as const)('Chromium %s → %s', (message, code, transient) => {
    expect(classifyTransportError(new Error(message))).toMatchObject({ code, transient });
  });

  it.each([
    ['ECONNRESET', 'REGISTER_UNREACHABLE', true],
    ['UND_ERR_SOCKET', 'REGISTER_UNREACHABLE', true],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'SERVER_UNTRUSTED', false],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'SERVER_UNTRUSTED', false],
    ['ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED', 'CERTIFICATE_REJECTED', false],
    ['ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', 'CERTIFICATE_MISSING', false],
  ] as const)('Node %s → %s', (errorCode, code, transient) => {
    expect(classifyTransportError(wrapped({ code: errorCode }))).toMatchObject({
      code,
      transient,
    });
  });

  it('eine Zeitüberschreitung ist vorübergehend', () => {
    const timeout = new DOMException('timed out', 'TimeoutError');
    expect(classifyTransportError(timeout)).toEqual({
      code: 'REGISTER_UNREACHABLE',
      transient: true,
      detail: 'TIMEOUT',
    });
  });

  it('bei mehreren Fehlerfällen entscheidet der spezifische, nicht die Reihenfolge', () => {
    expect(
      failureCodeOf({
        nachrichtentyp: '090099',
        hinweis: [],
        personalienGleich: [],
        fehlerfall: [
          { fehlerschluessel: 'INTERNER_FEHLER', fehlertext: 'x', fehlerhaftesAttribut: [] },
          {
            fehlerschluessel: 'ABRUFZWECK_NICHT_ZUGELASSEN',
            fehlertext: 'y',
            fehlerhaftesAttribut: [],
          },
        ],
      }),
    ).toBe('PURPOSE_NOT_ADMITTED');
  });

  it('wartet exponentiell länger, mit Zufallsanteil, und nie länger als die Obergrenze', () => {
    const policy = { attempts: 5, baseDelayMs: 200, maxDelayMs: 1000 };
    expect(backoffDelay(1, policy, () => 0)).toBe(100);
    expect(backoffDelay(1, policy, () => 1)).toBe(200);
    expect(backoffDelay(2, policy, () => 0)).toBe(200);
    expect(backoffDelay(5, policy, () => 1)).toBe(1000);
  });
});

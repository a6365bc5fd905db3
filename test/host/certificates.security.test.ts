import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestPki } from '../pki/pki';
import { ensureTestPki } from '../pki/pki';
import {
  VERIFY_ACCEPT,
  VERIFY_REJECT,
  decideServerTrust,
} from '../../electron/main/services/register/server-trust';
import type { RememberedCertificateStore } from '../../electron/main/services/certificates/service';
import { createCertificateService } from '../../electron/main/services/certificates/service';
import {
  describeCertificate,
  peerChainIsPinned,
  verifyPinnedServerChain,
} from '../../electron/main/services/certificates/x509';

let pki: TestPki;
const pem = (key: keyof TestPki['entities']) => readFileSync(pki.entities[key].files.cert, 'utf8');

beforeAll(async () => {
  pki = await ensureTestPki();
}, 120_000);

function memoryStore(initial?: string): RememberedCertificateStore & { value?: string } {
  const store: RememberedCertificateStore & { value?: string } = {
    value: initial,
    load: () => Promise.resolve(store.value),
    save: (fingerprint) => {
      store.value = fingerprint;
      return Promise.resolve();
    },
  };
  return store;
}

describe('Zertifikate der Test-PKI', () => {
  it('werden mit Fingerabdruck, Aussteller, Gültigkeit und Client-Nutzung beschrieben', () => {
    const described = describeCertificate(pem('clientMusterstadt'));
    expect(described).toMatchObject({
      fingerprint: pki.entities.clientMusterstadt.fingerprint256,
      subject: 'C=DE, O=ABH Musterstadt, OU=Ausländerbehörde, CN=ABH Musterstadt Testzugang',
      issuer: 'C=DE, O=azr-desk Testumgebung, CN=Test-DOI-CA',
      validTo: new Date(pki.entities.clientMusterstadt.notAfter).toISOString(),
      clientAuth: true,
    });
    // A server certificate is not for client authentication.
    expect(describeCertificate(pem('server')).clientAuth).toBe(false);
  });
});

describe('Zertifikatsdienst', () => {
  const service = (store = memoryStore(), changeNeedsRestart = true) =>
    createCertificateService({
      issuerFilter: () => 'CN=Test-DOI-CA',
      remembered: store,
      now: () => new Date(),
      changeNeedsRestart,
    });

  it('nimmt das einzige passende Zertifikat und meldet es als „ok“', async () => {
    const certificates = service();
    await certificates.offer([
      describeCertificate(pem('clientMusterstadt')),
      describeCertificate(pem('clientExpired')),
      describeCertificate(pem('untrustedClient')),
    ]);
    const status = await certificates.status();
    expect(status.state).toBe('ok');
    expect(status.inUse?.fingerprint).toBe(pki.entities.clientMusterstadt.fingerprint256);
    expect(certificates.gate()).toBe('ok');
  });

  it('lässt bei zwei Zertifikaten wählen, merkt sich die Wahl und weckt Wartende', async () => {
    const store = memoryStore();
    const certificates = service(store);
    await certificates.offer([
      describeCertificate(pem('clientMusterstadt')),
      describeCertificate(pem('clientBeispielkreis')),
    ]);
    expect((await certificates.status()).state).toBe('choice-needed');
    expect(certificates.gate()).toBe('choice-needed');
    const waiting = certificates.waitForChoice();
    const status = await certificates.choose(pki.entities.clientBeispielkreis.fingerprint256);
    expect(status).toMatchObject({ state: 'ok', restartRequired: false });
    expect((await waiting).fingerprint).toBe(pki.entities.clientBeispielkreis.fingerprint256);
    expect(store.value).toBe(pki.entities.clientBeispielkreis.fingerprint256);
  });

  it('verweigert die Wahl eines Zertifikats, das die Richtlinie ausschließt', async () => {
    const certificates = service();
    await certificates.offer([
      describeCertificate(pem('clientMusterstadt')),
      describeCertificate(pem('untrustedClient')),
    ]);
    await expect(certificates.choose(pki.entities.untrustedClient.fingerprint256)).rejects.toThrow(
      /not an eligible/,
    );
  });

  it('ein Wechsel nach der ersten Verwendung wirkt erst nach einem Neustart (Electron)', async () => {
    const certificates = service();
    await certificates.offer([
      describeCertificate(pem('clientMusterstadt')),
      describeCertificate(pem('clientBeispielkreis')),
    ]);
    await certificates.choose(pki.entities.clientMusterstadt.fingerprint256);
    certificates.presented(pki.entities.clientMusterstadt.fingerprint256);
    const status = await certificates.choose(pki.entities.clientBeispielkreis.fingerprint256);
    expect(status.restartRequired).toBe(true);
  });

  it('ohne Angebot des Speichers ist der Zustand unbekannt, nicht „gewählt“', async () => {
    const certificates = service();
    expect(certificates.gate()).toBe('unknown');
    expect((await certificates.status()).state).toBe('none');
  });
});

describe('Server-Zertifikat des Registers', () => {
  const pins = () => [pki.entities.ca.fingerprint256];

  it('gilt nur, wenn die Kette in einer gepinnten CA endet', () => {
    const input = {
      chain: [pem('server')],
      anchors: [pem('ca')],
      pins: pins(),
      hostname: '127.0.0.1',
      now: new Date(),
    };
    expect(verifyPinnedServerChain(input)).toEqual({ trusted: true });
    expect(verifyPinnedServerChain({ ...input, hostname: 'localhost' })).toEqual({ trusted: true });
  });

  it('ein Server einer fremden CA wird abgelehnt, auch wenn ihre CA als Anker vorliegt', () => {
    expect(
      verifyPinnedServerChain({
        chain: [pem('untrustedServer')],
        anchors: [pem('untrustedCa'), pem('ca')],
        pins: pins(),
        hostname: '127.0.0.1',
        now: new Date(),
      }),
    ).toMatchObject({ trusted: false });
  });

  it('ohne gepinnte CA gilt kein Server als vertrauenswürdig', () => {
    expect(
      verifyPinnedServerChain({
        chain: [pem('server')],
        anchors: [pem('ca')],
        pins: [],
        hostname: '127.0.0.1',
        now: new Date(),
      }),
    ).toEqual({ trusted: false, reason: 'no pinned register CA' });
  });

  it('ein Zertifikat für einen anderen Namen wird abgelehnt', () => {
    expect(
      verifyPinnedServerChain({
        chain: [pem('server')],
        anchors: [pem('ca')],
        pins: pins(),
        hostname: 'register.example',
        now: new Date(),
      }),
    ).toMatchObject({ trusted: false, reason: 'server certificate not for this host' });
  });

  it('die Pin-Prüfung einer von Node geprüften Kette erkennt die gepinnte Wurzel', () => {
    const root = { fingerprint256: pki.entities.ca.fingerprint256 };
    const chain = { fingerprint256: pki.entities.server.fingerprint256, issuerCertificate: root };
    expect(peerChainIsPinned(chain, pins())).toBe(true);
    expect(peerChainIsPinned(chain, [pki.entities.untrustedCa.fingerprint256])).toBe(false);
  });
});

describe('Prüfung des Serverzertifikats in der Register-Sitzung (Electron)', () => {
  const base = () => ({
    hostname: '127.0.0.1',
    registerHost: '127.0.0.1',
    chain: [pem('server')],
    validatedChain: [] as string[],
    anchors: [pem('ca')],
    pins: [pki.entities.ca.fingerprint256],
    now: new Date(),
  });

  it('„unbekannte Stelle“ wird nur durch einen gepinnten Anker überstimmt', () => {
    expect(decideServerTrust({ ...base(), errorCode: -202 })).toBe(VERIFY_ACCEPT);
    expect(
      decideServerTrust({
        ...base(),
        errorCode: -202,
        pins: [pki.entities.untrustedCa.fingerprint256],
      }),
    ).toBe(VERIFY_REJECT);
    expect(decideServerTrust({ ...base(), errorCode: -202, chain: [pem('untrustedServer')] })).toBe(
      VERIFY_REJECT,
    );
  });

  it('andere Fehler (abgelaufen, widerrufen, falscher Name) überstimmt kein Pin', () => {
    for (const errorCode of [-201, -200, -206]) {
      expect(decideServerTrust({ ...base(), errorCode })).toBe(VERIFY_REJECT);
    }
  });

  it('auch eine vom System geprüfte Kette braucht den Pin', () => {
    expect(
      decideServerTrust({ ...base(), errorCode: 0, validatedChain: [pem('server'), pem('ca')] }),
    ).toBe(VERIFY_ACCEPT);
    expect(
      decideServerTrust({
        ...base(),
        errorCode: 0,
        anchors: [],
        validatedChain: [pem('untrustedServer'), pem('untrustedCa')],
        chain: [pem('untrustedServer')],
      }),
    ).toBe(VERIFY_REJECT);
  });

  it('in der Register-Sitzung gilt kein anderer Server', () => {
    expect(decideServerTrust({ ...base(), errorCode: 0, hostname: 'example.org' })).toBe(
      VERIFY_REJECT,
    );
    expect(decideServerTrust({ ...base(), errorCode: -202, registerHost: undefined })).toBe(
      VERIFY_REJECT,
    );
  });
});

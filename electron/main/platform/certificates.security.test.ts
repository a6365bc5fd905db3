import { describe, expect, it, vi } from 'vitest';
import type { App, Certificate } from 'electron';
import type { CertificateCandidate, CertificateService, Selection } from '../services/certificates';
import type * as certificatesModule from '../services/certificates';
import { importDevelopmentCertificate, installClientCertificateSelection } from './certificates';

type CertificatesModule = typeof certificatesModule;

vi.mock('../services/certificates', async (importOriginal) => {
  const original = await importOriginal<CertificatesModule>();
  // Chromium hands over PEM; here the "PEM" is the fingerprint, described without parsing X.509.
  return {
    ...original,
    describeCertificate: (pem: string): CertificateCandidate => ({
      fingerprint: pem,
      subject: `CN=${pem}`,
      issuer: 'CN=Test-DOI-CA',
      validFrom: '2026-01-01T00:00:00.000Z',
      validTo: '2027-01-01T00:00:00.000Z',
      clientAuth: true,
    }),
  };
});

type Listener = (
  event: { preventDefault: () => void },
  webContents: null,
  url: string,
  list: Certificate[],
  callback: (certificate?: Certificate) => void,
) => void;

function fakeApp() {
  let listener: Listener | undefined;
  const app = {
    on: (name: string, handler: Listener) => {
      expect(name).toBe('select-client-certificate');
      listener = handler;
      return app;
    },
  };
  return {
    app: app as unknown as Pick<App, 'on'>,
    request: async (url: string, list: Certificate[]) => {
      const preventDefault = vi.fn();
      const answered = new Promise<Certificate | undefined>((resolve) => {
        listener?.({ preventDefault }, null, url, list, resolve);
      });
      const result = await Promise.race([
        answered.then((certificate) => ({ certificate })),
        new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), 20)),
      ]);
      return { preventDefault, result, answered };
    },
  };
}

const certificate = (fingerprint: string) => ({ data: fingerprint }) as unknown as Certificate;

function fakeService(selection: Selection) {
  let choose: (candidate: CertificateCandidate) => void = () => undefined;
  const service = {
    offer: vi.fn(() => Promise.resolve(selection)),
    presented: vi.fn(),
    waitForChoice: () =>
      new Promise<CertificateCandidate>((resolve) => {
        choose = resolve;
      }),
  };
  return {
    service: service as unknown as CertificateService,
    mock: service,
    choose: (candidate: CertificateCandidate) => choose(candidate),
  };
}

const REGISTER = 'https://127.0.0.1:4433';
const candidate = (fingerprint: string): CertificateCandidate => ({
  fingerprint,
  subject: `CN=${fingerprint}`,
  issuer: 'CN=Test-DOI-CA',
  validFrom: '2026-01-01T00:00:00.000Z',
  validTo: '2027-01-01T00:00:00.000Z',
  clientAuth: true,
});

describe('select-client-certificate', () => {
  it('gibt einer anderen Adresse als dem Register nie ein Zertifikat', async () => {
    const { app, request } = fakeApp();
    const { service, mock } = fakeService({ kind: 'none', rejected: [], rememberedGone: false });
    installClientCertificateSelection({ service, registerOrigin: () => REGISTER }, app);
    const { preventDefault, result } = await request('https://example.org/login', [
      certificate('A'),
    ]);
    expect(preventDefault).toHaveBeenCalled();
    expect(result).toEqual({ certificate: undefined });
    expect(mock.offer).not.toHaveBeenCalled();
  });

  it('ohne eingerichtetes Register wird kein Zertifikat gegeben', async () => {
    const { app, request } = fakeApp();
    const { service } = fakeService({ kind: 'none', rejected: [], rememberedGone: false });
    installClientCertificateSelection({ service, registerOrigin: () => undefined }, app);
    expect((await request(`${REGISTER}/v1/health`, [certificate('A')])).result).toEqual({
      certificate: undefined,
    });
  });

  it('gibt dem Register das Zertifikat, das die Regel gewählt hat', async () => {
    const { app, request } = fakeApp();
    const chosen = candidate('B');
    const { service, mock } = fakeService({
      kind: 'selected',
      certificate: chosen,
      because: 'only',
      eligible: [chosen],
      rejected: [],
    });
    installClientCertificateSelection({ service, registerOrigin: () => REGISTER }, app);
    const b = certificate('B');
    const { result } = await request(`${REGISTER}/v1/anfrage`, [certificate('A'), b]);
    expect(result).toEqual({ certificate: b });
    expect(mock.presented).toHaveBeenCalledWith('B');
  });

  it('ohne passendes Zertifikat geht die Verbindung ohne Zertifikat weiter, nie mit einem anderen', async () => {
    const { app, request } = fakeApp();
    const { service } = fakeService({ kind: 'none', rejected: [], rememberedGone: false });
    installClientCertificateSelection({ service, registerOrigin: () => REGISTER }, app);
    expect((await request(`${REGISTER}/v1/health`, [certificate('A')])).result).toEqual({
      certificate: undefined,
    });
  });

  it('bei nötiger Auswahl wartet die Verbindung auf die Wahl im Dialog', async () => {
    const { app, request } = fakeApp();
    const a = candidate('A');
    const b = candidate('B');
    const { service, choose } = fakeService({
      kind: 'choice-needed',
      eligible: [a, b],
      rejected: [],
      rememberedGone: false,
    });
    installClientCertificateSelection({ service, registerOrigin: () => REGISTER }, app);
    const bCertificate = certificate('B');
    const { result, answered } = await request(`${REGISTER}/v1/health`, [
      certificate('A'),
      bCertificate,
    ]);
    expect(result).toBe('pending');
    choose(b);
    expect(await answered).toBe(bCertificate);
  });
});

describe('Testzertifikat in den NSS-Speicher (nur Entwicklung, Linux)', () => {
  const request = {
    environment: 'development' as const,
    platform: 'linux' as const,
    file: '/pki/client-musterstadt.p12',
    password: 'azr-desk-test',
  };

  it('importiert in der Entwicklung unter Linux', async () => {
    const importCertificate = vi.fn((_options: unknown, done: (result: number) => void) => done(0));
    await expect(importDevelopmentCertificate(request, { importCertificate })).resolves.toBe(
      'imported',
    );
    expect(importCertificate).toHaveBeenCalledWith(
      { certificate: request.file, password: request.password },
      expect.any(Function),
    );
  });

  it('tut in einer ausgelieferten App nichts', async () => {
    const importCertificate = vi.fn();
    await expect(
      importDevelopmentCertificate(
        { ...request, environment: 'production' },
        { importCertificate },
      ),
    ).resolves.toBe('skipped');
    expect(importCertificate).not.toHaveBeenCalled();
  });

  it('meldet einen gescheiterten Import', async () => {
    const importCertificate = vi.fn((_options: unknown, done: (result: number) => void) =>
      done(-1),
    );
    await expect(importDevelopmentCertificate(request, { importCertificate })).rejects.toThrow(
      /importCertificate failed/,
    );
  });
});

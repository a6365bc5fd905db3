import { describe, expect, it, vi } from 'vitest';
import type { Session } from 'electron';
import { DISABLED_TLS12_CIPHER_SUITES } from '../services/register';
import { REGISTER_PARTITION, createRegisterSession } from './register-session';

type VerifyProc = Parameters<Session['setCertificateVerifyProc']>[0];

function fakeSessions() {
  let verify: VerifyProc = null;
  const session = {
    setSSLConfig: vi.fn(),
    setCertificateVerifyProc: vi.fn((proc: VerifyProc) => {
      verify = proc;
    }),
    setPermissionRequestHandler: vi.fn(),
    fetch: vi.fn(() => Promise.resolve(new Response('{}'))),
  };
  const fromPartition = vi.fn(() => session as unknown as Session);
  return {
    sessions: { fromPartition },
    session,
    fromPartition,
    verify: (hostname: string, errorCode: number) =>
      new Promise<number>((resolve) => {
        verify?.(
          {
            hostname,
            errorCode,
            certificate: undefined,
            validatedCertificate: undefined,
            isIssuedByKnownRoot: false,
            verificationResult: 'net::ERR_CERT_AUTHORITY_INVALID',
          } as unknown as Parameters<NonNullable<VerifyProc>>[0],
          resolve,
        );
      }),
  };
}

const options = {
  registerHost: () => '127.0.0.1',
  pins: () => ['AA'],
  anchors: () => [],
  now: () => new Date(),
};

describe('die eigene Sitzung für das Register', () => {
  it('ist eine Sitzung nur im Speicher, ohne Cache, mit TLS ab 1.2 und ohne schwache Suiten', () => {
    const fake = fakeSessions();
    createRegisterSession(options, fake.sessions);
    expect(fake.fromPartition).toHaveBeenCalledWith(REGISTER_PARTITION, { cache: false });
    expect(REGISTER_PARTITION.startsWith('persist:')).toBe(false);
    expect(fake.session.setSSLConfig).toHaveBeenCalledWith({
      minVersion: 'tls1.2',
      disabledCipherSuites: [...DISABLED_TLS12_CIPHER_SUITES],
    });
  });

  it('lehnt Server ab, die nicht das Register sind, oder deren Zertifikat ungültig ist', async () => {
    const fake = fakeSessions();
    const onRejected = vi.fn();
    createRegisterSession({ ...options, onRejected }, fake.sessions);
    expect(await fake.verify('example.org', 0)).toBe(-2);
    // ERR_CERT_DATE_INVALID: no pin overrules an expired server certificate.
    expect(await fake.verify('127.0.0.1', -201)).toBe(-2);
    // No certificate at all: nothing to pin against.
    expect(await fake.verify('127.0.0.1', -202)).toBe(-2);
    expect(onRejected).toHaveBeenCalledTimes(3);
  });

  it('sendet ohne Cookies, Cache und Weiterleitungen', async () => {
    const fake = fakeSessions();
    const { fetch } = createRegisterSession(options, fake.sessions);
    const signal = AbortSignal.timeout(1000);
    await fetch('https://127.0.0.1:4433/v1/health', { method: 'GET', headers: {}, signal });
    expect(fake.session.fetch).toHaveBeenCalledWith('https://127.0.0.1:4433/v1/health', {
      method: 'GET',
      headers: {},
      signal,
      redirect: 'error',
      cache: 'no-store',
      credentials: 'omit',
    });
  });
});

import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger';
import type { SettingsLayer } from '../policy/resolve';
import { createSettingsService } from '../policy/service';
import type { DiagnosticsDeps } from './export';
import { certificateNotSetUp, checkConnectivity, exportDiagnostics } from './export';

const now = () => new Date('2030-01-02T03:04:05.000Z');

function deps(policy: SettingsLayer[], overrides: Partial<DiagnosticsDeps> = {}) {
  const saved: { fileName: string; bytes: Uint8Array }[] = [];
  const settings = createSettingsService({
    readPolicy: () => Promise.resolve(policy),
    files: { read: () => Promise.resolve(undefined), writeAtomic: () => Promise.resolve() },
    userSettingsFile: '/u/settings.json',
    log: createLogger('t', { write: () => undefined, recent: () => '', path: '' }),
  });
  const value: DiagnosticsDeps = {
    appInfo: { name: 'azr-desk', version: '1.2.3', environment: 'production' },
    runtime: { platform: 'win32', arch: 'x64', versions: { node: '22.0.0' } },
    settings,
    recentLogs: () =>
      '2030-01-02T03:04:05.000Z INFO [search] Treffer für familienname=Öztürk geboren 01.02.1990\n',
    certificateStatus: certificateNotSetUp,
    fetch: () => Promise.resolve(new Response(null, { status: 401 })),
    now,
    save: (fileName, bytes) => {
      saved.push({ fileName, bytes });
      return Promise.resolve({ location: `C:\\Users\\sb\\Documents\\${fileName}` });
    },
    ...overrides,
  };
  return { value, saved };
}

describe('Diagnosedaten exportieren', () => {
  it('bündelt Version, Richtlinienquellen, Zertifikatsstatus, Verbindung und Protokoll ohne Personendaten', async () => {
    const { value, saved } = deps([
      {
        source: 'hklm',
        values: {
          registerUrl: 'https://azr.example/',
          clientCertificateIssuer: 'CN=DOI-CA Stadt Musterstadt',
        },
      },
    ]);
    const result = await exportDiagnostics(value);
    expect(result).toMatchObject({
      status: 'saved',
      fileName: 'azr-desk-diagnose-2030-01-02-03-04-05.zip',
    });
    const files = unzipSync(saved[0]!.bytes);
    expect(Object.keys(files).sort()).toEqual([
      'README.txt',
      'app.json',
      'certificate.json',
      'connectivity.json',
      'logs/azr-desk.log',
      'policy.json',
    ]);
    const text = (name: string) => strFromU8(files[name]!);
    expect(JSON.parse(text('app.json'))).toMatchObject({ version: '1.2.3', platform: 'win32' });
    const policy = JSON.parse(text('policy.json')) as {
      settings: { key: string; source: string; locked: boolean; value: unknown }[];
    };
    expect(policy.settings.find((s) => s.key === 'registerUrl')).toMatchObject({
      source: 'hklm',
      locked: true,
      value: 'https://azr.example/',
    });
    // The issuer names an authority: only whether it is set.
    expect(policy.settings.find((s) => s.key === 'clientCertificateIssuer')?.value).toBe('gesetzt');
    expect(text('policy.json')).not.toContain('Musterstadt');
    expect(JSON.parse(text('certificate.json'))).toMatchObject({ status: 'nicht eingerichtet' });
    expect(JSON.parse(text('connectivity.json'))).toMatchObject({
      status: 'erreichbar',
      httpStatus: 401,
    });
    expect(text('logs/azr-desk.log')).toContain('[search] Treffer');
    expect(text('logs/azr-desk.log')).not.toMatch(/Öztürk|1990/);
  });

  it('ein abgebrochener Speichern-Dialog speichert nichts', async () => {
    const { value } = deps([], { save: () => Promise.resolve(undefined) });
    await expect(exportDiagnostics(value)).resolves.toEqual({ status: 'cancelled' });
  });

  it('die Verbindungsprüfung sagt ehrlich „nicht eingerichtet“ oder nennt den Fehlercode', async () => {
    const failing = () =>
      Promise.reject(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }));
    await expect(checkConnectivity('', failing, now)).resolves.toEqual({
      status: 'nicht eingerichtet',
    });
    await expect(checkConnectivity('https://azr.example/', failing, now)).resolves.toMatchObject({
      status: 'nicht erreichbar',
      reason: 'ECONNREFUSED',
    });
  });
});

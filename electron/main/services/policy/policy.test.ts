import { describe, expect, it } from 'vitest';
import type { SettingSource } from '../../../../shared/policy/settings';
import { createLogger } from '../logging/logger';
import type { LogSink } from '../logging/logger';
import type { TextFiles } from './files';
import { machinePolicyPath, readJsonLayer } from './files';
import type { ExecFile } from './registry';
import { parseRegQueryOutput, readRegistryPolicy, registryLayer } from './registry';
import type { SettingsLayer } from './resolve';
import { resolveSettings } from './resolve';
import { SettingsError, createSettingsService, readPolicyLayers } from './service';

const layer = (source: SettingSource, values: Record<string, unknown>): SettingsLayer => ({
  source,
  values,
});

function memoryFiles(
  initial: Record<string, string> = {},
): TextFiles & { files: Map<string, string> } {
  const files = new Map(Object.entries(initial));
  return {
    files,
    read: (path) => Promise.resolve(files.get(path)),
    writeAtomic: (path, text) => {
      files.set(path, text);
      return Promise.resolve();
    },
  };
}

function recordingLog() {
  const lines: { level: string; message: string; fields?: unknown }[] = [];
  const sink: LogSink = {
    write: (level, _scope, message, fields) => lines.push({ level, message, fields }),
    recent: () => '',
    path: '',
  };
  return { log: createLogger('policy', sink), lines };
}

const fingerprint = 'ab'.repeat(32);

describe('Vorrang der Quellen', () => {
  it('HKLM schlägt HKCU, die Richtliniendatei, die Benutzereinstellung und den Standard', () => {
    const { settings } = resolveSettings([
      layer('user', { inactivityLockMinutes: 5 }),
      layer('machineFile', { inactivityLockMinutes: 7 }),
      layer('hkcu', { inactivityLockMinutes: 8 }),
      layer('hklm', { inactivityLockMinutes: 9 }),
    ]);
    expect(settings.inactivityLockMinutes).toMatchObject({
      value: 9,
      source: 'hklm',
      locked: true,
    });
  });

  it('ohne Richtlinie gilt die Benutzereinstellung, ohne sie der Standard aus der Tabelle', () => {
    const { settings } = resolveSettings([layer('user', { inactivityLockMinutes: 5 })]);
    expect(settings.inactivityLockMinutes).toMatchObject({
      value: 5,
      source: 'user',
      locked: false,
      editable: true,
    });
    expect(settings.draftRetentionDays).toMatchObject({ value: 30, source: 'default' });
    expect(settings.updateMode).toMatchObject({ value: 'off', source: 'default' });
    expect(settings.protocolRetentionMonths).toMatchObject({ value: 6, source: 'default' });
  });

  it('die Richtliniendatei sperrt einen Wert genauso wie die Gruppenrichtlinie', () => {
    const { settings } = resolveSettings([
      layer('machineFile', { draftRetentionDays: 14 }),
      layer('user', { draftRetentionDays: 60 }),
    ]);
    expect(settings.draftRetentionDays).toMatchObject({
      value: 14,
      source: 'machineFile',
      locked: true,
      editable: false,
    });
  });
});

describe('Verwerfen einzelner Werte', () => {
  it('ein ungültiger HKLM-Wert wird mit Grund verworfen und die nächste Quelle entscheidet', () => {
    const { settings, rejections } = resolveSettings([
      layer('hklm', { registerUrl: 'http://azr.example/', draftRetentionDays: 9999 }),
      layer('hkcu', { registerUrl: 'https://azr.example/' }),
    ]);
    expect(settings.registerUrl).toMatchObject({ value: 'https://azr.example/', source: 'hkcu' });
    expect(settings.draftRetentionDays).toMatchObject({ value: 30, source: 'default' });
    expect(rejections).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ source: 'hklm', key: 'registerUrl' }),
        expect.objectContaining({ source: 'hklm', key: 'draftRetentionDays' }),
      ]),
    );
    expect(rejections.find((r) => r.key === 'registerUrl')?.reason).toMatch(/HTTPS/);
  });

  it('Benutzer können Werte, die nur die Organisation festlegt, nicht über die Datei setzen', () => {
    const { settings, rejections } = resolveSettings([
      layer('user', { updateMode: 'auto', registerUrl: 'https://evil.example/' }),
    ]);
    expect(settings.updateMode.value).toBe('off');
    expect(settings.registerUrl.value).toBe('');
    expect(rejections.map((r) => r.key).sort()).toEqual(['registerUrl', 'updateMode']);
  });

  it('Fingerabdrücke werden vereinheitlicht, unbekannte Schlüssel gemeldet', () => {
    const { settings, rejections } = resolveSettings([
      layer('machineFile', { pinnedCaFingerprints: [fingerprint], surprise: true }),
    ]);
    expect(settings.pinnedCaFingerprints.value).toEqual([
      Array.from({ length: 32 }, () => 'AB').join(':'),
    ]);
    expect(rejections).toEqual([
      { source: 'machineFile', key: 'surprise', reason: 'unbekannte Einstellung' },
    ]);
  });

  it('Zugangsdaten in einer Adresse werden abgelehnt', () => {
    const { settings, rejections } = resolveSettings([
      layer('hklm', { updateUrl: 'https://user:secret@updates.example/' }),
    ]);
    expect(settings.updateUrl.source).toBe('default');
    expect(rejections[0]?.reason).not.toContain('secret');
  });
});

const regOutput = [
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\azr-desk',
  '    RegisterUrl    REG_SZ    https://azr.behoerde.example/',
  '    DraftRetentionDays    REG_DWORD    0xe',
  `    PinnedCaFingerprints    REG_MULTI_SZ    ${fingerprint}\\0${'cd'.repeat(32)}`,
  '    InactivityLockMinutes    REG_SZ    15',
  '    ClientCertificateIssuer    REG_SZ',
  '    Unbekannt    REG_SZ    x',
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\azr-desk\\Unterschluessel',
  '',
].join('\r\n');

describe('Registrierung (reg.exe query)', () => {
  it('liest Texte, DWORDs und Mehrfachtexte; falsche Typen werden einzeln verworfen', () => {
    const parsed = parseRegQueryOutput(regOutput);
    expect(parsed.map((value) => value.name)).toEqual([
      'RegisterUrl',
      'DraftRetentionDays',
      'PinnedCaFingerprints',
      'InactivityLockMinutes',
      'ClientCertificateIssuer',
      'Unbekannt',
    ]);
    const result = registryLayer('hklm', parsed);
    expect(result.values).toEqual({
      registerUrl: 'https://azr.behoerde.example/',
      draftRetentionDays: 14,
      pinnedCaFingerprints: [fingerprint, 'cd'.repeat(32)],
      clientCertificateIssuer: '',
    });
    expect(result.problems).toEqual([
      expect.objectContaining({
        key: 'inactivityLockMinutes',
        reason: expect.stringMatching(/REG_DWORD/) as unknown,
      }),
      expect.objectContaining({ key: 'Unbekannt' }),
    ]);
  });

  it('ein fehlender Schlüssel (nicht verwalteter Rechner) ist eine leere Quelle ohne Fehler', async () => {
    const exec: ExecFile = () =>
      Promise.resolve({ exitCode: 1, stdout: '', stderr: 'ERROR: The system was unable to find…' });
    await expect(readRegistryPolicy(exec, 'hkcu')).resolves.toEqual({ source: 'hkcu', values: {} });
  });

  it('fragt HKLM und HKCU unter SOFTWARE\\Policies\\azr-desk ab, ohne Shell', async () => {
    const calls: string[][] = [];
    const exec: ExecFile = (file, args) => {
      calls.push([file, ...args]);
      return Promise.resolve({ exitCode: 0, stdout: regOutput, stderr: '' });
    };
    const layers = await readPolicyLayers({
      platform: 'win32',
      exec,
      files: memoryFiles(),
      machinePolicyFile: 'C:\\ProgramData\\azr-desk\\policy.json',
    });
    expect(calls).toEqual([
      ['reg.exe', 'query', 'HKLM\\SOFTWARE\\Policies\\azr-desk'],
      ['reg.exe', 'query', 'HKCU\\SOFTWARE\\Policies\\azr-desk'],
    ]);
    expect(layers.map((l) => l.source)).toEqual(['hklm', 'hkcu', 'machineFile']);
  });

  it('ein nicht startbares reg.exe bringt die App nicht zum Absturz', async () => {
    const exec: ExecFile = () => Promise.reject(new Error('spawn reg.exe ENOENT'));
    const result = await readRegistryPolicy(exec, 'hklm');
    expect(result.values).toEqual({});
    expect(result.problems?.[0]?.reason).toContain('ENOENT');
  });
});

describe('Richtliniendatei', () => {
  it('liegt unter %ProgramData% bzw. /etc', () => {
    expect(machinePolicyPath('win32', { ProgramData: 'D:\\PD' })).toMatch(
      /D:\\PD.azr-desk.policy\.json$/,
    );
    expect(machinePolicyPath('linux', {})).toBe('/etc/azr-desk/policy.json');
  });

  it('kaputtes JSON wird gemeldet und als leer behandelt', async () => {
    const result = await readJsonLayer(
      memoryFiles({ '/p.json': '{ kaputt' }),
      '/p.json',
      'machineFile',
    );
    expect(result.values).toEqual({});
    expect(result.problems?.[0]?.reason).toBe('kein gültiges JSON');
  });
});

describe('Einstellungsdienst', () => {
  const userFile = '/home/sb/settings.json';

  it('speichert eine erlaubte Benutzereinstellung und setzt sie wieder zurück', async () => {
    const files = memoryFiles();
    const { log } = recordingLog();
    const service = createSettingsService({
      readPolicy: () => Promise.resolve([]),
      files,
      userSettingsFile: userFile,
      log,
    });
    const changed = await service.set('inactivityLockMinutes', 3);
    expect(changed.settings.inactivityLockMinutes).toMatchObject({ value: 3, source: 'user' });
    expect(JSON.parse(files.files.get(userFile) ?? '{}')).toEqual({ inactivityLockMinutes: 3 });
    const reset = await service.set('inactivityLockMinutes', null);
    expect(reset.settings.inactivityLockMinutes).toMatchObject({ value: 10, source: 'default' });
  });

  it('verweigert das Ändern eines durch Richtlinie gesperrten Werts mit SETTING_LOCKED', async () => {
    const files = memoryFiles();
    const service = createSettingsService({
      readPolicy: () => Promise.resolve([layer('hklm', { inactivityLockMinutes: 5 })]),
      files,
      userSettingsFile: userFile,
      log: recordingLog().log,
    });
    await expect(service.set('inactivityLockMinutes', 30)).rejects.toMatchObject({
      name: 'SettingsError',
      code: 'SETTING_LOCKED',
    });
    expect(files.files.has(userFile)).toBe(false);
  });

  it('verweigert Werte, die nur die Organisation festlegen darf', async () => {
    const service = createSettingsService({
      readPolicy: () => Promise.resolve([]),
      files: memoryFiles(),
      userSettingsFile: userFile,
      log: recordingLog().log,
    });
    const refusal = service.set('updateMode', 'auto');
    await expect(refusal).rejects.toBeInstanceOf(SettingsError);
    await expect(refusal).rejects.toMatchObject({ code: 'SETTING_NOT_OVERRIDABLE' });
  });

  it('protokolliert jeden verworfenen Wert einmal mit Grund', async () => {
    const { log, lines } = recordingLog();
    const service = createSettingsService({
      readPolicy: () => Promise.resolve([layer('hklm', { logLevel: 'laut' })]),
      files: memoryFiles(),
      userSettingsFile: userFile,
      log,
    });
    await service.refresh();
    await service.refresh();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'warn',
      fields: {
        source: 'hklm',
        key: 'logLevel',
        reason: expect.stringContaining('ungültiger Wert') as unknown,
      },
    });
    expect(service.values().logLevel).toBe('info');
  });
});

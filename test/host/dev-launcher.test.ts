import { describe, expect, it } from 'vitest';
import { importPlan } from '../../build/scripts/start-dev';

describe('npm start: Testzertifikat in den Zertifikatsspeicher', () => {
  it('Windows: CurrentUser\\My mit Import-PfxCertificate', () => {
    const plan = importPlan('win32', 'C:\\pki\\client.p12', "pa'ss");
    expect(plan.kind).toBe('command');
    if (plan.kind !== 'command') return;
    expect(plan.command).toBe('powershell.exe');
    const script = plan.args.at(-1) ?? '';
    expect(script).toContain('Import-PfxCertificate');
    expect(script).toContain('Cert:\\CurrentUser\\My');
    expect(script).toContain("'pa''ss'");
  });

  it('macOS: der Anmelde-Schlüsselbund mit security import', () => {
    const plan = importPlan('darwin', '/pki/client.p12', 'pw');
    expect(plan).toMatchObject({ kind: 'command', command: 'security' });
    if (plan.kind !== 'command') return;
    expect(plan.args.slice(0, 2)).toEqual(['import', '/pki/client.p12']);
    expect(plan.args.some((arg) => arg.endsWith('login.keychain-db'))).toBe(true);
  });

  it('Linux: NSS über app.importCertificate im Hauptprozess', () => {
    expect(importPlan('linux', '/pki/client.p12', 'pw')).toEqual({ kind: 'electron' });
  });
});

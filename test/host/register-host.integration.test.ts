// The browser host wired to the training register, called over its HTTP bridge like the renderer
// does: status, certificate choice, search, protocol, export, and a register taken off the network.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestPki } from '../pki/pki';
import { ensureTestPki } from '../pki/pki';
import { SZENARIO_PERSONEN as P } from '../sandbox/seed';
import type { RunningSandbox } from '../sandbox/start';
import { startSandbox } from '../sandbox/start';
import { adminCall } from '../sandbox/testing/client';
import type { HostKeystoreKey } from './register';
import type { RunningBrowserHost } from './start';
import { startBrowserHost } from './start';

let pki: TestPki;
let sandbox: RunningSandbox;
const cleanup: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  pki = await ensureTestPki();
  sandbox = await startSandbox({ persons: 20, seed: 11 });
}, 120_000);

afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
  await sandbox?.close();
});

async function host(keystore: HostKeystoreKey[] = ['clientMusterstadt']) {
  const dataDir = mkdtempSync(join(tmpdir(), 'azr-host-register-'));
  const rendererDir = join(dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>azr-desk</title>');
  const running: RunningBrowserHost = await startBrowserHost({
    port: 0,
    environment: 'test',
    dataDir,
    rendererDir,
    registerUrl: sandbox.url,
    keystore,
  });
  cleanup.push(async () => {
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const call = async (channel: string, request?: unknown) => {
    const response = await fetch(`${running.url}__bridge/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: running.url.replace(/\/$/, '') },
      body: JSON.stringify({ request }),
    });
    return (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
  };
  return { call, dataDir };
}

describe('Browser-Host mit Übungsregister', () => {
  it('meldet das Register erreichbar, mit Zulassung und Zertifikat aus der Test-PKI', async () => {
    const { call } = await host();
    expect(await call('register.status')).toMatchObject({
      ok: true,
      value: {
        registerUrl: sandbox.url,
        erreichbar: true,
        zulassung: { behoerdenkennzeichen: '100001' },
      },
    });
    expect(await call('certificate.status')).toMatchObject({
      ok: true,
      value: {
        state: 'ok',
        inUse: { fingerprint: pki.entities.clientMusterstadt.fingerprint256 },
      },
    });
  });

  it('sucht, protokolliert und exportiert das Protokoll als CSV in den Datenordner', async () => {
    const { call, dataDir } = await host();
    const answer = await call('register.anfrage', {
      abrufzweck: '01',
      geschaeftszeichen: 'ABH-2026-4711',
      anfrageAZR: { azrNummer: P.hryhorii },
    });
    expect(answer).toMatchObject({
      ok: true,
      value: { ergebnis: 'antwort', antwort: { nachrichtentyp: '090004' } },
    });
    const list = await call('protocol.list', {});
    expect(list).toMatchObject({
      ok: true,
      value: {
        total: 2,
        verification: { intact: true, lines: 2 },
        entries: [
          { operation: 'anfrage', geschaeftszeichen: 'ABH-2026-4711', azrNummern: [P.hryhorii] },
          { operation: 'zulassung' },
        ],
      },
    });
    const exported = (await call('protocol.export', {})) as {
      ok: true;
      value: { status: 'saved'; location: string; rows: number };
    };
    expect(exported.value).toMatchObject({ status: 'saved', rows: 2 });
    expect(exported.value.location.startsWith(join(dataDir, 'protocol-exports'))).toBe(true);
    expect(readFileSync(exported.value.location, 'utf8')).toContain('ABH-2026-4711');
    // Register answers are never written: the data folder holds no name of the record.
    const protocolText = readFileSync(join(dataDir, 'protocol', 'protocol.jsonl'), 'utf8');
    expect(protocolText).not.toMatch(/Shevchenko|Hryhorii/);
  });

  it('mit zwei Zertifikaten im Speicher wird erst nach der Wahl gesendet', async () => {
    const { call, dataDir } = await host(['clientMusterstadt', 'clientBeispielkreis']);
    expect(await call('certificate.status')).toMatchObject({
      value: { state: 'choice-needed', candidates: [{}, {}] },
    });
    expect(await call('register.anfrage', { anfrageAZR: { azrNummer: P.hryhorii } })).toMatchObject(
      { value: { ergebnis: 'fehler', fehler: { code: 'CERTIFICATE_MISSING' } } },
    );
    expect(
      await call('certificate.choose', {
        fingerprint: pki.entities.clientBeispielkreis.fingerprint256,
      }),
    ).toMatchObject({ ok: true, value: { state: 'ok', restartRequired: false } });
    expect(await call('register.status')).toMatchObject({
      value: { erreichbar: true, zulassung: { behoerdenkennzeichen: '100002' } },
    });
    expect(existsSync(join(dataDir, 'certificate.json'))).toBe(true);
    expect(
      await call('certificate.choose', {
        fingerprint: pki.entities.untrustedClient.fingerprint256,
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });

  it('ein gestopptes Register ist „nicht erreichbar“, und nach dem Start wieder da', async () => {
    const { call } = await host();
    await adminCall(sandbox.adminUrl, 'POST', '/admin/register/stop');
    try {
      expect(await call('register.status')).toMatchObject({
        value: { erreichbar: false, fehler: { code: 'REGISTER_UNREACHABLE' } },
      });
    } finally {
      await adminCall(sandbox.adminUrl, 'POST', '/admin/register/start');
    }
    // The status is cached for a few seconds; a fresh host asks at once.
    const { call: fresh } = await host();
    expect(await fresh('register.status')).toMatchObject({ value: { erreichbar: true } });
  });
});

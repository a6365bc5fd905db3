// Meldungen, Mitteilungen and pre-check decisions through the bridge (dispatcher, schemas, handlers)
// into the real gateway, against the real training register (test/sandbox on PGlite in memory) over
// mutual TLS with the test PKI, and into a real protocol file: one person per idempotency key, the
// § 5 personalienGleich rejection, a stale Referenz-ID, a merge notice paged through — and one
// protocol line per call, chained, without names.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeChannel } from '../../shared/bridge/channels';
import type { RequestOf, ResponseOf } from '../../shared/bridge/contract';
import type { BridgeResult } from '../../shared/bridge/result';
import { summarizeForProtocol } from '../../shared/precheck';
import type { ProtocolLog } from '../../electron/main/services/audit';
import {
  PROTOCOL_FILE,
  createProtocolLog,
  nodeProtocolFs,
} from '../../electron/main/services/audit';
import { APP_ENTRY_URL, APP_URL } from '../../electron/main/services/app-origin';
import { inertAdminDeps } from '../../electron/main/services/bridge/admin-handlers.fixture';
import {
  createBridgeDispatcher,
  createBridgeHandlers,
  createTrustedSenderCheck,
} from '../../electron/main/services/bridge';
import type { CertificateService } from '../../electron/main/services/certificates';
import { createRegisterGateway } from '../../electron/main/services/register';
import type { NodeRegisterFetch } from '../../electron/main/services/register/node-transport';
import { createNodeRegisterFetch } from '../../electron/main/services/register/node-transport';
import type { TestPki } from '../pki/pki';
import { ensureTestPki } from '../pki/pki';
import type { RunningSandbox } from '../sandbox/start';
import { startSandbox } from '../sandbox/start';
import { adminCall } from '../sandbox/testing/client';

let pki: TestPki;
let sandbox: RunningSandbox;
let transport: NodeRegisterFetch;
let protocolDir: string;
let protocol: ProtocolLog;
let call: <C extends BridgeChannel>(
  channel: C,
  request: RequestOf<C>,
) => Promise<BridgeResult<ResponseOf<C>>>;

beforeAll(async () => {
  pki = await ensureTestPki();
  sandbox = await startSandbox({ persons: 30, seed: 7 });
  transport = createNodeRegisterFetch({
    ca: [readFileSync(pki.entities.ca.files.cert, 'utf8')],
    pins: () => [pki.entities.ca.fingerprint256],
    clientIdentity: () => ({
      fingerprint: pki.entities.clientMusterstadt.fingerprint256,
      pfx: readFileSync(pki.entities.clientMusterstadt.files.p12),
      passphrase: pki.p12Password,
    }),
  });
  protocolDir = mkdtempSync(join(tmpdir(), 'azr-meldungen-protocol-'));
  protocol = createProtocolLog({
    dir: protocolDir,
    fs: nodeProtocolFs,
    now: () => new Date(),
    retentionMonths: () => 6,
  });
  const gateway = createRegisterGateway({
    registerUrl: () => sandbox.url,
    fetch: transport.fetch,
    userName: () => 'mmuster',
    now: () => new Date(),
    sleep: () => Promise.resolve(),
    random: () => 0.5,
    protocol,
    timeoutMs: 10_000,
  });
  const dispatcher = createBridgeDispatcher({
    handlers: createBridgeHandlers({
      appInfo: { name: 'azr-desk', version: '0.1.0', environment: 'test' },
      now: () => new Date(),
      admin: inertAdminDeps(),
      register: {
        gateway,
        certificates: {} as CertificateService,
        protocol,
        saveExport: () => Promise.resolve(undefined),
      },
    }),
    isTrustedSender: createTrustedSenderCheck(APP_URL),
  });
  call = async (channel, request) =>
    (await dispatcher.dispatch(channel, request, {
      url: APP_ENTRY_URL,
      isMainFrame: true,
    })) as BridgeResult<ResponseOf<typeof channel>>;
}, 120_000);

afterAll(async () => {
  await transport?.close();
  await sandbox?.close();
  if (protocolDir) rmSync(protocolDir, { recursive: true, force: true });
});

const person = (familienname: string, vorname = 'Amina') => ({
  familienname,
  vorname,
  geburtsangaben: {
    geburtsort: { ort: 'Kabul' },
    geburtsortStaat: '423',
    tagDerGeburt: { jahr: 1999, monat: 4, tag: 12 },
  },
  geschlecht: 'w' as const,
  staatsangehoerigkeit: ['423'],
});

const personenNamens = async (familienname: string) =>
  (
    (await adminCall(
      sandbox.adminUrl,
      'GET',
      `/admin/persons?familienname=${encodeURIComponent(familienname)}`,
    )) as { azrNummern: string[] }
  ).azrNummern;

/** The value of a successful bridge call that carries a register answer. */
function antwortOf<T>(
  result: BridgeResult<{ ergebnis: 'antwort'; antwort: T } | { ergebnis: 'fehler' }>,
): T {
  if (!result.ok) throw new Error(`bridge: ${JSON.stringify(result.error)}`);
  if (result.value.ergebnis !== 'antwort')
    throw new Error(`register: ${JSON.stringify(result.value)}`);
  return result.value.antwort;
}

async function erstmeldung(familienname: string, vorname?: string) {
  const antwort = antwortOf(
    await call('register.erstmeldung', {
      idempotencyKey: randomUUID(),
      geschaeftszeichen: 'ABH-2026/7000',
      grundpersonalien: person(familienname, vorname),
    }),
  );
  if (antwort.nachrichtentyp !== '090098') throw new Error(JSON.stringify(antwort));
  return antwort;
}

const lines = async (operation: string) =>
  (await protocol.list({ operation: operation as never, limit: 10_000 })).entries;

describe('Meldungen über die Brücke ans Übungsregister', () => {
  it('eine Erstmeldung legt genau eine Person an; derselbe Schlüssel noch einmal legt nichts an', async () => {
    const idempotencyKey = randomUUID();
    const request = {
      idempotencyKey,
      geschaeftszeichen: 'ABH-2026/7001',
      grundpersonalien: person('Brueckenerst'),
    };
    const erste = antwortOf(await call('register.erstmeldung', request));
    expect(erste).toMatchObject({ nachrichtentyp: '090098' });
    if (erste.nachrichtentyp !== '090098') return;
    expect(await personenNamens('Brueckenerst')).toEqual([erste.azrNummer]);

    // The outbox sends again after a lost answer: same key, same Meldung.
    const zweite = antwortOf(await call('register.erstmeldung', request));
    expect(zweite).toMatchObject({ nachrichtentyp: '090098', azrNummer: erste.azrNummer });
    expect(await personenNamens('Brueckenerst')).toEqual([erste.azrNummer]);

    const protokolliert = (await lines('erstmeldung')).filter(
      (line) => line.geschaeftszeichen === 'ABH-2026/7001',
    );
    expect(protokolliert).toHaveLength(2);
    for (const line of protokolliert)
      expect(line).toMatchObject({
        user: 'mmuster',
        behoerde: '100001',
        azrNummern: [erste.azrNummer],
        ergebnis: '090098',
      });
  });

  it('eine Erstmeldung zu einer gleichen Person ohne nichtIdentischMit: 090099 mit personalienGleich', async () => {
    const bestehend = await erstmeldung('Brueckengleich');
    const abgelehnt = antwortOf(
      await call('register.erstmeldung', {
        idempotencyKey: randomUUID(),
        geschaeftszeichen: 'ABH-2026/7002',
        grundpersonalien: person('Brueckengleich'),
      }),
    );
    expect(abgelehnt).toMatchObject({
      nachrichtentyp: '090099',
      fehlerfall: [{ fehlerschluessel: 'PERSONALIEN_GLEICH' }],
      personalienGleich: [bestehend.azrNummer],
    });
    expect(await personenNamens('Brueckengleich')).toEqual([bestehend.azrNummer]);
    expect(
      (await lines('erstmeldung')).find((l) => l.geschaeftszeichen === 'ABH-2026/7002'),
    ).toMatchObject({ azrNummern: [bestehend.azrNummer], ergebnis: '090099' });

    // With the Hinweis auf Personenverschiedenheit the new person is created (§ 5 Abs. 1 S. 4).
    const verschieden = antwortOf(
      await call('register.erstmeldung', {
        idempotencyKey: randomUUID(),
        geschaeftszeichen: 'ABH-2026/7003',
        grundpersonalien: person('Brueckengleich'),
        nichtIdentischMit: [
          {
            aenderungsArt: '01',
            nichtIdentischMit: bestehend.azrNummer,
            begruendung: 'Lichtbild und Ausweis zeigen eine andere Person.',
          },
        ],
      }),
    );
    expect(verschieden).toMatchObject({ nachrichtentyp: '090098' });
    if (verschieden.nachrichtentyp !== '090098') return;
    expect(await personenNamens('Brueckengleich')).toHaveLength(2);
    expect(
      (await lines('erstmeldung')).find((l) => l.geschaeftszeichen === 'ABH-2026/7003')?.azrNummern,
    ).toEqual(expect.arrayContaining([bestehend.azrNummer, verschieden.azrNummer]));
  });

  it('eine Folgemeldung mit veralteter Referenz-ID: REFERENZ_VERALTET als Fehler des Registers in der Antwort', async () => {
    const angelegt = await erstmeldung('Brueckenfolge');
    const referenzId = angelegt.grundpersonalienReferenzId;
    if (!referenzId) throw new Error('Referenz-ID erwartet');
    const folge = (id: string) =>
      call('register.folgemeldung', {
        idempotencyKey: randomUUID(),
        geschaeftszeichen: 'ABH-2026/7004',
        azrNummer: angelegt.azrNummer,
        grundpersonalien: {
          aenderungsArt: '02',
          referenzId: id,
          neu: person('Brueckenfolge', 'Amina Sara'),
        },
      });
    const aktualisiert = antwortOf(await folge(referenzId));
    expect(aktualisiert).toMatchObject({ nachrichtentyp: '090098', azrNummer: angelegt.azrNummer });
    if (aktualisiert.nachrichtentyp !== '090098') return;
    expect(aktualisiert.grundpersonalienReferenzId).not.toBe(referenzId);

    const veraltet = await folge(referenzId);
    expect(veraltet).toMatchObject({
      ok: true,
      value: {
        ergebnis: 'antwort',
        antwort: {
          nachrichtentyp: '090099',
          fehlerfall: [{ fehlerschluessel: 'REFERENZ_VERALTET' }],
        },
      },
    });
    expect(
      (await lines('folgemeldung')).map(({ azrNummern, ergebnis }) => ({ azrNummern, ergebnis })),
    ).toEqual([
      { azrNummern: [angelegt.azrNummer], ergebnis: '090099' },
      { azrNummern: [angelegt.azrNummer], ergebnis: '090098' },
    ]);
  });

  it('mitteilungen blättert durch die Zusammenführungshinweise', async () => {
    const paare = [];
    for (const name of ['Brueckenmerge', 'Brueckenmerga']) {
      const wegfallend = await erstmeldung(name, 'Laila');
      const bleibend = await erstmeldung(`${name}x`, 'Laila');
      await adminCall(sandbox.adminUrl, 'POST', '/admin/merge', {
        wegfallend: wegfallend.azrNummer,
        bleibend: bleibend.azrNummer,
      });
      paare.push({ wegfallend: wegfallend.azrNummer, bleibend: bleibend.azrNummer });
    }
    const gesehen: { azrNummer: string; wegfallendeAzrNummer?: string | undefined }[] = [];
    let nach: string | undefined;
    let seiten = 0;
    do {
      const seite = antwortOf(
        await call('register.mitteilungen', { anzahl: 1, ...(nach ? { nach } : {}) }),
      );
      seiten += 1;
      expect(seite.mitteilungen.length).toBeLessThanOrEqual(1);
      gesehen.push(...seite.mitteilungen);
      nach = seite.naechsterCursor;
    } while (nach !== undefined && seiten < 20);
    expect(seiten).toBeGreaterThanOrEqual(2);
    for (const paar of paare)
      expect(gesehen).toContainEqual(
        expect.objectContaining({
          nachrichtentyp: '090030',
          mitteilungsAusloeser: 'ZUSAMMENFUEHRUNG',
          azrNummer: paar.bleibend,
          wegfallendeAzrNummer: paar.wegfallend,
        }),
      );
    const protokolliert = await lines('mitteilungen');
    expect(protokolliert).toHaveLength(seiten);
    expect(protokolliert.flatMap((line) => line.azrNummern)).toEqual(
      expect.arrayContaining(paare.flatMap((paar) => [paar.bleibend, paar.wegfallend])),
    );
    expect(protokolliert.every((line) => line.behoerde === '100001')).toBe(true);
  });

  it('eine Datenpflegeanfrage (Abrufzweck 21) geht mit Schlüssel hinaus und steht im Protokoll', async () => {
    const a = await erstmeldung('Brueckenpflege');
    const b = await erstmeldung('Brueckenpflegi');
    const antwort = antwortOf(
      await call('register.datenpflege', {
        idempotencyKey: randomUUID(),
        abrufzweck: '21',
        geschaeftszeichen: 'ABH-2026/7005',
        mehrfacherfassung: { azrNummer: [a.azrNummer, b.azrNummer] },
        begruendung: 'Vermutlich dieselbe Person unter zwei Schreibweisen.',
      }),
    );
    expect(antwort).toMatchObject({ nachrichtentyp: '090098' });
    expect((await lines('datenpflege')).at(0)).toMatchObject({
      abrufzweck: '21',
      geschaeftszeichen: 'ABH-2026/7005',
      azrNummern: [a.azrNummer, b.azrNummer],
      ergebnis: '090098',
    });
  });

  it('die Entscheidung der Vorprüfung steht im Protokoll; die Kette bleibt intakt, ohne Namen', async () => {
    const kandidat = await erstmeldung('Bruecken-Vorpruefung');
    const result = await call('protocol.vorpruefung', {
      ...summarizeForProtocol({
        azrNummer: kandidat.azrNummer,
        band: 'A',
        entscheidung: {
          art: 'nichtIdentisch',
          nachweisarten: ['lichtbild', 'dokument'],
          begruendung: 'Lichtbild und Ausweis zeigen eine andere Person.',
          entschiedenAm: new Date().toISOString(),
        },
      }),
      geschaeftszeichen: 'ABH-2026/7006',
    });
    expect(result).toMatchObject({ ok: true, value: { protokolliert: true } });
    expect(await lines('vorpruefung')).toEqual([
      expect.objectContaining({
        user: 'mmuster',
        behoerde: '100001',
        geschaeftszeichen: 'ABH-2026/7006',
        azrNummern: [kandidat.azrNummer],
        ergebnis: 'nichtIdentisch:lichtbild+dokument',
      }),
    ]);
    expect(await protocol.verify()).toMatchObject({ intact: true });
    const file = readFileSync(join(protocolDir, PROTOCOL_FILE), 'utf8');
    expect(file).not.toMatch(/Bruecken|Amina|Laila|Kabul|Lichtbild und Ausweis|Schreibweisen/);
  });
});

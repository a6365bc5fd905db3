// The register gateway against the real training register (test/sandbox on PGlite in memory), over
// mutual TLS with the test PKI: every injectable fault maps to its failure code, reads are retried
// and Meldungen are not, and every request leaves exactly one protocol entry without payload.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TestPki } from '../pki/pki';
import { ensureTestPki } from '../pki/pki';
import { SZENARIO_PERSONEN as P } from '../sandbox/seed';
import type { RunningSandbox } from '../sandbox/start';
import { startSandbox } from '../sandbox/start';
import { adminCall } from '../sandbox/testing/client';
import type {
  ProtocolEntryInput,
  RegisterGatewayDeps,
} from '../../electron/main/services/register/gateway';
import { createRegisterGateway } from '../../electron/main/services/register/gateway';
import type {
  ClientIdentity,
  NodeRegisterFetch,
} from '../../electron/main/services/register/node-transport';
import { createNodeRegisterFetch } from '../../electron/main/services/register/node-transport';

let pki: TestPki;
let sandbox: RunningSandbox;
const transports: NodeRegisterFetch[] = [];

beforeAll(async () => {
  pki = await ensureTestPki();
  sandbox = await startSandbox({ persons: 30, seed: 5 });
}, 120_000);

afterEach(async () => {
  await adminCall(sandbox.adminUrl, 'DELETE', '/admin/faults');
});

afterAll(async () => {
  await Promise.all(transports.map((transport) => transport.close()));
  await sandbox?.close();
});

type Who = 'clientMusterstadt' | 'clientBeispielkreis' | 'clientExpired';

const identity = (who: Who): ClientIdentity => ({
  fingerprint: pki.entities[who].fingerprint256,
  pfx: readFileSync(pki.entities[who].files.p12),
  passphrase: pki.p12Password,
});

function transport(who: Who = 'clientMusterstadt') {
  const created = createNodeRegisterFetch({
    ca: [readFileSync(pki.entities.ca.files.cert, 'utf8')],
    pins: () => [pki.entities.ca.fingerprint256],
    clientIdentity: () => identity(who),
  });
  transports.push(created);
  return created;
}

function gateway(options: Partial<RegisterGatewayDeps> & { who?: Who } = {}) {
  const protocol: ProtocolEntryInput[] = [];
  const sleeps: number[] = [];
  const deps: RegisterGatewayDeps = {
    registerUrl: () => sandbox.url,
    fetch: transport(options.who).fetch,
    userName: () => 'mmuster',
    now: () => new Date(),
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    random: () => 0.5,
    protocol: {
      append: (entry) => {
        protocol.push(entry);
        return Promise.resolve();
      },
    },
    timeoutMs: 5_000,
    ...options,
  };
  return { gateway: createRegisterGateway(deps), protocol, sleeps };
}

/** A port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const faults = (settings: Record<string, number>) =>
  adminCall(sandbox.adminUrl, 'PUT', '/admin/faults', settings);

const nachNummer = (azrNummer: string, abrufzweck = '01') => ({
  abrufzweck,
  geschaeftszeichen: 'ABH-2026-0815',
  anfrageAZR: { azrNummer },
});

describe('Anfragen an das Übungsregister', () => {
  it('liefert die Gesamtauskunft und protokolliert Zweck, Geschäftszeichen, Nummer und Ergebnis', async () => {
    const { gateway: g, protocol } = gateway();
    const outcome = await g.anfrage(nachNummer(P.hryhorii));
    expect(outcome).toMatchObject({
      ergebnis: 'antwort',
      antwort: { nachrichtentyp: '090004', azrNummer: P.hryhorii },
    });
    expect(protocol.map((entry) => entry.operation)).toEqual(['zulassung', 'anfrage']);
    const { time, ...entry } = protocol[1] ?? { time: '' };
    expect(new Date(time).toISOString()).toBe(time);
    expect(entry).toEqual({
      user: 'mmuster',
      behoerde: '100001',
      operation: 'anfrage',
      abrufzweck: '01',
      geschaeftszeichen: 'ABH-2026-0815',
      azrNummern: [P.hryhorii],
      ergebnis: '090004',
    });
    expect(JSON.stringify(protocol)).not.toMatch(/Shevchenko|Hryhorii/);
  });

  it('sucht nach Grundpersonalien und protokolliert die Nummern der Treffer, keine Namen', async () => {
    const { gateway: g, protocol } = gateway();
    const outcome = await g.anfrage({
      abrufzweck: '01',
      geschaeftszeichen: 'ABH-2026-0816',
      anfrageAZR: {
        grundpersonalien: {
          familienname: 'Schewtschenko',
          vorname: 'Grigorij',
          staatsangehoerigkeit: ['166'],
        },
      },
    });
    expect(outcome.ergebnis).toBe('antwort');
    if (outcome.ergebnis !== 'antwort' || outcome.antwort.nachrichtentyp !== '090003')
      throw new Error(`Trefferliste erwartet: ${JSON.stringify(outcome)}`);
    const nummern = outcome.antwort.trefferPersonaliensuche.map((treffer) => treffer.azrNummer);
    expect(nummern).toContain(P.hryhorii);
    expect(protocol.at(-1)).toMatchObject({ ergebnis: '090003', azrNummern: nummern });
    expect(JSON.stringify(protocol)).not.toMatch(/Schewtschenko|Grigorij/);
  });

  it('eine unbekannte AZR-Nummer ist AZR_NUMMER_UNKNOWN', async () => {
    const { gateway: g, protocol } = gateway();
    const outcome = await g.anfrage(nachNummer('240301999999'));
    expect(outcome).toMatchObject({
      ergebnis: 'fehler',
      fehler: {
        code: 'AZR_NUMMER_UNKNOWN',
        registerFehler: [{ fehlerschluessel: 'AZR_NUMMER_UNBEKANNT' }],
      },
    });
    expect(protocol.at(-1)).toMatchObject({
      ergebnis: 'AZR_NUMMER_UNKNOWN',
      azrNummern: ['240301999999'],
    });
  });

  it('ein Abrufzweck, für den die Behörde nicht zugelassen ist, ist PURPOSE_NOT_ADMITTED', async () => {
    const { gateway: g, protocol } = gateway({ who: 'clientBeispielkreis' });
    const outcome = await g.anfrage(nachNummer(P.hryhorii, '15'));
    expect(outcome).toMatchObject({
      ergebnis: 'fehler',
      fehler: {
        code: 'PURPOSE_NOT_ADMITTED',
        registerFehler: [{ fehlerschluessel: 'ABRUFZWECK_NICHT_ZUGELASSEN' }],
      },
    });
    expect(protocol.at(-1)).toMatchObject({ behoerde: '100002', ergebnis: 'PURPOSE_NOT_ADMITTED' });
  });

  it('ein von der Richtlinie nicht angebotener Abrufzweck wird gar nicht erst gesendet', async () => {
    const { gateway: g, protocol } = gateway({ admittedAbrufzwecke: () => ['01'] });
    const outcome = await g.anfrage(nachNummer(P.hryhorii, '15'));
    expect(outcome).toMatchObject({ ergebnis: 'fehler', fehler: { code: 'PURPOSE_NOT_ADMITTED' } });
    expect(protocol.map((entry) => entry.operation)).toEqual(['anfrage']);
  });

  it('ein abgelaufenes Client-Zertifikat lehnt das Register ab: CERTIFICATE_REJECTED', async () => {
    const { gateway: g } = gateway({ who: 'clientExpired' });
    expect(await g.anfrage(nachNummer(P.hryhorii))).toMatchObject({
      ergebnis: 'fehler',
      fehler: {
        code: 'CERTIFICATE_REJECTED',
        registerFehler: [{ fehlerschluessel: 'ZERTIFIKAT_UNGUELTIG' }],
      },
    });
  });

  it('liefert das Lichtbild aus dem Speicher und protokolliert es', async () => {
    const { gateway: g, protocol } = gateway();
    const outcome = await g.lichtbild({
      azrNummer: P.hryhorii,
      abrufzweck: '01',
      geschaeftszeichen: 'ABH-2026-0817',
    });
    expect(outcome).toMatchObject({ ergebnis: 'antwort', antwort: { nachrichtentyp: '090006' } });
    expect(protocol.at(-1)).toMatchObject({ operation: 'lichtbild', ergebnis: '090006' });
  });

  it('register.status: erreichbar, mit der Zulassung der Behörde; kurz zwischengespeichert', async () => {
    let fetches = 0;
    const base = transport();
    const { gateway: g, protocol } = gateway({
      fetch: (url, init) => {
        fetches += 1;
        return base.fetch(url, init);
      },
    });
    const status = await g.status();
    expect(status).toMatchObject({
      registerUrl: sandbox.url,
      erreichbar: true,
      zulassung: { behoerdenkennzeichen: '100001', abrufzwecke: ['01', '02', '15', '21'] },
    });
    await g.status();
    expect(fetches).toBe(2); // health + zulassung, then from memory
    expect(protocol.map((entry) => entry.operation)).toEqual(['zulassung']);
  });
});

describe('Störungen des Registers', () => {
  async function warm(options: Parameters<typeof gateway>[0] = {}) {
    const created = gateway(options);
    // The Zulassung is fetched once and kept in memory; the faults below hit the request itself.
    expect((await created.gateway.zulassung()).ergebnis).toBe('antwort');
    created.protocol.length = 0;
    return created;
  }

  it('Latenz über der Zeitgrenze: REGISTER_UNREACHABLE nach drei Versuchen mit Wartezeit', async () => {
    const { gateway: g, sleeps, protocol } = await warm({ timeoutMs: 300 });
    await faults({ latenzMs: 1_500 });
    const outcome = await g.anfrage(nachNummer(P.hryhorii));
    expect(outcome).toMatchObject({
      ergebnis: 'fehler',
      fehler: { code: 'REGISTER_UNREACHABLE', detail: 'TIMEOUT' },
    });
    expect(sleeps).toEqual([188, 375]); // 250 ms doubled, half of it jitter (random 0.5)
    expect(protocol).toHaveLength(1);
    expect(protocol[0]).toMatchObject({ ergebnis: 'REGISTER_UNREACHABLE' });
  });

  it('503: REGISTER_UNREACHABLE mit dem Fehlerfall des Registers, nach Wiederholungen', async () => {
    const { gateway: g, sleeps } = await warm();
    await faults({ fehler503: 1 });
    expect(await g.anfrage(nachNummer(P.hryhorii))).toMatchObject({
      ergebnis: 'fehler',
      fehler: {
        code: 'REGISTER_UNREACHABLE',
        registerFehler: [{ fehlerschluessel: 'INTERNER_FEHLER' }],
      },
    });
    expect(sleeps).toHaveLength(2);
  });

  it('503 einmal, dann wieder da: die Anfrage gelingt beim nächsten Versuch', async () => {
    // The wait between the attempts is where the register recovers.
    const { gateway: g, protocol } = await warm({
      sleep: async () => {
        await adminCall(sandbox.adminUrl, 'DELETE', '/admin/faults');
      },
    });
    await faults({ fehler503: 1 });
    expect(await g.anfrage(nachNummer(P.hryhorii))).toMatchObject({ ergebnis: 'antwort' });
    expect(protocol).toEqual([expect.objectContaining({ ergebnis: '090004' })]);
  });

  it('Verbindungsabbruch vor der Verarbeitung: REGISTER_UNREACHABLE, Lesen wird wiederholt', async () => {
    const { gateway: g, sleeps } = await warm();
    await faults({ abbruchVorher: 1 });
    expect(await g.anfrage(nachNummer(P.hryhorii))).toMatchObject({
      ergebnis: 'fehler',
      fehler: { code: 'REGISTER_UNREACHABLE' },
    });
    expect(sleeps).toHaveLength(2);
  });

  it('Verbindungsabbruch nach der Verarbeitung: eine Meldung wird nicht wiederholt', async () => {
    const { gateway: g, sleeps, protocol } = await warm();
    await faults({ abbruchNachher: 1 });
    const outcome = await g.erstmeldung(
      {
        geschaeftszeichen: 'ABH-2026-0900',
        grundpersonalien: {
          familienname: 'Gatewaytest',
          vorname: 'Amina',
          geburtsangaben: {
            geburtsort: { ort: 'Kabul' },
            geburtsortStaat: '423',
            tagDerGeburt: { jahr: 1999, monat: 4 },
          },
          geschlecht: 'w',
          staatsangehoerigkeit: ['423'],
        },
      },
      'gateway-test-0001',
    );
    expect(outcome).toMatchObject({ ergebnis: 'fehler', fehler: { code: 'REGISTER_UNREACHABLE' } });
    expect(sleeps).toHaveLength(0);
    expect(protocol).toEqual([
      expect.objectContaining({ operation: 'erstmeldung', ergebnis: 'REGISTER_UNREACHABLE' }),
    ]);
    // The register did process it: the same key returns the first answer, nothing twice.
    await adminCall(sandbox.adminUrl, 'DELETE', '/admin/faults');
    const again = await g.erstmeldung(
      {
        geschaeftszeichen: 'ABH-2026-0900',
        grundpersonalien: {
          familienname: 'Gatewaytest',
          vorname: 'Amina',
          geburtsangaben: {
            geburtsort: { ort: 'Kabul' },
            geburtsortStaat: '423',
            tagDerGeburt: { jahr: 1999, monat: 4 },
          },
          geschlecht: 'w',
          staatsangehoerigkeit: ['423'],
        },
      },
      'gateway-test-0001',
    );
    expect(again).toMatchObject({ ergebnis: 'antwort', antwort: { nachrichtentyp: '090098' } });
    const persons = await adminCall(
      sandbox.adminUrl,
      'GET',
      '/admin/persons?familienname=Gatewaytest',
    );
    expect(persons.azrNummern).toHaveLength(1);
  });

  it('Verbindungsabbruch nach der Verarbeitung beim Lesen: wiederholt, dann unerreichbar', async () => {
    const { gateway: g, sleeps } = await warm();
    await faults({ abbruchNachher: 1 });
    expect(await g.anfrage(nachNummer(P.hryhorii))).toMatchObject({
      ergebnis: 'fehler',
      fehler: { code: 'REGISTER_UNREACHABLE' },
    });
    expect(sleeps).toHaveLength(2);
  });

  it('eine kaputte Antwort ist MALFORMED_ANSWER und wird nie als Daten gezeigt', async () => {
    const { gateway: g, sleeps, protocol } = await warm();
    await faults({ kaputteAntwort: 1 });
    expect(await g.anfrage(nachNummer(P.hryhorii))).toMatchObject({
      ergebnis: 'fehler',
      fehler: { code: 'MALFORMED_ANSWER' },
    });
    expect(sleeps).toHaveLength(0);
    expect(protocol.at(-1)).toMatchObject({ ergebnis: 'MALFORMED_ANSWER' });
  });

  it('ein gestopptes Register (keine Verbindung) ist REGISTER_UNREACHABLE', async () => {
    const port = await closedPort();
    const { gateway: g } = gateway({ registerUrl: () => `https://127.0.0.1:${port}` });
    expect(await g.status()).toMatchObject({
      erreichbar: false,
      fehler: { code: 'REGISTER_UNREACHABLE', detail: 'ECONNREFUSED' },
    });
  });
});

import { connect as tlsConnect } from 'node:tls';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestPki } from '../pki/pki';
import { ensureTestPki } from '../pki/pki';
import { SZENARIO_PERSONEN as P } from './seed';
import type { RunningSandbox } from './start';
import { startSandbox } from './start';
import { adminCall, registerClient } from './testing/client';

// The same integration tests on both storage backends: embedded PGlite and a PostgreSQL server.
// CI sets AZR_TEST_DATABASE_URL (test/sandbox/postgres-setup.sh); without it the PostgreSQL run
// is skipped locally but fails in CI, so it can never be silently missing there.
const postgresUrl = process.env.AZR_TEST_DATABASE_URL;
if (!postgresUrl && process.env.CI) {
  throw new Error(
    'AZR_TEST_DATABASE_URL fehlt: CI muss die Registertests auch gegen PostgreSQL ausführen.',
  );
}
const backends = [
  { name: 'PGlite', databaseUrl: undefined },
  ...(postgresUrl ? [{ name: 'PostgreSQL', databaseUrl: postgresUrl }] : []),
];

async function freshPostgres(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('drop schema public cascade; create schema public');
  await client.end();
}

const musterstadt = {
  durchfuehrenderSachbearbeiter: 'M. Muster',
  durchfuehrendeBehoerde: '100001',
};
const beispielkreis = {
  durchfuehrenderSachbearbeiter: 'B. Beispiel',
  durchfuehrendeBehoerde: '100002',
};

const neuePerson = (familienname: string, overrides: Record<string, unknown> = {}) => ({
  ...musterstadt,
  geschaeftszeichen: 'ABH-2026-4711',
  grundpersonalien: {
    familienname,
    vorname: 'Amina',
    geburtsangaben: {
      geburtsort: { ort: 'Kabul' },
      geburtsortStaat: '423',
      tagDerGeburt: { jahr: 1999, monat: 4 },
    },
    geschlecht: 'w',
    staatsangehoerigkeit: ['423'],
  },
  ...overrides,
});

describe.each(backends)('Trainingsregister auf $name', ({ databaseUrl }) => {
  let sandbox: RunningSandbox;
  let pki: TestPki;
  let client: ReturnType<typeof registerClient>;

  beforeAll(async () => {
    pki = await ensureTestPki();
    if (databaseUrl) await freshPostgres(databaseUrl);
    sandbox = await startSandbox({
      persons: 300,
      seed: 7,
      ...(databaseUrl ? { databaseUrl } : {}),
    });
    client = registerClient(sandbox.url, pki, 'clientMusterstadt');
  }, 120_000);

  afterAll(async () => {
    await client?.close();
    await sandbox?.close();
  });

  describe('Zugang nur mit gültigem Zertifikat einer zugelassenen Behörde', () => {
    it('TLS unter 1.2 wird nicht angenommen', async () => {
      const { port } = new URL(sandbox.url);
      const outcome = await new Promise<string>((resolve) => {
        const socket = tlsConnect({
          host: '127.0.0.1',
          port: Number(port),
          maxVersion: 'TLSv1.1',
          minVersion: 'TLSv1',
          rejectUnauthorized: false,
        });
        socket.once('secureConnect', () => {
          socket.destroy();
          resolve('verbunden');
        });
        socket.once('error', () => resolve('abgewiesen'));
      });
      expect(outcome).toBe('abgewiesen');
    });

    it.each([
      ['ohne Zertifikat', 'none', 'ZERTIFIKAT_FEHLT'],
      ['mit abgelaufenem Zertifikat', 'clientExpired', 'ZERTIFIKAT_UNGUELTIG'],
      ['mit Zertifikat einer fremden CA', 'untrustedClient', 'ZERTIFIKAT_UNGUELTIG'],
    ] as const)('wird %s abgewiesen', async (_label, who, schluessel) => {
      const other = registerClient(sandbox.url, pki, who);
      const answer = await other.get('/v1/zulassung');
      await other.close();
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({
        nachrichtentyp: '090099',
        fehlerfall: [{ fehlerschluessel: schluessel }],
      });
    });

    it('erkennt die Behörde am Zertifikat und nennt ihre Zulassung', async () => {
      const answer = await client.get('/v1/zulassung');
      expect(answer.body).toMatchObject({ behoerdenkennzeichen: '100001', direkteingabe: true });
    });
  });

  describe('Zweckbindung', () => {
    it('ohne Abrufzweck kommen nur Grunddaten', async () => {
      const answer = await client.post('/v1/anfrage', {
        ...musterstadt,
        anfrageAZR: { azrNummer: P.hryhorii },
      });
      expect(answer.body).toMatchObject({ nachrichtentyp: '090004', nurGrunddaten: true });
      expect(answer.body).not.toHaveProperty('weiterePersonalien');
      expect(answer.body).not.toHaveProperty('aufenthaltsstatus');
    });

    it('mit zugelassenem Abrufzweck kommt die Gesamtauskunft', async () => {
      const answer = await client.post('/v1/anfrage', {
        ...musterstadt,
        abrufzweck: '01',
        geschaeftszeichen: 'ABH-1',
        anfrageAZR: { azrNummer: P.hryhorii },
      });
      expect(answer.body).toMatchObject({
        nurGrunddaten: false,
        aufenthaltsstatus: { inhalt: { status: expect.any(String) as unknown } },
      });
    });

    it('ein nicht zugelassener Abrufzweck wird abgewiesen', async () => {
      const other = registerClient(sandbox.url, pki, 'clientBeispielkreis');
      const answer = await other.post('/v1/anfrage', {
        ...beispielkreis,
        abrufzweck: '21',
        geschaeftszeichen: 'BK-1',
        anfrageAZR: { azrNummer: P.hryhorii },
      });
      await other.close();
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({
        fehlerfall: [{ fehlerschluessel: 'ABRUFZWECK_NICHT_ZUGELASSEN' }],
      });
    });
  });

  describe('Suche nach ähnlichen Personen', () => {
    it('findet eine Person über eine andere Umschrift und erklärt warum', async () => {
      const answer = await client.post('/v1/anfrage', {
        ...musterstadt,
        abrufzweck: '01',
        geschaeftszeichen: 'ABH-2',
        anfrageAZR: {
          grundpersonalien: {
            familienname: 'Schewtschenko',
            vorname: 'Grigorij',
            geburtsangaben: {
              geburtsort: { unbekannt: true },
              geburtsortStaat: '166',
              tagDerGeburt: { jahr: 1987 },
            },
            staatsangehoerigkeit: ['166'],
          },
        },
      });
      expect(answer.body.nachrichtentyp).toBe('090003');
      const treffer = answer.body.trefferPersonaliensuche as {
        azrNummer: string;
        erklaerung: { felder: unknown[] };
      }[];
      const hit = treffer.find((t) => t.azrNummer === P.hryhorii);
      expect(hit?.erklaerung.felder.length).toBeGreaterThan(0);
    });

    it('meldet kein Treffer, wenn niemand ähnlich ist', async () => {
      const answer = await client.post('/v1/anfrage', {
        ...musterstadt,
        anfrageAZR: {
          grundpersonalien: {
            familienname: 'Qwxyzzyq',
            vorname: 'Plmokn',
            staatsangehoerigkeit: [],
          },
        },
      });
      expect(answer.body).toMatchObject({ nachrichtentyp: '090002' });
    });
  });

  describe('Sperren und Einschränkungen', () => {
    const abruf = (azrNummer: string) =>
      client.post('/v1/anfrage', {
        ...musterstadt,
        abrufzweck: '01',
        geschaeftszeichen: 'ABH-3',
        anfrageAZR: { azrNummer },
      });

    it('eine Übermittlungssperre wird mit den Daten gekennzeichnet', async () => {
      const answer = await abruf(P.sperre);
      expect(answer.body).toMatchObject({
        nachrichtentyp: '090004',
        uebermittlungssperre: [{ art: 'normal' }],
        hinweis: [{ hinweisschluessel: 'UEBERMITTLUNGSSPERRE' }],
      });
    });

    it('eine große Sperre liefert nur einen Hinweis, keine Daten', async () => {
      const answer = await abruf(P.sperreGross);
      expect(answer.body).toEqual({
        nachrichtentyp: '090002',
        hinweis: [
          expect.objectContaining({ hinweisschluessel: 'UEBERMITTLUNGSSPERRE_AUSKUNFT_GESPERRT' }),
        ],
      });
    });

    it('bei eingeschränkter Verarbeitung kommen nur Personalien und der Hinweis', async () => {
      const answer = await abruf(P.eingeschraenkt);
      expect(answer.body).toMatchObject({
        verarbeitungEingeschraenkt: true,
        weiterePersonalien: expect.any(Object) as unknown,
      });
      expect(answer.body).not.toHaveProperty('aufenthaltsstatus');
      expect(answer.body).not.toHaveProperty('anschrift');
    });

    it('eine unbekannte AZR-Nummer ist ein Fehler, keine leere Antwort', async () => {
      const answer = await client.post('/v1/anfrage', {
        ...musterstadt,
        anfrageAZR: { azrNummer: '240101999999' },
      });
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({
        fehlerfall: [{ fehlerschluessel: 'AZR_NUMMER_UNBEKANNT' }],
      });
    });
  });

  describe('Meldungen', () => {
    it('eine Erstmeldung zu gleichen Personalien ohne Hinweis auf Personenverschiedenheit wird abgewiesen', async () => {
      const meldung = neuePerson('Yılmaz', {
        grundpersonalien: {
          familienname: 'Yilmaz',
          vorname: 'Mehmet',
          geburtsangaben: {
            geburtsort: { ort: 'Ankara' },
            geburtsortStaat: '163',
            tagDerGeburt: { jahr: 1985, monat: 3, tag: 2 },
          },
          geschlecht: 'm',
          staatsangehoerigkeit: ['163'],
        },
      });
      const abgewiesen = await client.post('/v1/erstmeldung', meldung, {
        'idempotency-key': 'erst-gleich-1',
      });
      expect(abgewiesen.status).toBe(409);
      expect((abgewiesen.body.personalienGleich as string[]).sort()).toEqual([
        P.namensvetterA,
        P.namensvetterB,
      ]);

      const mitHinweis = await client.post(
        '/v1/erstmeldung',
        {
          ...meldung,
          nichtIdentischMit: [P.namensvetterA, P.namensvetterB].map((nummer) => ({
            aenderungsArt: '01',
            nichtIdentischMit: nummer,
            begruendung: 'Lichtbild und Geburtsort weichen ab; Pass geprüft.',
          })),
        },
        { 'idempotency-key': 'erst-gleich-2' },
      );
      expect(mitHinweis.status).toBe(200);
      expect(mitHinweis.body.azrNummer).toMatch(/^\d{12}$/);
    });

    it('ein wiederholter Idempotency-Key legt genau einen Datensatz an', async () => {
      const meldung = neuePerson('Idempotenzova');
      const first = await client.post('/v1/erstmeldung', meldung, {
        'idempotency-key': 'erst-idem-0001',
      });
      const second = await client.post('/v1/erstmeldung', meldung, {
        'idempotency-key': 'erst-idem-0001',
      });
      expect(second.body).toEqual(first.body);
      const persons = await adminCall(
        sandbox.adminUrl,
        'GET',
        '/admin/persons?familienname=Idempotenzova',
      );
      expect(persons.azrNummern).toEqual([first.body.azrNummer]);
    });

    it('eine Folgemeldung auf eine veraltete Referenz-ID ist ein Konflikt', async () => {
      const angelegt = await client.post('/v1/erstmeldung', neuePerson('Referenzowa'), {
        'idempotency-key': 'folge-basis-1',
      });
      const azrNummer = angelegt.body.azrNummer as string;
      const referenzId = angelegt.body.grundpersonalienReferenzId as string;
      const neu = neuePerson('Referenzowa-Neu').grundpersonalien;
      const erste = await client.post(
        '/v1/folgemeldung',
        {
          ...musterstadt,
          geschaeftszeichen: 'ABH-9',
          azrNummer,
          grundpersonalien: { aenderungsArt: '04', referenzId, neu },
        },
        { 'idempotency-key': 'folge-0001' },
      );
      expect(erste.body).toMatchObject({ nachrichtentyp: '090098', azrNummer });
      const veraltet = await client.post(
        '/v1/folgemeldung',
        {
          ...musterstadt,
          geschaeftszeichen: 'ABH-9',
          azrNummer,
          grundpersonalien: { aenderungsArt: '04', referenzId, neu },
        },
        { 'idempotency-key': 'folge-0002' },
      );
      expect(veraltet.status).toBe(409);
      expect(veraltet.body).toMatchObject({
        fehlerfall: [{ fehlerschluessel: 'REFERENZ_VERALTET' }],
      });
    });

    it('eine Meldung ohne gültigen Idempotency-Key wird nicht verarbeitet', async () => {
      const answer = await client.post('/v1/erstmeldung', neuePerson('Schluesselowa'), {
        'idempotency-key': 'kurz',
      });
      expect(answer.status).toBe(400);
      const persons = await adminCall(
        sandbox.adminUrl,
        'GET',
        '/admin/persons?familienname=Schluesselowa',
      );
      expect(persons.azrNummern).toEqual([]);
    });

    it('ohne Zulassung zur Direkteingabe wird keine Meldung angenommen', async () => {
      const other = registerClient(sandbox.url, pki, 'clientBeispielkreis');
      const answer = await other.post(
        '/v1/erstmeldung',
        { ...neuePerson('Direktowa'), ...beispielkreis },
        { 'idempotency-key': 'direkt-0001' },
      );
      await other.close();
      expect(answer.body).toMatchObject({
        fehlerfall: [{ fehlerschluessel: 'DIREKTEINGABE_NICHT_ZUGELASSEN' }],
      });
    });
  });

  describe('Lichtbild', () => {
    it('liefert zu einer Person mit Lichtbild ein PNG, mit Zweck und Geschäftszeichen', async () => {
      const answer = await client.post('/v1/lichtbild', {
        ...musterstadt,
        abrufzweck: '01',
        geschaeftszeichen: 'ABH-LB',
        azrNummer: P.hryhorii,
      });
      expect(answer.body).toMatchObject({ nachrichtentyp: '090006', mimeType: 'image/png' });
      const png = Buffer.from(answer.body.daten as string, 'base64');
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    });

    it('bei großer Sperre wird kein Lichtbild übermittelt', async () => {
      const answer = await client.post('/v1/lichtbild', {
        ...musterstadt,
        abrufzweck: '01',
        geschaeftszeichen: 'ABH-LB',
        azrNummer: P.sperreGross,
      });
      expect(answer.body).toMatchObject({
        fehlerfall: [{ fehlerschluessel: 'LICHTBILD_NICHT_VORHANDEN' }],
      });
    });
  });

  describe('Zusammenführung', () => {
    it('die alte Nummer antwortet mit der aktuellen, und die Behörden erhalten eine Mitteilung', async () => {
      const a = await client.post('/v1/erstmeldung', neuePerson('Doppelowa'), {
        'idempotency-key': 'merge-a-01',
      });
      const b = await client.post(
        '/v1/erstmeldung',
        neuePerson('Doppelowa', {
          nichtIdentischMit: [
            {
              aenderungsArt: '01',
              nichtIdentischMit: a.body.azrNummer,
              begruendung: 'zunächst für verschieden gehalten',
            },
          ],
        }),
        { 'idempotency-key': 'merge-b-01' },
      );
      await adminCall(sandbox.adminUrl, 'POST', '/admin/merge', {
        wegfallend: a.body.azrNummer,
        bleibend: b.body.azrNummer,
      });

      const answer = await client.post('/v1/anfrage', {
        ...musterstadt,
        anfrageAZR: { azrNummer: a.body.azrNummer },
      });
      expect(answer.body).toMatchObject({
        azrNummer: b.body.azrNummer,
        alteAZRNummerDerAnfrage: a.body.azrNummer,
      });

      const notices = await client.get('/v1/mitteilungen?anzahl=100');
      expect(notices.body.mitteilungen).toContainEqual(
        expect.objectContaining({
          azrNummer: b.body.azrNummer,
          wegfallendeAzrNummer: a.body.azrNummer,
          mitteilungsAusloeser: 'ZUSAMMENFUEHRUNG',
        }),
      );
    });
  });

  describe('Protokoll und Störungen', () => {
    it('jeder Zugriff steht im Protokoll mit Zweck und Geschäftszeichen, ohne Nutzdaten', async () => {
      await client.post('/v1/anfrage', {
        ...musterstadt,
        abrufzweck: '01',
        geschaeftszeichen: 'ABH-PROT',
        anfrageAZR: { azrNummer: P.hryhorii },
      });
      const { eintraege } = (await adminCall(sandbox.adminUrl, 'GET', '/admin/protokoll')) as {
        eintraege: Record<string, unknown>[];
      };
      expect(eintraege).toContainEqual(
        expect.objectContaining({
          behoerde: '100001',
          abrufzweck: '01',
          geschaeftszeichen: 'ABH-PROT',
          azr_nummern: [P.hryhorii],
          ergebnis: '090004',
        }),
      );
      expect(JSON.stringify(eintraege)).not.toContain('Shevchenko');
    });

    it('geht die Antwort auf eine Meldung verloren, legt die Wiederholung mit demselben Schlüssel nichts doppelt an', async () => {
      const meldung = neuePerson('Verlorenowa');
      await adminCall(sandbox.adminUrl, 'PUT', '/admin/faults', { abbruchNachher: 1 });
      await expect(
        client.post('/v1/erstmeldung', meldung, { 'idempotency-key': 'verloren-0001' }),
      ).rejects.toThrow();
      await adminCall(sandbox.adminUrl, 'DELETE', '/admin/faults');
      const retry = await client.post('/v1/erstmeldung', meldung, {
        'idempotency-key': 'verloren-0001',
      });
      expect(retry.status).toBe(200);
      const persons = await adminCall(
        sandbox.adminUrl,
        'GET',
        '/admin/persons?familienname=Verlorenowa',
      );
      expect(persons.azrNummern).toEqual([retry.body.azrNummer]);
    });

    it('eine kaputte Antwort ist kein gültiges JSON', async () => {
      await adminCall(sandbox.adminUrl, 'PUT', '/admin/faults', { kaputteAntwort: 1 });
      await expect(client.get('/v1/health')).rejects.toThrow();
      await adminCall(sandbox.adminUrl, 'DELETE', '/admin/faults');
    });

    it('eine AZR-Nummer mit unmöglichem Datum wird als ungültige Nachricht abgewiesen', async () => {
      const answer = await client.post('/v1/anfrage', {
        ...musterstadt,
        anfrageAZR: { azrNummer: '240231000001' },
      });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({
        fehlerfall: [{ fehlerschluessel: 'NACHRICHT_UNGUELTIG' }],
      });
    });

    it('eingeschaltete Störungen liefern 503, bis sie abgeschaltet werden', async () => {
      await adminCall(sandbox.adminUrl, 'PUT', '/admin/faults', { fehler503: 1 });
      expect((await client.get('/v1/health')).status).toBe(503);
      await adminCall(sandbox.adminUrl, 'DELETE', '/admin/faults');
      expect((await client.get('/v1/health')).status).toBe(200);
    });
  });
});

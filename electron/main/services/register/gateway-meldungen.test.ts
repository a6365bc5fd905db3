// The gateway's Meldungen, Mitteilungen and pre-check protocol lines with a scripted register: AnAZR
// is added, the key goes out as Idempotency-Key, a Meldung is sent exactly once per call, and every
// call leaves one protocol line with the numbers of request and answer and the result — no payload.
import { describe, expect, it } from 'vitest';
import type {
  ErstmeldungInput,
  ProtocolEntryInput,
  RegisterGatewayDeps,
  RegisterHttpResponse,
  RegisterRequestInit,
} from './gateway';
import { RegisterRequestError, createRegisterGateway } from './gateway';

const KEY = '0b6f7c3e-2d1a-4f5e-9c8b-7a6d5e4f3c2b';
const NR = {
  neu: '261123000001',
  a: '240229123456',
  b: '190312000001',
  c: '200101000002',
} as const;

const ZULASSUNG = {
  behoerdenkennzeichen: '100001',
  behoerdenname: 'ABH Musterstadt',
  abrufzwecke: ['01', '02', '15', '21'],
  direkteingabe: true,
};

type Reply = { status: number; body: unknown } | Error;

interface Sent {
  readonly path: string;
  readonly init: RegisterRequestInit;
  readonly body: Record<string, unknown> | undefined;
}

/** A register that answers each path from a script (the last reply repeats). */
function scripted(replies: Record<string, Reply[]>, overrides: Partial<RegisterGatewayDeps> = {}) {
  const sent: Sent[] = [];
  const protocol: ProtocolEntryInput[] = [];
  const sleeps: number[] = [];
  const queues = new Map(Object.entries(replies).map(([path, list]) => [path, [...list]]));
  const deps: RegisterGatewayDeps = {
    registerUrl: () => 'https://register.test',
    fetch: (url, init) => {
      const { pathname } = new URL(url);
      sent.push({
        path: url.replace('https://register.test', ''),
        init,
        body: init.body ? (JSON.parse(init.body) as Record<string, unknown>) : undefined,
      });
      const queue = queues.get(pathname) ?? [];
      const reply = (queue.length > 1 ? queue.shift() : queue[0]) ?? new Error('no reply');
      if (reply instanceof Error) return Promise.reject(reply);
      const response: RegisterHttpResponse = {
        status: reply.status,
        text: () => Promise.resolve(JSON.stringify(reply.body)),
      };
      return Promise.resolve(response);
    },
    userName: () => 'mmuster',
    now: () => new Date('2026-11-23T09:00:00.000Z'),
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
    ...overrides,
  };
  return { gateway: createRegisterGateway(deps), sent, protocol, sleeps };
}

const ok = (body: unknown): Reply => ({ status: 200, body });
const zulassung = { '/v1/zulassung': [ok(ZULASSUNG)] };

const grundpersonalien = {
  familienname: 'Hryhorenko',
  vorname: 'Oksana',
  geburtsangaben: {
    geburtsort: { ort: 'Charkiw' },
    geburtsortStaat: '166',
    tagDerGeburt: { jahr: 1990 },
  },
  staatsangehoerigkeit: ['166'],
};

const erstmeldung: ErstmeldungInput = {
  geschaeftszeichen: 'ABH-2026/0815',
  grundpersonalien,
  nichtIdentischMit: [
    { aenderungsArt: '01', nichtIdentischMit: NR.a, begruendung: 'Lichtbild weicht ab.' },
  ],
};

const abgelehnt = (fehlerschluessel: string, extra: Record<string, unknown> = {}): Reply => ({
  status: 409,
  body: {
    nachrichtentyp: '090099',
    fehlerfall: [{ fehlerschluessel, fehlertext: 'Abgelehnt.' }],
    ...extra,
  },
});

const noPayload = (protocol: readonly ProtocolEntryInput[]) =>
  expect(JSON.stringify(protocol)).not.toMatch(/Hryhorenko|Oksana|Charkiw|Lichtbild weicht/);

describe('Erstmeldung', () => {
  it('fügt AnAZR hinzu, sendet den Schlüssel als Idempotency-Key und protokolliert die neue Nummer', async () => {
    const { gateway, sent, protocol } = scripted({
      ...zulassung,
      '/v1/erstmeldung': [
        ok({ nachrichtentyp: '090098', azrNummer: NR.neu, personalienAehnlich: [NR.b] }),
      ],
    });
    const outcome = await gateway.erstmeldung(erstmeldung, KEY);
    expect(outcome).toMatchObject({
      ergebnis: 'antwort',
      antwort: { nachrichtentyp: '090098', azrNummer: NR.neu },
    });
    const meldung = sent.find((s) => s.path === '/v1/erstmeldung');
    expect(meldung?.init.method).toBe('POST');
    expect(meldung?.init.headers['Idempotency-Key']).toBe(KEY);
    expect(meldung?.body).toMatchObject({
      durchfuehrenderSachbearbeiter: 'mmuster',
      durchfuehrendeBehoerde: '100001',
      geschaeftszeichen: 'ABH-2026/0815',
    });
    expect(meldung?.body).not.toHaveProperty('idempotencyKey');
    expect(protocol.at(-1)).toEqual({
      time: '2026-11-23T09:00:00.000Z',
      user: 'mmuster',
      behoerde: '100001',
      operation: 'erstmeldung',
      geschaeftszeichen: 'ABH-2026/0815',
      azrNummern: [NR.a, NR.neu, NR.b],
      ergebnis: '090098',
    });
    noPayload(protocol);
  });

  it('PERSONALIEN_GLEICH ist die Antwort 090099; das Protokoll nennt die gleichen Nummern', async () => {
    const { gateway, protocol } = scripted({
      ...zulassung,
      '/v1/erstmeldung': [abgelehnt('PERSONALIEN_GLEICH', { personalienGleich: [NR.b, NR.c] })],
    });
    expect(await gateway.erstmeldung(erstmeldung, KEY)).toMatchObject({
      ergebnis: 'antwort',
      antwort: {
        nachrichtentyp: '090099',
        fehlerfall: [{ fehlerschluessel: 'PERSONALIEN_GLEICH' }],
        personalienGleich: [NR.b, NR.c],
      },
    });
    expect(protocol.at(-1)).toMatchObject({
      operation: 'erstmeldung',
      azrNummern: [NR.a, NR.b, NR.c],
      ergebnis: '090099',
    });
  });

  it.each([
    ['Verbindungsabbruch', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })],
    [
      '503',
      {
        status: 503,
        body: {
          nachrichtentyp: '090099',
          fehlerfall: [{ fehlerschluessel: 'INTERNER_FEHLER', fehlertext: 'x' }],
        },
      },
    ],
    ['502 mit HTML', { status: 502, body: '<html>' }],
  ] satisfies [string, Reply][])(
    '%s: genau ein Versuch, keine Wartezeit, REGISTER_UNREACHABLE',
    async (_what, reply) => {
      const { gateway, sent, sleeps, protocol } = scripted({
        ...zulassung,
        '/v1/erstmeldung': [reply],
      });
      expect(await gateway.erstmeldung(erstmeldung, KEY)).toMatchObject({
        ergebnis: 'fehler',
        fehler: { code: 'REGISTER_UNREACHABLE' },
      });
      expect(sent.filter((s) => s.path === '/v1/erstmeldung')).toHaveLength(1);
      expect(sleeps).toEqual([]);
      expect(protocol.at(-1)).toMatchObject({
        operation: 'erstmeldung',
        azrNummern: [NR.a],
        ergebnis: 'REGISTER_UNREACHABLE',
      });
    },
  );

  it.each(['', 'kurz', 'mit leerzeichen drin', `${KEY}\r\nX: 1`])(
    'ohne gültigen Schlüssel (%j) geht nichts hinaus',
    async (key) => {
      const { gateway, sent } = scripted({ ...zulassung });
      await expect(gateway.erstmeldung(erstmeldung, key)).rejects.toBeInstanceOf(
        RegisterRequestError,
      );
      expect(sent.filter((s) => s.path === '/v1/erstmeldung')).toHaveLength(0);
    },
  );
});

describe('Folgemeldung und Datenpflege', () => {
  it('Folgemeldung: Nummer, Hinweise und aktuelle Nummer der Antwort im Protokoll', async () => {
    const { gateway, sent, protocol } = scripted({
      ...zulassung,
      '/v1/folgemeldung': [
        ok({ nachrichtentyp: '090098', azrNummer: NR.c, grundpersonalienReferenzId: 'ABCDEFG22' }),
      ],
    });
    const outcome = await gateway.folgemeldung(
      {
        geschaeftszeichen: 'ABH-2026/0815',
        azrNummer: NR.b,
        grundpersonalien: { aenderungsArt: '02', referenzId: 'ABCDEFG11', neu: grundpersonalien },
        nichtIdentischMit: [
          { aenderungsArt: '01', nichtIdentischMit: NR.a, begruendung: 'Lichtbild weicht ab.' },
        ],
      },
      KEY,
    );
    expect(outcome).toMatchObject({ ergebnis: 'antwort', antwort: { azrNummer: NR.c } });
    expect(sent.at(-1)?.init.headers['Idempotency-Key']).toBe(KEY);
    expect(protocol.at(-1)).toMatchObject({
      operation: 'folgemeldung',
      geschaeftszeichen: 'ABH-2026/0815',
      azrNummern: [NR.b, NR.a, NR.c],
      ergebnis: '090098',
    });
    noPayload(protocol);
  });

  it('Folgemeldung mit veralteter Referenz-ID: REFERENZ_VERALTET in der Antwort', async () => {
    const { gateway, protocol } = scripted({
      ...zulassung,
      '/v1/folgemeldung': [abgelehnt('REFERENZ_VERALTET')],
    });
    expect(
      await gateway.folgemeldung(
        {
          geschaeftszeichen: 'ABH-2026/0815',
          azrNummer: NR.b,
          grundpersonalien: { aenderungsArt: '02', referenzId: 'ABCDEFG11', neu: grundpersonalien },
        },
        KEY,
      ),
    ).toMatchObject({
      ergebnis: 'antwort',
      antwort: {
        nachrichtentyp: '090099',
        fehlerfall: [{ fehlerschluessel: 'REFERENZ_VERALTET' }],
      },
    });
    expect(protocol.at(-1)).toMatchObject({ azrNummern: [NR.b], ergebnis: '090099' });
  });

  it('Datenpflege: Abrufzweck 21 und alle Nummern im Protokoll', async () => {
    const { gateway, sent, protocol } = scripted({
      ...zulassung,
      '/v1/datenpflege': [ok({ nachrichtentyp: '090098', azrNummer: NR.a })],
    });
    await gateway.datenpflege(
      {
        abrufzweck: '21',
        geschaeftszeichen: 'ABH-2026/0815',
        mehrfacherfassung: { azrNummer: [NR.a, NR.b] },
        begruendung: 'Doppelt erfasst.',
      },
      KEY,
    );
    expect(sent.at(-1)?.init.headers['Idempotency-Key']).toBe(KEY);
    expect(protocol.at(-1)).toMatchObject({
      operation: 'datenpflege',
      abrufzweck: '21',
      azrNummern: [NR.a, NR.b],
      ergebnis: '090098',
    });
    expect(JSON.stringify(protocol)).not.toContain('Doppelt');
  });

  it('Datenpflege, die die Richtlinie nicht anbietet (Abrufzweck 21), geht nicht hinaus', async () => {
    const { gateway, sent, protocol } = scripted(
      { ...zulassung },
      { admittedAbrufzwecke: () => ['01'] },
    );
    expect(
      await gateway.datenpflege(
        {
          abrufzweck: '21',
          geschaeftszeichen: 'ABH-2026/0815',
          mehrfacherfassung: { azrNummer: [NR.a, NR.b] },
          begruendung: 'Doppelt erfasst.',
        },
        KEY,
      ),
    ).toMatchObject({ ergebnis: 'fehler', fehler: { code: 'PURPOSE_NOT_ADMITTED' } });
    expect(sent).toEqual([]);
    expect(protocol.at(-1)).toMatchObject({
      operation: 'datenpflege',
      ergebnis: 'PURPOSE_NOT_ADMITTED',
    });
  });
});

describe('Mitteilungen', () => {
  it('fragt seitenweise und protokolliert bleibende und wegfallende Nummern', async () => {
    const mitteilung = {
      nachrichtentyp: '090030',
      id: '7',
      erstelltAm: '2026-11-23T08:00:00.000Z',
      azrNummer: NR.b,
      mitteilungsAusloeser: 'ZUSAMMENFUEHRUNG',
      wegfallendeAzrNummer: NR.a,
    };
    const { gateway, sent, protocol } = scripted({
      ...zulassung,
      '/v1/mitteilungen': [ok({ mitteilungen: [mitteilung], naechsterCursor: '7' })],
    });
    expect(await gateway.mitteilungen({ nach: '3', anzahl: 1 })).toMatchObject({
      ergebnis: 'antwort',
      antwort: { naechsterCursor: '7' },
    });
    expect(sent.map((s) => s.path)).toEqual(['/v1/zulassung', '/v1/mitteilungen?nach=3&anzahl=1']);
    expect(sent.at(-1)?.init.method).toBe('GET');
    expect(protocol.at(-1)).toEqual({
      time: '2026-11-23T09:00:00.000Z',
      user: 'mmuster',
      behoerde: '100001',
      operation: 'mitteilungen',
      azrNummern: [NR.b, NR.a],
      ergebnis: '090030',
    });
  });

  it('ohne Zulassung keine Abfrage: der Fehler der Zulassung ist das Ergebnis', async () => {
    const { gateway, sent, protocol } = scripted({
      '/v1/zulassung': [Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })],
    });
    expect(await gateway.mitteilungen()).toMatchObject({
      ergebnis: 'fehler',
      fehler: { code: 'REGISTER_UNREACHABLE' },
    });
    expect(sent.every((s) => s.path === '/v1/zulassung')).toBe(true);
    expect(protocol.at(-1)).toMatchObject({
      operation: 'mitteilungen',
      ergebnis: 'REGISTER_UNREACHABLE',
    });
  });
});

describe('Vorprüfung im Protokoll', () => {
  it('schreibt Benutzer, Behörde der Zulassung, Geschäftszeichen, Nummer und Entscheidung', async () => {
    const { gateway, sent, protocol } = scripted({ ...zulassung });
    await gateway.zulassung();
    const before = sent.length;
    expect(
      await gateway.recordVorpruefung({
        geschaeftszeichen: 'ABH-2026/0815',
        azrNummern: [NR.a],
        ergebnis: 'nichtIdentisch:lichtbild+dokument',
      }),
    ).toEqual({ time: '2026-11-23T09:00:00.000Z' });
    expect(sent).toHaveLength(before); // local: no register request
    expect(protocol.at(-1)).toEqual({
      time: '2026-11-23T09:00:00.000Z',
      user: 'mmuster',
      behoerde: '100001',
      operation: 'vorpruefung',
      geschaeftszeichen: 'ABH-2026/0815',
      azrNummern: [NR.a],
      ergebnis: 'nichtIdentisch:lichtbild+dokument',
    });
  });

  it('ohne bekannte Zulassung bleibt die Behörde leer, statt das Register zu fragen', async () => {
    const { gateway, sent, protocol } = scripted({ ...zulassung });
    await gateway.recordVorpruefung({
      geschaeftszeichen: 'ABH-2026/0815',
      azrNummern: [NR.b],
      ergebnis: 'identisch:lichtbild',
    });
    expect(sent).toEqual([]);
    expect(protocol.at(-1)).toMatchObject({ behoerde: '', operation: 'vorpruefung' });
  });
});

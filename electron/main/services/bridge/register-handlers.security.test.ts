// The transmission channels (issue 7) from the bridge's side, with a fake gateway: what the renderer
// sends is validated before the gateway sees it, the outbox's key is passed through as the
// Idempotency-Key, nothing the renderer names about caseworker or authority gets through, and the
// pre-check's protocol call hands the gateway nothing but Geschäftszeichen, number and decision.
import { describe, expect, it, vi } from 'vitest';
import type { BridgeChannel } from '../../../../shared/bridge/channels';
import { summarizeForProtocol } from '../../../../shared/precheck';
import type { MeldungAntwort } from '../../../../shared/register-api';
import { APP_ENTRY_URL, APP_URL } from '../app-origin';
import type { ProtocolLog } from '../audit';
import type { CertificateService } from '../certificates';
import type { Outcome, RegisterGateway } from '../register';
import { RegisterRequestError } from '../register';
import { inertAdminDeps } from './admin-handlers.fixture';
import { createBridgeDispatcher } from './dispatcher';
import { createBridgeHandlers } from './handlers';
import { createTrustedSenderCheck } from './sender';

const KEY = '0b6f7c3e-2d1a-4f5e-9c8b-7a6d5e4f3c2b';
const NR = { a: '240229123456', b: '190312000001', c: '200101000002' } as const;

const bestaetigung = (azrNummer: string): Outcome<MeldungAntwort> => ({
  ergebnis: 'antwort',
  antwort: { nachrichtentyp: '090098', hinweis: [], azrNummer, personalienAehnlich: [] },
});

function fakeGateway() {
  const reject = () => Promise.reject(new Error('not used here'));
  const gateway = {
    anfrage: vi.fn(reject),
    lichtbild: vi.fn(reject),
    status: vi.fn(reject),
    zulassung: vi.fn(reject),
    erstmeldung: vi.fn((_m: unknown, _k: string) => Promise.resolve(bestaetigung(NR.c))),
    folgemeldung: vi.fn((_m: unknown, _k: string) => Promise.resolve(bestaetigung(NR.b))),
    datenpflege: vi.fn((_m: unknown, _k: string) => Promise.resolve(bestaetigung(NR.a))),
    mitteilungen: vi.fn((_page?: unknown) =>
      Promise.resolve({
        ergebnis: 'antwort' as const,
        antwort: { mitteilungen: [], naechsterCursor: '9' },
      }),
    ),
    recordVorpruefung: vi.fn((_entry: unknown) =>
      Promise.resolve({ time: '2026-11-23T09:00:05.000Z' }),
    ),
    invalidate: vi.fn(),
  } satisfies RegisterGateway;
  return gateway;
}

function bridge(gateway = fakeGateway(), withRegister = true) {
  const dispatcher = createBridgeDispatcher({
    handlers: createBridgeHandlers({
      appInfo: { name: 'azr-desk', version: '0.1.0', environment: 'test' },
      now: () => new Date('2026-11-23T09:00:00.000Z'),
      admin: inertAdminDeps(),
      ...(withRegister
        ? {
            register: {
              gateway,
              certificates: {} as CertificateService,
              protocol: {} as ProtocolLog,
              saveExport: () => Promise.resolve(undefined),
            },
          }
        : {}),
    }),
    isTrustedSender: createTrustedSenderCheck(APP_URL),
  });
  const call = (channel: BridgeChannel, request: unknown) =>
    dispatcher.dispatch(channel, request, { url: APP_ENTRY_URL, isMainFrame: true });
  return { call, gateway };
}

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

const erstmeldung = {
  geschaeftszeichen: 'ABH-2026/0815',
  grundpersonalien,
  nichtIdentischMit: [
    { aenderungsArt: '01', nichtIdentischMit: NR.a, begruendung: 'Lichtbild weicht ab.' },
  ],
};
const folgemeldung = {
  geschaeftszeichen: 'ABH-2026/0815',
  azrNummer: NR.b,
  grundpersonalien: { aenderungsArt: '02', referenzId: 'ABCDEFG11', neu: grundpersonalien },
};
const datenpflege = {
  abrufzweck: '21',
  geschaeftszeichen: 'ABH-2026/0815',
  mehrfacherfassung: { azrNummer: [NR.a, NR.b] },
  begruendung: 'Doppelt erfasst.',
};

const meldungen = [
  ['register.erstmeldung', 'erstmeldung', erstmeldung],
  ['register.folgemeldung', 'folgemeldung', folgemeldung],
  ['register.datenpflege', 'datenpflege', datenpflege],
] as const;

describe('Meldungen über die Brücke', () => {
  it.each(meldungen)(
    '%s: die Meldung geht ohne Schlüssel an das Gateway, der Schlüssel als Idempotency-Key',
    async (channel, method, meldung) => {
      const { call, gateway } = bridge();
      const result = await call(channel, { ...meldung, idempotencyKey: KEY });
      expect(result).toMatchObject({ ok: true, value: { ergebnis: 'antwort' } });
      expect(gateway[method]).toHaveBeenCalledTimes(1);
      const [sent, key] = gateway[method].mock.calls[0] ?? [];
      expect(key).toBe(KEY);
      expect(sent).toMatchObject(meldung);
      expect(sent).not.toHaveProperty('idempotencyKey');
      expect(sent).not.toHaveProperty('durchfuehrenderSachbearbeiter');
      expect(sent).not.toHaveProperty('durchfuehrendeBehoerde');
    },
  );

  it.each(
    meldungen.flatMap(([channel, method, meldung]) => [
      [channel, 'ohne Schlüssel', method, meldung],
      [channel, 'mit Schlüssel, der keine UUID ist', method, { ...meldung, idempotencyKey: 'abc' }],
      [
        channel,
        'mit Sachbearbeiter vom Renderer',
        method,
        { ...meldung, idempotencyKey: KEY, durchfuehrenderSachbearbeiter: 'chef' },
      ],
      [
        channel,
        'mit Behörde vom Renderer',
        method,
        { ...meldung, idempotencyKey: KEY, durchfuehrendeBehoerde: '100002' },
      ],
      [channel, 'mit unbekanntem Feld', method, { ...meldung, idempotencyKey: KEY, eilig: true }],
    ]),
  )(
    '%s %s: INVALID_REQUEST, das Gateway wird nicht gerufen',
    async (channel, _what, method, request) => {
      const { call, gateway } = bridge();
      expect(await call(channel, request)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_REQUEST' },
      });
      expect(gateway[method]).not.toHaveBeenCalled();
    },
  );

  it('eine Ablehnung des Registers (090099) ist eine Antwort, kein Fehler der Brücke', async () => {
    const gateway = fakeGateway();
    const abgelehnt: Outcome<MeldungAntwort> = {
      ergebnis: 'antwort',
      antwort: {
        nachrichtentyp: '090099',
        hinweis: [],
        fehlerfall: [
          {
            fehlerschluessel: 'PERSONALIEN_GLEICH',
            fehlertext: 'Gleiche Grundpersonalien.',
            fehlerhaftesAttribut: [],
          },
        ],
        personalienGleich: [NR.a],
      },
    };
    gateway.erstmeldung.mockResolvedValueOnce(abgelehnt);
    const { call } = bridge(gateway);
    expect(await call('register.erstmeldung', { ...erstmeldung, idempotencyKey: KEY })).toEqual({
      ok: true,
      value: abgelehnt,
    });
  });

  it('ein Fehler ohne Antwort kommt als Ergebnis zurück; die Brücke wiederholt nichts', async () => {
    const gateway = fakeGateway();
    gateway.folgemeldung.mockResolvedValueOnce({
      ergebnis: 'fehler',
      fehler: { code: 'REGISTER_UNREACHABLE', registerFehler: [], detail: 'ECONNRESET' },
    });
    const { call } = bridge(gateway);
    expect(await call('register.folgemeldung', { ...folgemeldung, idempotencyKey: KEY })).toEqual({
      ok: true,
      value: {
        ergebnis: 'fehler',
        fehler: { code: 'REGISTER_UNREACHABLE', registerFehler: [], detail: 'ECONNRESET' },
      },
    });
    expect(gateway.folgemeldung).toHaveBeenCalledTimes(1);
  });

  it('eine Meldung, die das Gateway nicht bauen kann, ist INVALID_REQUEST', async () => {
    const gateway = fakeGateway();
    gateway.datenpflege.mockRejectedValueOnce(new RegisterRequestError('no OS user name'));
    const { call } = bridge(gateway);
    expect(
      await call('register.datenpflege', { ...datenpflege, idempotencyKey: KEY }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });

  it('eine Antwort, die keine Meldungsantwort ist, verlässt main nicht', async () => {
    const gateway = fakeGateway();
    gateway.erstmeldung.mockResolvedValueOnce({
      ergebnis: 'antwort',
      antwort: { nachrichtentyp: '090004', azrNummer: NR.a } as unknown as MeldungAntwort,
    });
    const { call } = bridge(gateway);
    expect(
      await call('register.erstmeldung', { ...erstmeldung, idempotencyKey: KEY }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_RESPONSE' } });
  });
});

describe('register.mitteilungen über die Brücke', () => {
  it.each([
    [undefined, {}],
    [{}, {}],
    [
      { nach: '17', anzahl: 2 },
      { nach: '17', anzahl: 2 },
    ],
  ])('%j geht als Seite %j an das Gateway', async (request, page) => {
    const { call, gateway } = bridge();
    expect(await call('register.mitteilungen', request)).toEqual({
      ok: true,
      value: { ergebnis: 'antwort', antwort: { mitteilungen: [], naechsterCursor: '9' } },
    });
    expect(gateway.mitteilungen).toHaveBeenCalledWith(page);
  });

  it('lehnt eine ungültige Seite ab', async () => {
    const { call, gateway } = bridge();
    expect(await call('register.mitteilungen', { anzahl: 10_000 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    expect(gateway.mitteilungen).not.toHaveBeenCalled();
  });
});

describe('protocol.vorpruefung über die Brücke', () => {
  const summary = {
    ...summarizeForProtocol({
      azrNummer: NR.a,
      band: 'B',
      entscheidung: {
        art: 'nichtIdentisch',
        nachweisarten: ['lichtbild', 'dokument'],
        begruendung: 'Lichtbild zeigt eine deutlich ältere Frau.',
        entschiedenAm: '2026-11-23T08:59:00.000Z',
      },
    }),
    geschaeftszeichen: 'ABH-2026/0815',
  };

  it('gibt dem Gateway nur Geschäftszeichen, Nummer und Entscheidung', async () => {
    const { call, gateway } = bridge();
    expect(await call('protocol.vorpruefung', summary)).toEqual({
      ok: true,
      value: { protokolliert: true, zeitpunkt: '2026-11-23T09:00:05.000Z' },
    });
    expect(gateway.recordVorpruefung).toHaveBeenCalledWith({
      geschaeftszeichen: 'ABH-2026/0815',
      azrNummern: [NR.a],
      ergebnis: 'nichtIdentisch:lichtbild+dokument',
    });
  });

  it('eine Zusammenfassung mit Freitext wird gar nicht erst protokolliert', async () => {
    const { call, gateway } = bridge();
    expect(
      await call('protocol.vorpruefung', { ...summary, begruendung: 'ältere Frau' }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(gateway.recordVorpruefung).not.toHaveBeenCalled();
  });
});

describe('ohne Registerdienste (Host ohne Register)', () => {
  it.each([
    ['register.erstmeldung', { ...erstmeldung, idempotencyKey: KEY }],
    ['register.folgemeldung', { ...folgemeldung, idempotencyKey: KEY }],
    ['register.datenpflege', { ...datenpflege, idempotencyKey: KEY }],
    ['register.mitteilungen', undefined],
  ] as const)('%s antwortet UNAVAILABLE', async (channel, request) => {
    const { call } = bridge(fakeGateway(), false);
    expect(await call(channel, request)).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE' },
    });
  });
});

import type { AzrApi, BridgeInvoke } from '../../../shared/bridge/api';
import { createAzrApi } from '../../../shared/bridge/api';
import type { BridgeChannel } from '../../../shared/bridge/channels';
import type {
  AnfrageRequest,
  AnfrageResponse,
  CertificateStatus,
  RegisterFailureCode,
  RegisterStatus,
} from '../../../shared/bridge/register';
import type { Grundpersonalien } from '../../../shared/register-api/common';
import type { Gesamtauskunft, Treffer } from '../../../shared/register-api/messages';

// Small factories for the register's answers in component tests (style.md: no copied blobs).

export const grundpersonalien = (overrides: Partial<Grundpersonalien> = {}): Grundpersonalien => ({
  familienname: 'Shevchenko',
  vorname: 'Hryhorii',
  geburtsangaben: {
    geburtsort: { ort: 'Kharkiv' },
    geburtsortStaat: '166',
    tagDerGeburt: { jahr: 1987, monat: 5, tag: 14 },
  },
  geschlecht: 'm',
  staatsangehoerigkeit: ['166'],
  ...overrides,
});

export const treffer = (overrides: Partial<Treffer> = {}): Treffer => ({
  azrNummer: '240301000001',
  grundpersonalien: grundpersonalien(),
  personalienArt: '0',
  trefferbewertung: 'G',
  aktenfuehrendeBehoerde: '100001',
  uebermittlungssperre: [],
  erklaerung: {
    band: 'A',
    regel: 'gleicher Name in anderer Umschrift und vereinbares Geburtsdatum',
    punktzahl: 31.5,
    felder: [
      { feld: 'Familienname', bewertung: 'andere Umschrift', detail: 'Schewtschenko ↔ Shevchenko' },
      { feld: 'Geburtsdatum', bewertung: 'identisch' },
    ],
  },
  ...overrides,
});

export const gesamtauskunft = (overrides: Partial<Gesamtauskunft> = {}): Gesamtauskunft => ({
  nachrichtentyp: '090004',
  hinweis: [],
  azrNummer: '240301000001',
  nichtIdentischMit: [],
  aktenfuehrendeBehoerde: '100001',
  nurGrunddaten: false,
  verarbeitungEingeschraenkt: false,
  uebermittlungssperre: [],
  grundpersonalien: { referenzId: 'ABCDEFG11', inhalt: grundpersonalien() },
  weiterePersonalien: {
    referenzId: 'ABCDEFH11',
    inhalt: {
      weitereNamen: [],
      ausweispapiere: [{ art: 'Reisepass', nummer: 'FE123456', ausstellenderStaat: '166' }],
    },
  },
  anschrift: {
    referenzId: 'ABCDEFJ11',
    inhalt: { strasse: 'Rathausplatz 1', plz: '12345', ort: 'Musterstadt' },
  },
  aufenthaltsstatus: {
    referenzId: 'ABCDEFK11',
    inhalt: { status: 'Aufenthaltserlaubnis § 24 AufenthG', seit: '2022-04-01' },
  },
  lichtbildVorhanden: true,
  ...overrides,
});

export const antwort = (
  message: Extract<AnfrageResponse, { ergebnis: 'antwort' }>['antwort'],
): AnfrageResponse => ({ ergebnis: 'antwort', antwort: message });

export const fehler = (code: RegisterFailureCode): AnfrageResponse => ({
  ergebnis: 'fehler',
  fehler: { code, registerFehler: [] },
});

export const registerStatus = (overrides: Partial<RegisterStatus> = {}): RegisterStatus => ({
  registerUrl: 'https://127.0.0.1:4433/',
  erreichbar: true,
  geprueftAm: '2026-11-23T10:00:00.000Z',
  zulassung: {
    behoerdenkennzeichen: '100001',
    behoerdenname: 'ABH Musterstadt',
    abrufzwecke: ['01', '02', '15', '21'],
    direkteingabe: true,
  },
  ...overrides,
});

export const certificateStatus = (
  overrides: Partial<CertificateStatus> = {},
): CertificateStatus => ({
  inUse: {
    fingerprint: Array.from({ length: 32 }, () => 'AB').join(':'),
    subject: 'CN=ABH Musterstadt Sachbearbeitung, O=ABH Musterstadt, C=DE',
    issuer: 'CN=Test-DOI-CA, O=Bundesverwaltungsamt (Test), C=DE',
    validFrom: '2026-01-01T00:00:00.000Z',
    validTo: '2027-06-30T00:00:00.000Z',
  },
  candidates: [],
  daysLeft: 219,
  state: 'ok',
  restartRequired: false,
  ...overrides,
});

type Handler = (request: unknown) => unknown;

/**
 * `window.azr` with the given channels answered (synchronously computed, asynchronously
 * delivered); every other channel answers UNAVAILABLE as an absent main process would.
 * Returns the list of requests per channel so a test can say what was (not) sent.
 */
export function installRegisterBridge(handlers: Partial<Record<BridgeChannel, Handler>>) {
  const calls: { channel: BridgeChannel; request: unknown }[] = [];
  const defaults: Partial<Record<BridgeChannel, Handler>> = {
    'app.info': () => ({ name: 'azr-desk', version: '9.8.7', environment: 'test' }),
    'health.ping': () => ({ status: 'ok', time: '2026-11-23T10:00:00.000Z' }),
    'register.status': () => registerStatus(),
    'certificate.status': () => certificateStatus(),
  };
  const invoke: BridgeInvoke = (channel, request) => {
    calls.push({ channel, request });
    const handler = handlers[channel] ?? defaults[channel];
    if (!handler)
      return Promise.resolve({ ok: false, error: { code: 'UNAVAILABLE', message: 'stub' } });
    try {
      return Promise.resolve({ ok: true, value: handler(request) });
    } catch {
      return Promise.resolve({ ok: false, error: { code: 'HANDLER_FAILED', message: 'stub' } });
    }
  };
  const api: AzrApi = createAzrApi(invoke);
  Object.defineProperty(window, 'azr', { value: api, configurable: true });
  return {
    calls,
    anfragen: () =>
      calls
        .filter((call) => call.channel === 'register.anfrage')
        .map((c) => c.request as AnfrageRequest),
  };
}

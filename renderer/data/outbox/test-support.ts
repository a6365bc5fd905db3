// Test factories for the outbox: a fresh fake IndexedDB, fixed keys, a clock, Meldungen, and a
// scripted register behind `send` that is idempotent by key like the training register.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { MeldungResponse } from '../../../shared/bridge/meldungen';
import type { BridgeResult } from '../../../shared/bridge/result';
import type { Grundpersonalien } from '../../../shared/register-api/common';
import type { Fehlernachricht } from '../../../shared/register-api/messages';
import { createDraftCipher } from '../drafts/crypto';
import { openDatabase } from '../drafts/db';
import { testKeys } from '../drafts/test-support';
import type { OutboxPayload, OutboxSendRequest } from './model';
import { OutboxRepository } from './repository';

export function manualClock(start = Date.parse('2026-11-23T10:00:00Z')) {
  let now = start;
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
    get millis() {
      return now;
    },
  };
}

export async function setupOutbox(clock = manualClock()) {
  const db = openDatabase({
    name: `test-outbox-${crypto.randomUUID()}`,
    indexedDB: new IDBFactory(),
    IDBKeyRange,
  });
  const cipher = await createDraftCipher(testKeys);
  let counter = 0;
  const repository = new OutboxRepository({
    db,
    cipher,
    now: clock.now,
    newId: () => `entry-${String(++counter).padStart(4, '0')}`,
  });
  return { db, cipher, repository, clock };
}

export const gp = (familienname: string, vorname = 'Oleksandra'): Grundpersonalien => ({
  familienname,
  vorname,
  geburtsangaben: {
    geburtsort: { ort: 'Kyjiw' },
    geburtsortStaat: '166',
    tagDerGeburt: { jahr: 1990, monat: 2, tag: 14 },
  },
  geschlecht: 'w',
  staatsangehoerigkeit: ['166'],
});

export function erstmeldung(
  familienname: string,
  geschaeftszeichen = 'ABH-2026/0815',
): OutboxPayload {
  return {
    art: 'erstmeldung',
    meldung: {
      geschaeftszeichen,
      grundpersonalien: gp(familienname),
      nichtIdentischMit: [
        {
          aenderungsArt: '01',
          nichtIdentischMit: '240301000007',
          begruendung: 'Lichtbild zeigt eine andere Person; Geburtsort abweichend.',
        },
      ],
    },
    anzeige: { name: `${familienname}, Oleksandra` },
    abrufzweck: '01',
  };
}

export const REFERENZ_ALT = 'GPERSONv17';
export const REFERENZ_NEU = 'GPERSONv28';

export function folgemeldung(
  azrNummer: string,
  familienname = 'Bondarenko',
  referenzId = REFERENZ_ALT,
): OutboxPayload {
  return {
    art: 'folgemeldung',
    meldung: {
      geschaeftszeichen: 'ABH-2026/0999',
      azrNummer,
      grundpersonalien: { aenderungsArt: '02', referenzId, neu: gp(familienname, 'Iryna') },
    },
    anzeige: { name: `${familienname}, Iryna` },
    abrufzweck: '01',
  };
}

export function datenpflege(azrNummern: readonly string[]): OutboxPayload {
  return {
    art: 'datenpflege',
    meldung: {
      abrufzweck: '21',
      geschaeftszeichen: 'ABH-2026/0815',
      mehrfacherfassung: { azrNummer: [...azrNummern] },
      begruendung: 'Gleiche Person unter zwei Nummern erfasst.',
    },
    anzeige: { name: 'Mehrfacherfassung' },
    abrufzweck: '21',
  };
}

export const fehler = (
  fehlerschluessel: Fehlernachricht['fehlerfall'][number]['fehlerschluessel'],
  personalienGleich: string[] = [],
): Fehlernachricht => ({
  nachrichtentyp: '090099',
  hinweis: [],
  fehlerfall: [
    { fehlerschluessel, fehlertext: `Text zu ${fehlerschluessel}`, fehlerhaftesAttribut: [] },
  ],
  personalienGleich,
});

export const answer = (antwort: MeldungResponse): BridgeResult<MeldungResponse> => ({
  ok: true,
  value: antwort,
});

export const bestaetigung = (azrNummer: string): BridgeResult<MeldungResponse> =>
  answer({
    ergebnis: 'antwort',
    antwort: { nachrichtentyp: '090098', hinweis: [], azrNummer, personalienAehnlich: [] },
  });

export const unreachable = (): BridgeResult<MeldungResponse> =>
  answer({
    ergebnis: 'fehler',
    fehler: { code: 'REGISTER_UNREACHABLE', registerFehler: [], detail: 'ECONNRESET' },
  });

export interface SentCall {
  readonly art: OutboxSendRequest['art'];
  readonly key: string;
  readonly name: string;
  readonly at: number;
}

/**
 * A register behind `send`: `decide` says what happens to one call ('ok' = processed and
 * answered; 'lost' = processed, answer lost; or an explicit bridge result). Processing is
 * idempotent by key: a key seen before gets its first answer and creates nothing.
 */
export function scriptedRegister(options: {
  readonly now: () => number;
  readonly decide?: (
    call: SentCall,
    index: number,
  ) => 'ok' | 'lost' | BridgeResult<MeldungResponse>;
  /** Lets a test hold a send open. */
  readonly gate?: (call: SentCall) => Promise<void>;
}) {
  const calls: SentCall[] = [];
  const answers = new Map<string, BridgeResult<MeldungResponse>>();
  const created: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const inFlightKeys = new Map<string, number>();
  let maxSameKey = 0;
  let number = 100;

  const process = (call: SentCall) => {
    const known = answers.get(call.key);
    if (known) return known;
    const azrNummer = `2611230${String(++number).padStart(5, '0')}`;
    created.push(call.name);
    const result = bestaetigung(azrNummer);
    answers.set(call.key, result);
    return result;
  };

  const send = async (request: OutboxSendRequest): Promise<BridgeResult<MeldungResponse>> => {
    const r = request.request as {
      idempotencyKey: string;
      grundpersonalien?: { familienname?: string; neu?: { familienname: string } };
      geschaeftszeichen: string;
    };
    const name =
      r.grundpersonalien?.familienname ??
      r.grundpersonalien?.neu?.familienname ??
      r.geschaeftszeichen;
    const call: SentCall = { art: request.art, key: r.idempotencyKey, name, at: options.now() };
    const index = calls.push(call) - 1;
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const same = (inFlightKeys.get(call.key) ?? 0) + 1;
    inFlightKeys.set(call.key, same);
    maxSameKey = Math.max(maxSameKey, same);
    try {
      await options.gate?.(call);
      await new Promise((resolve) => setTimeout(resolve, 0));
      const decision = options.decide?.(call, index) ?? 'ok';
      if (decision === 'ok') return process(call);
      if (decision === 'lost') {
        process(call);
        return unreachable();
      }
      return decision;
    } finally {
      inFlight--;
      inFlightKeys.set(call.key, (inFlightKeys.get(call.key) ?? 1) - 1);
    }
  };

  return {
    send,
    calls,
    created,
    get maxInFlight() {
      return maxInFlight;
    },
    get maxSameKey() {
      return maxSameKey;
    },
  };
}

/** A sleep that advances the manual clock instead of waiting (and yields, so others can run). */
export const warpSleep =
  (clock: ReturnType<typeof manualClock>) =>
  async (ms: number, signal: AbortSignal): Promise<void> => {
    if (signal.aborted) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (!signal.aborted) clock.advance(ms);
  };

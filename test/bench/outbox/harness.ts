// Runs inside the app page (bundled by run.ts and test/e2e/outbox.spec.ts, evaluated in the page):
// queues Erstmeldungen in the real outbox (same origin, same IndexedDB, the key the browser host
// hands out) as the pre-check would, so the app's own worker drains them. Seeding through the UI
// would take minutes for 1,000 entries.
import './jitless';
import type { OutboxStatus } from '../../../renderer/data/outbox/model';
import { OutboxRepository } from '../../../renderer/data/outbox/repository';
import { appStorage } from '../support/page';

async function repository(durability: 'strict' | 'relaxed') {
  const { db, cipher } = await appStorage(durability);
  return { db, repo: new OutboxRepository({ db, cipher, now: () => new Date() }) };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** 0 → "Aaa", 1 → "Aab" …: distinct, letters only (DIN 91379), so the register can count them. */
const code = (n: number) =>
  Array.from({ length: 3 }, (_, i) => LETTERS[Math.floor(n / 26 ** (2 - i)) % 26]).join('');

export const familienname = (tag: string, i: number) => `Ausgang${tag}${code(i)}`;

/** Queues `count` Erstmeldungen; returns their family names. */
async function enqueue(count: number, tag: string): Promise<string[]> {
  // Relaxed durability for seeding only; what the worker writes uses the app's strict database.
  const { db, repo } = await repository('relaxed');
  const names: string[] = [];
  for (let i = 0; i < count; i += 50)
    await Promise.all(
      Array.from({ length: Math.min(50, count - i) }, async (_, k) => {
        const n = i + k;
        const name = familienname(tag, n);
        names[n] = name;
        await repo.enqueue(`bench-${tag}-${n}`, {
          art: 'erstmeldung',
          meldung: {
            geschaeftszeichen: `ABH-${tag}/${String(n).padStart(4, '0')}`,
            grundpersonalien: {
              familienname: name,
              vorname: 'Olena',
              geburtsangaben: {
                geburtsort: { ort: 'Lwiw' },
                geburtsortStaat: '166',
                tagDerGeburt: { jahr: 1960 + (n % 40), monat: (n % 12) + 1, tag: (n % 28) + 1 },
              },
              geschlecht: 'w',
              staatsangehoerigkeit: ['166'],
            },
            nichtIdentischMit: [],
          },
          anzeige: { name: `${name}, Olena` },
          abrufzweck: '01',
        });
      }),
    );
  db.close();
  return names;
}

let reader: Promise<OutboxRepository> | undefined;

/** Polled while the worker drains: one connection for all polls, not one each. */
async function counts(): Promise<Record<OutboxStatus, number>> {
  reader ??= repository('strict').then(({ repo }) => repo);
  return (await reader).counts();
}

export interface EntrySummary {
  readonly name: string;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly azrNummer: string | undefined;
  readonly idempotencyKey: string;
}

/** Every entry, decrypted: name, state, attempts, the confirmed AZR-Nummer. */
async function entries(): Promise<EntrySummary[]> {
  const { db, repo } = await repository('strict');
  const list = await repo.list();
  db.close();
  return list.map((entry) => {
    const outcome = entry.ergebnis?.outcome;
    return {
      name:
        entry.meldung.art === 'erstmeldung'
          ? entry.meldung.meldung.grundpersonalien.familienname
          : '',
      status: entry.status,
      attempts: entry.attempts,
      azrNummer: outcome?.status === 'bestaetigt' ? outcome.antwort.azrNummer : undefined,
      idempotencyKey: entry.idempotencyKey,
    };
  });
}

/** Resolves once the app has unlocked its session (its performance mark). */
async function unlocked(): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (performance.getEntriesByName('azr:drafts-unlocked').length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('session did not unlock');
}

Object.assign(globalThis, { __outboxBench: { enqueue, counts, entries, unlocked } });

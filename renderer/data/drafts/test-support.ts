// Test factories for the drafts data layer: a fresh fake IndexedDB per test, fixed keys, a clock.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { codeLists } from '../../../shared/domain/codelists';
import type { DraftContent } from '../../../shared/domain/draft';
import { emptyDraftContent } from '../../../shared/domain/draft';
import { createDraftCipher } from './crypto';
import { openDatabase } from './db';
import { DraftRepository } from './repository';

const keyOf = (byte: number) => btoa(String.fromCharCode(...new Uint8Array(32).fill(byte)));

export const testKeys = { dataKey: keyOf(7), indexKey: keyOf(9) };

export function testClock(start = new Date('2026-11-23T10:00:00')) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advanceDays: (days: number) => {
      now += days * 24 * 60 * 60 * 1000;
    },
  };
}

export async function setupRepository(clock = testClock()) {
  const db = openDatabase({
    name: `test-${crypto.randomUUID()}`,
    indexedDB: new IDBFactory(),
    IDBKeyRange,
  });
  const cipher = await createDraftCipher(testKeys);
  let counter = 0;
  const repository = new DraftRepository({
    db,
    cipher,
    now: clock.now,
    codeLists,
    newId: () => `draft-${String(++counter).padStart(4, '0')}`,
  });
  return { db, cipher, repository, clock };
}

/** A Folgemeldung draft to `azrNummer` (merges re-key these). */
export const folgemeldungContent = (azrNummer: string, familienname = 'Yılmaz'): DraftContent =>
  person(familienname, 'Mehmet', '02.03.1985', (content) => {
    content.kind = 'folgemeldung';
    content.azrNummer = azrNummer;
  });

export function person(
  familienname: string,
  vorname: string,
  geburtsdatum: string,
  change: (content: DraftContent) => void = () => {},
): DraftContent {
  const content = emptyDraftContent('erstmeldung', {
    staatsangehoerigkeit: '2021-02-19',
    geschlecht: '1',
  });
  content.geschaeftszeichen = 'ABH-2026/0815';
  Object.assign(content.grundpersonalien, {
    familienname,
    vorname,
    geburtsdatum,
    geburtsort: 'Kyjiw',
    geburtsland: '166',
    staatsangehoerigkeit: ['166'],
    geschlecht: 'w',
  });
  change(content);
  return content;
}

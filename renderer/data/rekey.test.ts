import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { DraftContent } from '../../shared/domain/draft';
import { AZR_INDEX_PENDING_KEY, openDatabase } from './drafts/db';
import { folgemeldungContent, person, setupRepository } from './drafts/test-support';
import { InvalidAzrNummerError, rekeyAzrNummer } from './rekey';

const ALT = '240301000005';
const NEU = '240301000006';
const ANDERE = '240301000001';

const folgemeldung = (familienname: string, azrNummer: string): DraftContent =>
  folgemeldungContent(azrNummer, familienname);

const noPrechecks = { rekey: () => Promise.resolve(0) };

async function scenario() {
  const setup = await setupRepository();
  const { repository } = setup;
  const a = await repository.create('folgemeldung', folgemeldung('Yılmaz', ALT));
  // Typed as caseworkers copy it from a printout: with spaces.
  const b = await repository.create('folgemeldung', folgemeldung('Yilmaz', '240301 000005'));
  const other = await repository.create('folgemeldung', folgemeldung('Shevchenko', ANDERE));
  const none = await repository.create('erstmeldung', person('Kowalczyk', 'Łucja', '03.11.1987'));
  return { ...setup, a, b, other, none };
}

describe('Umschlüsseln nach einer Zusammenführung', () => {
  it('findet die Entwürfe über den Blindindex und entschlüsselt nur sie', async () => {
    const { repository, cipher, a, b } = await scenario();
    const open = vi.spyOn(cipher, 'open');
    const result = await rekeyAzrNummer({ drafts: repository, prechecks: noPrechecks }, ALT, NEU);
    expect([...result.entwuerfe].sort()).toEqual([a.id, b.id].sort());
    // Two drafts name the old number: exactly their two bodies were opened, no other draft's.
    expect(open).toHaveBeenCalledTimes(2);
    expect(open.mock.calls.map(([address]) => address.id).sort()).toEqual([a.id, b.id].sort());
  });

  it('ändert die AZR-Nummer im Inhalt, sonst nichts; Zeitstempel und Stufe bleiben', async () => {
    const { repository, a, b, other, none } = await scenario();
    await repository.setStage(b.id, 'postausgang');
    await rekeyAzrNummer({ drafts: repository, prechecks: noPrechecks }, ALT, NEU);
    const after = await repository.get(a.id);
    expect(after.content).toEqual({ ...a.content, azrNummer: NEU });
    expect(after.updatedAt).toEqual(a.updatedAt);
    const staged = await repository.get(b.id);
    expect(staged.content.azrNummer).toBe(NEU);
    expect(staged.stage).toBe('postausgang');
    expect((await repository.get(other.id)).content.azrNummer).toBe(ANDERE);
    expect((await repository.get(none.id)).content).toEqual(none.content);
    // The blind index follows: the drafts are found under the new number, no longer the old one.
    expect(await repository.rekeyAzrNummer(ALT, ANDERE)).toEqual([]);
    expect((await repository.rekeyAzrNummer(NEU, ANDERE)).sort()).toEqual([a.id, b.id].sort());
  });

  it('ein vor der Zusammenführung geöffnetes Formular schreibt die alte Nummer nicht zurück', async () => {
    const { repository, a } = await scenario();
    await rekeyAzrNummer({ drafts: repository, prechecks: noPrechecks }, ALT, NEU);
    // The form still holds the content it loaded (with ALT); the caseworker types on.
    await repository.save(a.id, { ...a.content, geschaeftszeichen: 'ABH-2026/0816' });
    const saved = await repository.get(a.id);
    expect(saved.content.azrNummer).toBe(NEU);
    expect(saved.content.geschaeftszeichen).toBe('ABH-2026/0816');
  });

  it('ist idempotent: ein zweiter Lauf ändert nichts', async () => {
    const { repository, cipher } = await scenario();
    await rekeyAzrNummer({ drafts: repository, prechecks: noPrechecks }, ALT, NEU);
    const seal = vi.spyOn(cipher, 'seal');
    const second = await rekeyAzrNummer({ drafts: repository, prechecks: noPrechecks }, ALT, NEU);
    expect(second.entwuerfe).toEqual([]);
    expect(seal).not.toHaveBeenCalled();
  });

  it('gibt die Nummern normalisiert an die Vorprüfungen weiter und zählt deren Änderungen', async () => {
    const { repository } = await scenario();
    const prechecks = { rekey: vi.fn(() => Promise.resolve(3)) };
    const result = await rekeyAzrNummer(
      { drafts: repository, prechecks },
      '240301 000005',
      '240301-000006',
    );
    expect(prechecks.rekey).toHaveBeenCalledWith(ALT, NEU);
    expect(result).toMatchObject({ wegfallend: ALT, bleibend: NEU, vorpruefungen: 3 });
  });

  it('lehnt Nummern ab, die keine AZR-Nummern sind, und tut bei gleichen Nummern nichts', async () => {
    const { repository } = await scenario();
    const prechecks = { rekey: vi.fn(() => Promise.resolve(0)) };
    await expect(rekeyAzrNummer({ drafts: repository, prechecks }, '', NEU)).rejects.toThrow(
      InvalidAzrNummerError,
    );
    await expect(rekeyAzrNummer({ drafts: repository, prechecks }, ALT, '12345')).rejects.toThrow(
      InvalidAzrNummerError,
    );
    expect(await rekeyAzrNummer({ drafts: repository, prechecks }, ALT, ALT)).toMatchObject({
      entwuerfe: [],
      vorpruefungen: 0,
    });
    expect(prechecks.rekey).not.toHaveBeenCalled();
  });

  it('eine Eingabe, die zwischen Lesen und Schreiben gespeichert wird, geht nicht verloren', async () => {
    const { repository, db, a } = await scenario();
    // The open form saves right after the re-keying read the draft (before it writes).
    const transaction = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
    let interfered = false;
    vi.spyOn(db, 'transaction').mockImplementation(((...args: unknown[]) => {
      const result = transaction(...args);
      if (args[0] !== 'r' || interfered) return result;
      interfered = true;
      return result.then(async (read) => {
        await repository.save(a.id, { ...a.content, geschaeftszeichen: 'ABH-2026/0999' });
        return read;
      });
    }) as typeof db.transaction);
    await rekeyAzrNummer({ drafts: repository, prechecks: noPrechecks }, ALT, NEU);
    vi.restoreAllMocks();
    expect(interfered).toBe(true);
    const after = await repository.get(a.id);
    expect(after.content.geschaeftszeichen).toBe('ABH-2026/0999');
    expect(after.content.azrNummer).toBe(NEU);
  });

  it('Entwürfe aus der Zeit vor dem AZR-Nummern-Index werden einmal nachindiziert', async () => {
    const { repository, cipher, db, a } = await scenario();
    // As a version-1 draft: its blind row has no `a:` entry.
    const entry = await cipher.blind(`a:${ALT}`);
    const row = await db.draftBlind.get(a.id);
    await db.draftBlind.put({ id: a.id, blind: row!.blind.filter((b) => b !== entry) });
    // Without the upgrade's marker the index is trusted: the draft is not found.
    expect((await repository.rekeyAzrNummer(ALT, NEU)).includes(a.id)).toBe(false);
    await db.meta.put({ key: AZR_INDEX_PENDING_KEY, value: 1 });
    expect(await repository.rekeyAzrNummer(ALT, NEU)).toEqual([a.id]);
    expect(await db.meta.get(AZR_INDEX_PENDING_KEY)).toBeUndefined();
  });

  it('das Datenbank-Upgrade von Version 1 setzt die Markierung, eine neue Datenbank nicht', async () => {
    const indexedDB = new IDBFactory();
    const v1 = new Dexie('upgrade', { indexedDB, IDBKeyRange });
    v1.version(1).stores({
      drafts: 'id, kind, status, createdAt, updatedAt, [kind+updatedAt], [status+updatedAt]',
      draftBlind: 'id, *blind',
      draftBodies: 'id',
      outbox: 'id, draftId, status, createdAt',
      meta: 'key',
    });
    await v1.open();
    v1.close();
    const upgraded = openDatabase({ name: 'upgrade', indexedDB, IDBKeyRange });
    expect(await upgraded.meta.get(AZR_INDEX_PENDING_KEY)).toBeDefined();
    const fresh = openDatabase({ name: 'fresh', indexedDB, IDBKeyRange });
    expect(await fresh.meta.get(AZR_INDEX_PENDING_KEY)).toBeUndefined();
  });
});

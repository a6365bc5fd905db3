import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { codeLists } from '../../../shared/domain/codelists';
import { openDatabase } from './db';
import { createDraftSession } from './session';
import { person, setupRepository, testClock, testKeys } from './test-support';

/** `count` drafts, one a day apart: draft i is named `Name<i>`, the last one is the newest. */
async function seeded(count: number) {
  const setup = await setupRepository();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(
      (await setup.repository.create('erstmeldung', person(`Name${i}`, 'A', '00.00.1980'))).id,
    );
    setup.clock.advanceDays(0.01);
  }
  return { ...setup, ids };
}

describe('Entwürfe: erste Bildschirmseite der Liste', () => {
  it('liefert die neuesten N Entwürfe entschlüsselt und entschlüsselt sonst nichts', async () => {
    const { repository, cipher, ids } = await seeded(30);
    const open = vi.spyOn(cipher, 'open');
    const page = await repository.firstPage({}, 5);
    const newest = [...ids].reverse();
    expect(page.ids).toEqual(newest.slice(0, 5));
    expect(page.ids.map((id) => page.entries.get(id)?.summary?.familienname)).toEqual([
      'Name29',
      'Name28',
      'Name27',
      'Name26',
      'Name25',
    ]);
    // The other 25 are still encrypted: nothing decrypted them.
    expect(open).toHaveBeenCalledTimes(5);
    expect(repository.cachedEntry(newest[5]!)).toBeUndefined();
    // The full order (from the clear index alone) continues where the first page ends.
    const all = await repository.listIds({});
    expect(all.slice(0, 5)).toEqual(page.ids);
    expect(all).toEqual(newest);
    expect(open).toHaveBeenCalledTimes(5);
  });

  it('folgt der Sortierung: nach Anlage, aufsteigend', async () => {
    const { repository, ids } = await seeded(6);
    const page = await repository.firstPage({ sort: 'createdAt', descending: false }, 3);
    expect(page.ids).toEqual(ids.slice(0, 3));
  });

  it('merkt sich Entschlüsseltes für die Sitzung und liest einen geänderten Entwurf neu', async () => {
    const { repository, cipher, ids } = await seeded(4);
    await repository.firstPage({}, 4);
    const open = vi.spyOn(cipher, 'open');
    const again = await repository.firstPage({}, 4);
    expect(open).not.toHaveBeenCalled();
    expect(again.entries.get(ids[3]!)?.summary?.familienname).toBe('Name3');
    await repository.save(ids[0]!, person('Umbenannt', 'A', '00.00.1980'));
    const entry = await repository.listEntry(ids[0]!);
    expect(entry.summary?.familienname).toBe('Umbenannt');
    expect(open).toHaveBeenCalledTimes(1);
    await repository.discard(ids[1]!);
    expect(repository.cachedEntry(ids[1]!)).toBeUndefined();
    await expect(repository.listEntry(ids[1]!)).rejects.toMatchObject({
      name: 'DraftNotFoundError',
    });
  });

  it('ein manipulierter Entwurf erscheint als nicht lesbar und wird nicht gemerkt', async () => {
    const { repository, db, ids } = await seeded(3);
    const body = (await db.draftBodies.get(ids[2]!))!;
    await db.draftBodies.put({ ...body, ciphertext: body.ciphertext.map((b) => b ^ 1) });
    const page = await repository.firstPage({}, 3);
    expect(page.entries.get(ids[2]!)?.summary).toBeUndefined();
    expect(page.entries.get(ids[1]!)?.summary?.familienname).toBe('Name1');
    expect(repository.cachedEntry(ids[2]!)).toBeUndefined();
  });

  it('Zeilen, die im selben Moment angefragt werden, kommen aus einem Lesevorgang', async () => {
    const { repository, db, ids } = await seeded(3);
    const transaction = vi.spyOn(db, 'transaction');
    const entries = await Promise.all(ids.map((id) => repository.listEntry(id)));
    expect(entries.map((e) => e.summary?.familienname)).toEqual(['Name0', 'Name1', 'Name2']);
    expect(transaction).toHaveBeenCalledTimes(1);
  });

  it('nichts Entschlüsseltes landet in localStorage oder IndexedDB', async () => {
    const { repository, db } = await seeded(3);
    localStorage.clear();
    const before = JSON.stringify(await db.drafts.toArray());
    await repository.firstPage({}, 3);
    expect(localStorage.length).toBe(0);
    expect(JSON.stringify(await db.drafts.toArray())).toBe(before);
    expect(await db.meta.count()).toBe(0);
  });
});

describe('Sperren verwirft die entschlüsselten Listeneinträge', () => {
  async function unlockedSession() {
    const clock = testClock();
    const session = createDraftSession({
      fetchKeys: () => Promise.resolve(testKeys),
      openDatabase: () =>
        openDatabase({
          name: `lock-${crypto.randomUUID()}`,
          indexedDB: new IDBFactory(),
          IDBKeyRange,
        }),
      now: clock.now,
      codeLists,
      retentionDays: () => 30,
    });
    await session.unlock();
    const state = session.store.getState();
    if (state.phase !== 'unlocked') throw new Error(`not unlocked: ${state.phase}`);
    return { session, repository: state.repository };
  }

  it('nach lock() ist der Sitzungsspeicher leer und nichts lässt sich mehr entschlüsseln', async () => {
    const { session, repository } = await unlockedSession();
    const draft = await repository.create('erstmeldung', person('Melnyk', 'Anna', '00.00.1970'));
    const page = await repository.firstPage({}, 10);
    expect(repository.cachedEntry(draft.id)?.summary?.familienname).toBe('Melnyk');
    expect(page.ids).toEqual([draft.id]);
    await session.lock();
    expect(session.store.getState().phase).toBe('locked');
    expect(repository.cachedEntry(draft.id)).toBeUndefined();
    // A list still holding the old repository gets no plaintext: the key is gone, too.
    const after = await repository.firstPage({}, 10);
    expect(after.entries.get(draft.id)?.summary).toBeUndefined();
    expect(repository.cachedEntry(draft.id)).toBeUndefined();
  });

  it('eine Entschlüsselung, die beim Sperren noch läuft, füllt den Speicher nicht wieder', async () => {
    const { repository } = await unlockedSession();
    const draft = await repository.create('erstmeldung', person('Melnyk', 'Anna', '00.00.1970'));
    const pending = repository.firstPage({}, 10);
    repository.forget();
    await pending;
    expect(repository.cachedEntry(draft.id)).toBeUndefined();
  });
});

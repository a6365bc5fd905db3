import { Dexie } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { NOTICE_CURSOR_KEY } from './repository';
import { testClock } from '../drafts/test-support';
import { aenderung, setupNotices, zusammenfuehrung } from './test-support';

const ALT = '240301000005';
const NEU = '240301000006';

const verarbeitet = { am: '2026-11-23T10:00:00.000Z', entwuerfe: ['draft-0001'], vorpruefungen: 0 };

describe('Mitteilungen speichern', () => {
  it('speichert eine doppelt gelieferte Mitteilung nur einmal', async () => {
    const { notices } = await setupNotices();
    const a = zusammenfuehrung('1', ALT, NEU);
    const b = aenderung('2', NEU);
    expect(await notices.storePage([a, b, a], '2')).toBe(2);
    expect(await notices.storePage([b, aenderung('3', ALT)], undefined)).toBe(1);
    const { notices: all } = await notices.list();
    expect(all.map((n) => n.id)).toEqual(['3', '2', '1']);
    expect(all.map((n) => n.seq)).toEqual([3, 2, 1]);
  });

  it('eine erneut gelieferte Mitteilung lässt Lesestatus und Verarbeitung unverändert', async () => {
    const { notices } = await setupNotices();
    const a = zusammenfuehrung('1', ALT, NEU);
    await notices.storePage([a], undefined);
    await notices.markProcessed('1', verarbeitet);
    await notices.setStatus('1', 'erledigt');
    expect(await notices.storePage([a], undefined)).toBe(0);
    const stored = await notices.get('1');
    expect(stored.status).toBe('erledigt');
    expect(stored.verarbeitung).toEqual(verarbeitet);
    expect(await notices.pending()).toEqual([]);
  });

  it('speichert den Cursor mit den Mitteilungen der Seite; ohne neuen Cursor bleibt der alte', async () => {
    const { notices } = await setupNotices();
    expect(await notices.cursor()).toBeUndefined();
    await notices.storePage([zusammenfuehrung('1', ALT, NEU)], '1');
    expect(await notices.cursor()).toBe('1');
    // The register's last page has no cursor: the next poll asks from the same place again.
    await notices.storePage([aenderung('2', NEU)], undefined);
    expect(await notices.cursor()).toBe('1');
  });

  it('scheitert das Schreiben des Cursors, ist auch keine Mitteilung der Seite gespeichert', async () => {
    const { notices, db } = await setupNotices();
    await notices.storePage([zusammenfuehrung('1', ALT, NEU)], '1');
    const put = vi.spyOn(db.meta, 'put').mockRejectedValueOnce(new Error('Absturz'));
    await expect(
      notices.storePage([aenderung('2', NEU), aenderung('3', NEU)], '3'),
    ).rejects.toThrow('Absturz');
    put.mockRestore();
    expect(await notices.cursor()).toBe('1');
    expect((await notices.list()).notices.map((n) => n.id)).toEqual(['1']);
  });

  it('scheitert eine Mitteilung der Seite, rückt der Cursor nicht vor', async () => {
    const { notices, db } = await setupNotices();
    const add = db.notices.add.bind(db.notices);
    let calls = 0;
    const spy = vi.spyOn(db.notices, 'add').mockImplementation((row) => {
      // Dexie's own rejection type, so the transaction aborts as it would on a real failure.
      if (++calls === 2) return Dexie.Promise.reject(new Error('Absturz'));
      return add(row);
    });
    await expect(
      notices.storePage([aenderung('1', NEU), aenderung('2', NEU)], '2'),
    ).rejects.toThrow('Absturz');
    spy.mockRestore();
    expect(await notices.cursor()).toBeUndefined();
    expect((await notices.list()).notices).toEqual([]);
    // The same page again (the next poll) stores both.
    expect(await notices.storePage([aenderung('1', NEU), aenderung('2', NEU)], '2')).toBe(2);
    expect(await db.meta.get(NOTICE_CURSOR_KEY)).toEqual({ key: NOTICE_CURSOR_KEY, value: '2' });
  });

  it('legt AZR-Nummern und Empfehlung nur verschlüsselt ab', async () => {
    const { notices, db } = await setupNotices();
    await notices.storePage([zusammenfuehrung('1', ALT, NEU)], undefined);
    await notices.markProcessed('1', verarbeitet);
    const row = await db.notices.get('1');
    const stored = JSON.stringify(row, (_key, value: unknown) =>
      value instanceof Uint8Array ? new TextDecoder('latin1').decode(value) : value,
    );
    for (const clear of [ALT, NEU, 'zusammengeführt', 'ZUSAMMENFUEHRUNG', 'draft-0001'])
      expect(stored).not.toContain(clear);
    expect(Object.keys(row ?? {}).sort()).toEqual(
      [
        'ciphertext',
        'id',
        'iv',
        'receivedAt',
        'schemaVersion',
        'seq',
        'status',
        'verarbeitetAm',
      ].sort(),
    );
  });

  it('eine verschobene oder veränderte Mitteilung wird nicht angezeigt, sondern gezählt', async () => {
    const { notices, db } = await setupNotices();
    await notices.storePage(
      [zusammenfuehrung('1', ALT, NEU), aenderung('2', NEU), aenderung('3', ALT)],
      undefined,
    );
    const one = await db.notices.get('1');
    const three = await db.notices.get('3');
    if (!one || !three) throw new Error('not stored');
    // Notice 1's ciphertext under id 2 (moved), and a flipped byte in notice 3.
    await db.notices.put({ ...one, id: '2', seq: 2 });
    const flipped = new Uint8Array(three.ciphertext!);
    flipped[0] = flipped[0]! ^ 1;
    await db.notices.put({ ...three, ciphertext: flipped });
    const { notices: shown, unreadable } = await notices.list();
    expect(shown.map((n) => n.id)).toEqual(['1']);
    expect(unreadable).toBe(2);
    expect((await notices.pending()).map((n) => n.id)).toEqual(['1']);
  });

  it('setzt die Verarbeitung genau einmal und zählt Ungelesene', async () => {
    const { notices } = await setupNotices();
    await notices.storePage([zusammenfuehrung('1', ALT, NEU), aenderung('2', NEU)], undefined);
    expect(await notices.countUnread()).toBe(2);
    expect(await notices.markProcessed('1', verarbeitet)).toBe(true);
    expect(await notices.markProcessed('1', { ...verarbeitet, entwuerfe: [] })).toBe(false);
    expect((await notices.get('1')).verarbeitung).toEqual(verarbeitet);
    expect((await notices.pending()).map((n) => n.id)).toEqual(['2']);
    await notices.setStatus('2', 'erledigt');
    expect(await notices.countUnread()).toBe(1);
  });

  it('meldet jede Änderung an die Beobachter', async () => {
    const { notices } = await setupNotices();
    const listener = vi.fn();
    notices.subscribe(listener);
    await notices.storePage([aenderung('1', NEU)], undefined);
    await notices.storePage([aenderung('1', NEU)], undefined);
    expect(listener).toHaveBeenCalledTimes(1);
    await notices.setStatus('1', 'erledigt');
    await notices.markProcessed('1', { ...verarbeitet, entwuerfe: [] });
    expect(listener).toHaveBeenCalledTimes(3);
  });
});

describe('Aufbewahrung der Mitteilungen', () => {
  it('löscht den Inhalt erledigter, verarbeiteter Mitteilungen nach der Frist; Neues bleibt', async () => {
    const clock = testClock();
    const { notices, db } = await setupNotices(clock);
    await notices.storePage([zusammenfuehrung('1', ALT, NEU), aenderung('2', NEU)], undefined);
    await notices.storePage([aenderung('3', ALT), aenderung('4', NEU)], undefined);
    for (const id of ['1', '2', '4']) await notices.markProcessed(id, verarbeitet);
    // 1: processed and read (erledigt); 2, 4: processed, still unread; 3: read, not processed;
    // 5 (below): processed and read, but received after the cutoff.
    await notices.setStatus('1', 'erledigt');
    await notices.setStatus('3', 'erledigt');
    const cutoff = new Date(clock.now().getTime() + 1);
    clock.advanceDays(2);
    await notices.storePage([aenderung('5', NEU)], undefined);
    await notices.markProcessed('5', verarbeitet);
    await notices.setStatus('5', 'erledigt');

    expect(await notices.purgeDone(cutoff)).toBe(1);
    const { notices: shown, unreadable } = await notices.list();
    expect(shown.map((n) => n.id)).toEqual(['5', '4', '3', '2']);
    expect(unreadable).toBe(0);
    const raw = await db.notices.get('1');
    expect(raw).toMatchObject({ id: '1', status: 'erledigt', geloeschtAm: clock.now().getTime() });
    expect(raw?.ciphertext).toBeUndefined();
    expect(raw?.iv).toBeUndefined();
    // Once is enough.
    expect(await notices.purgeDone(cutoff)).toBe(0);
  });

  it('eine gelöschte Mitteilung kommt bei erneuter Lieferung nicht als neu zurück', async () => {
    const clock = testClock();
    const { notices } = await setupNotices(clock);
    const a = zusammenfuehrung('1', ALT, NEU);
    await notices.storePage([a], undefined);
    await notices.markProcessed('1', verarbeitet);
    await notices.setStatus('1', 'erledigt');
    clock.advanceDays(1);
    expect(await notices.purgeDone(clock.now())).toBe(1);
    // The register's last page again, at the next poll.
    expect(await notices.storePage([a, aenderung('2', NEU)], undefined)).toBe(1);
    expect((await notices.pending()).map((n) => n.id)).toEqual(['2']);
    expect(await notices.countUnread()).toBe(1);
  });
});

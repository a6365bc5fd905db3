import { describe, expect, it } from 'vitest';
import { erstmeldung, folgemeldung, setupOutbox } from './test-support';

const flip = (bytes: Uint8Array, index: number) => {
  const copy = new Uint8Array(bytes);
  copy[index] = (copy[index] ?? 0) ^ 0x01;
  return copy;
};

const latin1 = new TextDecoder('latin1');

describe('Verschlüsselung des Postausgangs', () => {
  it('in IndexedDB stehen weder Namen noch Geschäftszeichen, AZR-Nummern oder Begründungen im Klartext', async () => {
    const { db, repository } = await setupOutbox();
    await repository.enqueue('draft-1', erstmeldung('Schewtschenko', 'ABH-2026/4711'));
    const folge = await repository.enqueue('draft-2', folgemeldung('240301000042', 'Kowalczyk'));
    await repository.markSending(folge.id);
    await repository.settle(folge.id, {
      status: 'bestaetigt',
      antwort: {
        nachrichtentyp: '090098',
        hinweis: [],
        azrNummer: '240301000042',
        personalienAehnlich: ['240301000077'],
      },
    });
    const stored = JSON.stringify(
      (await db.outbox.toArray()).map((row) => ({
        ...row,
        iv: latin1.decode(row.iv),
        ciphertext: latin1.decode(row.ciphertext),
      })),
    );
    for (const secret of [
      'Schewtschenko',
      'Kowalczyk',
      'Oleksandra',
      'Iryna',
      'Kyjiw',
      'ABH-2026',
      '4711',
      '240301000042',
      '240301000007',
      '240301000077',
      'Lichtbild',
      '1990',
    ])
      expect(stored).not.toContain(secret);
    // …and the sealed content does come back.
    const entry = await repository.get(folge.id);
    expect(entry?.meldung.art === 'folgemeldung' && entry.meldung.meldung.azrNummer).toBe(
      '240301000042',
    );
    expect(entry?.anzeige.name).toBe('Kowalczyk, Iryna');
  });

  it('ein gekipptes Bit im Chiffrat ist ein Fehler, keine verfälschte Meldung', async () => {
    const { db, repository } = await setupOutbox();
    const entry = await repository.enqueue('draft-1', erstmeldung('Bondarenko'));
    const row = (await db.outbox.get(entry.id))!;
    await db.outbox.put({ ...row, ciphertext: flip(row.ciphertext, 9) });
    await expect(repository.get(entry.id)).rejects.toMatchObject({ reason: 'TAMPERED' });
    await expect(repository.markSending(entry.id)).rejects.toMatchObject({ reason: 'TAMPERED' });
  });

  it('ein geänderter Idempotenzschlüssel in der Klartextspalte wird erkannt', async () => {
    const { db, repository } = await setupOutbox();
    const entry = await repository.enqueue('draft-1', erstmeldung('Bondarenko'));
    const row = (await db.outbox.get(entry.id))!;
    await db.outbox.put({ ...row, idempotencyKey: crypto.randomUUID() });
    await expect(repository.get(entry.id)).rejects.toMatchObject({ reason: 'TAMPERED' });
  });

  it('ein von Hand auf „bestätigt“ gesetzter Eintrag ohne Antwort des Registers wird erkannt', async () => {
    const { db, repository } = await setupOutbox();
    const entry = await repository.enqueue('draft-1', erstmeldung('Bondarenko'));
    const row = (await db.outbox.get(entry.id))!;
    await db.outbox.put({ ...row, status: 'bestaetigt', handled: true });
    await expect(repository.get(entry.id)).rejects.toMatchObject({ reason: 'TAMPERED' });
  });

  it('ein Chiffrat, das in einen anderen Eintrag verschoben wurde, lässt sich nicht öffnen', async () => {
    const { db, repository } = await setupOutbox();
    const a = await repository.enqueue('draft-1', erstmeldung('Bondarenko'));
    const b = await repository.enqueue('draft-2', erstmeldung('Melnyk'));
    const rowA = (await db.outbox.get(a.id))!;
    const rowB = (await db.outbox.get(b.id))!;
    // Same key as well, so only the additional data (table/id) can tell them apart.
    await db.outbox.put({
      ...rowB,
      idempotencyKey: rowA.idempotencyKey,
      iv: rowA.iv,
      ciphertext: rowA.ciphertext,
    });
    await expect(repository.get(b.id)).rejects.toMatchObject({ reason: 'TAMPERED' });
  });

  it('ohne Schlüssel (gesperrt) lässt sich nichts lesen oder senden', async () => {
    const { cipher, repository } = await setupOutbox();
    const entry = await repository.enqueue('draft-1', erstmeldung('Bondarenko'));
    cipher.destroy();
    await expect(repository.get(entry.id)).rejects.toMatchObject({ reason: 'LOCKED' });
  });
});

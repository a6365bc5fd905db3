import { describe, expect, it } from 'vitest';
import { DRAFT_SCHEMA_VERSION } from '../../../shared/domain/draft';
import { createDraftCipher, DraftCryptoError } from './crypto';
import { person, setupRepository, testKeys } from './test-support';

const flip = (bytes: Uint8Array, index: number) => {
  const copy = new Uint8Array(bytes);
  copy[index] = (copy[index] ?? 0) ^ 0x01;
  return copy;
};

describe('Verschlüsselung der Entwürfe', () => {
  it('ein Entwurf kommt nach dem Speichern unverändert zurück', async () => {
    const { repository } = await setupRepository();
    const draft = await repository.create(
      'erstmeldung',
      person('Ковальчук', 'Olena', '00.07.1990'),
    );
    expect((await repository.get(draft.id)).content.grundpersonalien.familienname).toBe(
      'Ковальчук',
    );
  });

  it('in IndexedDB stehen keine Namen, Geburtsdaten oder Geschäftszeichen im Klartext', async () => {
    const { repository, db } = await setupRepository();
    await repository.create('erstmeldung', person('Schewtschenko', 'Taras', '09.03.1814'));
    const rows = JSON.stringify({
      drafts: await db.drafts.toArray(),
      bodies: (await db.draftBodies.toArray()).map((b) => ({
        ...b,
        ciphertext: new TextDecoder('latin1').decode(b.ciphertext),
      })),
    });
    for (const secret of [
      'Schewtschenko',
      'SCHEWTSCHENKO',
      'Taras',
      'TARAS',
      '09.03.1814',
      '1814',
      'ABH-2026',
    ])
      expect(rows).not.toContain(secret);
  });

  it('ein gekipptes Bit im Chiffrat ist ein Fehler, kein verfälschter Entwurf', async () => {
    const { repository, db } = await setupRepository();
    const draft = await repository.create(
      'erstmeldung',
      person('Bondarenko', 'Iryna', '01.02.1985'),
    );
    const body = (await db.draftBodies.get(draft.id))!;
    await db.draftBodies.put({ ...body, ciphertext: flip(body.ciphertext, 5) });
    await expect(repository.get(draft.id)).rejects.toMatchObject({
      name: 'DraftCryptoError',
      reason: 'TAMPERED',
    });
  });

  it('ein gekipptes Bit im IV oder im Authentifizierungs-Tag ist ebenfalls ein Fehler', async () => {
    const { repository, db } = await setupRepository();
    const draft = await repository.create(
      'erstmeldung',
      person('Bondarenko', 'Iryna', '01.02.1985'),
    );
    const body = (await db.draftBodies.get(draft.id))!;
    await db.draftBodies.put({ ...body, iv: flip(body.iv, 0) });
    await expect(repository.get(draft.id)).rejects.toBeInstanceOf(DraftCryptoError);
    await db.draftBodies.put({
      ...body,
      ciphertext: flip(body.ciphertext, body.ciphertext.length - 1),
    });
    await expect(repository.get(draft.id)).rejects.toBeInstanceOf(DraftCryptoError);
  });

  it('ein Chiffrat, das in einen anderen Entwurf kopiert wird, lässt sich dort nicht öffnen', async () => {
    const { repository, db } = await setupRepository();
    const a = await repository.create('erstmeldung', person('Melnyk', 'Anna', '00.00.1970'));
    const b = await repository.create('erstmeldung', person('Tkachenko', 'Ivan', '00.00.1971'));
    const bodyA = (await db.draftBodies.get(a.id))!;
    await db.draftBodies.put({ ...bodyA, id: b.id });
    await expect(repository.get(b.id)).rejects.toMatchObject({ reason: 'TAMPERED' });
  });

  it('eine herabgesetzte Schema-Version wird erkannt (Versionsnummer ist Teil der Authentifizierung)', async () => {
    const { repository, db } = await setupRepository();
    const draft = await repository.create('erstmeldung', person('Melnyk', 'Anna', '00.00.1970'));
    const body = (await db.draftBodies.get(draft.id))!;
    await db.draftBodies.put({ ...body, schemaVersion: 1 });
    await expect(repository.get(draft.id)).rejects.toMatchObject({ reason: 'TAMPERED' });
  });

  it('jede Speicherung nutzt einen neuen Initialisierungsvektor', async () => {
    const { repository, db } = await setupRepository();
    const draft = await repository.create('erstmeldung', person('Melnyk', 'Anna', '00.00.1970'));
    const ivs = new Set<string>();
    for (let i = 0; i < 5; i++) {
      await repository.save(draft.id, draft.content);
      ivs.add((await db.draftBodies.get(draft.id))!.iv.join(','));
    }
    expect(ivs.size).toBe(5);
  });

  it('mit einem anderen Schlüssel lässt sich nichts öffnen', async () => {
    const { repository, db } = await setupRepository();
    const draft = await repository.create('erstmeldung', person('Melnyk', 'Anna', '00.00.1970'));
    const other = await createDraftCipher({
      dataKey: testKeys.indexKey,
      indexKey: testKeys.dataKey,
    });
    const body = (await db.draftBodies.get(draft.id))!;
    await expect(
      other.open({ table: 'drafts', id: draft.id, schemaVersion: DRAFT_SCHEMA_VERSION }, body),
    ).rejects.toMatchObject({ reason: 'TAMPERED' });
  });

  it('nach dem Sperren sind die Schlüssel weg: Lesen und Schreiben scheitern mit LOCKED', async () => {
    const { repository, cipher } = await setupRepository();
    const draft = await repository.create('erstmeldung', person('Melnyk', 'Anna', '00.00.1970'));
    cipher.destroy();
    await expect(repository.get(draft.id)).rejects.toMatchObject({ reason: 'LOCKED' });
    await expect(repository.save(draft.id, draft.content)).rejects.toMatchObject({
      reason: 'LOCKED',
    });
  });

  it('eine manipulierte Indexzeile wird abgewiesen', async () => {
    const { repository, db } = await setupRepository();
    const draft = await repository.create('erstmeldung', person('Melnyk', 'Anna', '00.00.1970'));
    await db.drafts.put({
      ...(await db.drafts.get(draft.id))!,
      kind: 'unbekannt' as 'erstmeldung',
    });
    await expect(repository.get(draft.id)).rejects.toMatchObject({ reason: 'TAMPERED' });
  });
});

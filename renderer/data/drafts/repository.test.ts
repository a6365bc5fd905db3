import { describe, expect, it } from 'vitest';
import { DRAFT_SCHEMA_VERSION } from '../../../shared/domain/draft';
import { person, setupRepository, testClock } from './test-support';

describe('Entwürfe: Ablage, Liste und Aufräumen', () => {
  it('speichert auch unvollständige Eingaben und setzt den Status', async () => {
    const { repository } = await setupRepository();
    const draft = await repository.create('erstmeldung');
    expect(draft.status).toBe('offen');
    const { status } = await repository.save(draft.id, person('Kowalenko', 'Oksana', '12.05.1988'));
    expect(status).toBe('bereit');
    expect((await repository.list())[0]?.status).toBe('bereit');
  });

  it('findet Entwürfe über den Namen, auch über den Anfang und mit Umlauten', async () => {
    const { repository } = await setupRepository();
    const mueller = await repository.create(
      'erstmeldung',
      person('Müller', 'Jürgen', '00.00.1960'),
    );
    await repository.create('erstmeldung', person('Schmidt', 'Anna', '00.00.1970'));
    expect((await repository.list({ name: 'müller' })).map((r) => r.id)).toEqual([mueller.id]);
    expect((await repository.list({ name: 'Muell' })).map((r) => r.id)).toEqual([mueller.id]);
    expect((await repository.list({ name: 'Jürgen Müller' })).map((r) => r.id)).toEqual([
      mueller.id,
    ]);
    expect(await repository.list({ name: 'Meier' })).toEqual([]);
  });

  it('findet Entwürfe über das Geschäftszeichen', async () => {
    const { repository } = await setupRepository();
    const a = await repository.create(
      'erstmeldung',
      person('A', 'B', '00.00.1960', (c) => (c.geschaeftszeichen = 'ABH-1/2026')),
    );
    await repository.create(
      'erstmeldung',
      person('C', 'D', '00.00.1960', (c) => (c.geschaeftszeichen = 'XY-9')),
    );
    expect((await repository.list({ geschaeftszeichen: 'abh-1/2026' })).map((r) => r.id)).toEqual([
      a.id,
    ]);
    expect((await repository.list({ geschaeftszeichen: 'ABH' })).map((r) => r.id)).toEqual([a.id]);
  });

  it('filtert nach Art, Status und Alter und sortiert nach letzter Änderung', async () => {
    const clock = testClock();
    const { repository } = await setupRepository(clock);
    const old = await repository.create('folgemeldung');
    clock.advanceDays(10);
    const recent = await repository.create(
      'erstmeldung',
      person('Kowalenko', 'Oksana', '12.05.1988'),
    );
    expect((await repository.list()).map((r) => r.id)).toEqual([recent.id, old.id]);
    expect((await repository.list({ descending: false })).map((r) => r.id)).toEqual([
      old.id,
      recent.id,
    ]);
    expect((await repository.list({ kind: 'folgemeldung' })).map((r) => r.id)).toEqual([old.id]);
    expect((await repository.list({ status: 'bereit' })).map((r) => r.id)).toEqual([recent.id]);
    expect((await repository.list({ olderThanDays: 7 })).map((r) => r.id)).toEqual([old.id]);
  });

  it('Duplizieren legt einen neuen Entwurf mit gleichem Inhalt an, Verwerfen löscht den Datensatz', async () => {
    const { repository, db } = await setupRepository();
    const draft = await repository.create(
      'erstmeldung',
      person('Kowalenko', 'Oksana', '12.05.1988'),
    );
    const copy = await repository.duplicate(draft.id);
    expect(copy.id).not.toBe(draft.id);
    expect(copy.content).toEqual(draft.content);
    await repository.discard(draft.id);
    expect(await db.drafts.get(draft.id)).toBeUndefined();
    expect(await db.draftBodies.get(draft.id)).toBeUndefined();
    expect(await repository.count()).toBe(1);
  });

  it('löscht Entwürfe nach Ablauf der Aufbewahrungsfrist und behält jüngere', async () => {
    const clock = testClock();
    const { repository } = await setupRepository(clock);
    const old = await repository.create('erstmeldung', person('Alt', 'A', '00.00.1950'));
    clock.advanceDays(25);
    const young = await repository.create('erstmeldung', person('Jung', 'J', '00.00.1990'));
    clock.advanceDays(5);
    expect(await repository.purgeExpired(30)).toBe(1);
    expect((await repository.list()).map((r) => r.id)).toEqual([young.id]);
    expect(repository.expiresAt((await repository.list())[0]!, 30)).toEqual(
      new Date(young.updatedAt.getTime() + 30 * 864e5),
    );
    expect(old.id).not.toBe(young.id);
  });

  it('weist auf einen anderen Entwurf derselben Person hin, nicht auf andere Personen', async () => {
    const { repository } = await setupRepository();
    const a = await repository.create(
      'erstmeldung',
      person('Shevchenko', 'Oleksandr', '14.02.1990'),
    );
    const b = await repository.create(
      'erstmeldung',
      person('Schewtschenko', 'Oleksandr', '14.02.1990'),
    );
    await repository.create('erstmeldung', person('Nowak', 'Piotr', '01.06.1975'));
    const hints = await repository.duplicateHints(a.id, a.content);
    expect(hints.map((h) => h.id)).toEqual([b.id]);
    expect(hints[0]?.summary.familienname).toBe('Schewtschenko');
  });

  it('ein Entwurf der Schema-Version 1 wird beim Öffnen migriert und neu verschlüsselt abgelegt', async () => {
    const { repository, db, cipher } = await setupRepository();
    const draft = await repository.create(
      'erstmeldung',
      person('Kowalenko', 'Oksana', '12.05.1988'),
    );
    const v1: Partial<typeof draft.content> = { ...draft.content };
    delete v1.codelisten;
    const sealed = await cipher.seal({ table: 'drafts', id: draft.id, schemaVersion: 1 }, v1);
    await db.draftBodies.put({ id: draft.id, schemaVersion: 1, ...sealed });
    const migrated = await repository.get(draft.id);
    expect(migrated.content.codelisten).toEqual({
      staatsangehoerigkeit: '2021-02-19',
      geschlecht: '1',
    });
    expect((await db.draftBodies.get(draft.id))?.schemaVersion).toBe(DRAFT_SCHEMA_VERSION);
    expect((await repository.get(draft.id)).content).toEqual(migrated.content);
  });
});

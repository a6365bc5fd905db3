import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { openDatabase } from '../db/database';
import { migrate } from '../db/migrations';
import { createRepository } from '../db/repository';
import { TrainingRegister } from './register';

describe('Protokoll des Registers (§ 16 AZRG-DV)', () => {
  let db: Database;
  // PGlite's start-up competes with the other suites' registers when Vitest runs files in parallel.
  beforeAll(async () => {
    db = await openDatabase();
    await migrate(db);
  }, 60_000);
  afterAll(() => db.close());

  it('löscht Einträge, die älter als sechs Monate sind, und behält jüngere', async () => {
    const repository = createRepository(db);
    const entry = (zeit: string, ergebnis: string) =>
      repository.protokolliere({
        zeit: new Date(zeit),
        behoerde: '100001',
        operation: '090001',
        azrNummern: [],
        ergebnis,
      });
    await entry('2026-01-10T10:00:00Z', 'alt');
    await entry('2026-06-01T10:00:00Z', 'jung');
    const register = new TrainingRegister({
      sql: db,
      now: () => new Date('2026-07-20T00:00:00Z'),
      random: () => 0.5,
    });
    expect(await register.protokollBereinigen()).toBe(1);
    expect((await repository.protokoll()).map((row) => row.ergebnis)).toEqual(['jung']);
  });

  it('migriert eine bestehende Datenbank nicht doppelt', async () => {
    expect(await migrate(db)).toEqual([]);
  });
});

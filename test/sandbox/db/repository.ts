import type { Sql } from './database';
import type { PersonRecord } from '../register/persons';
import type { CandidateLookup } from './candidates';
import { candidateStatement, storedBirthYear } from './candidates';

// The training register's data-access layer: every SQL statement lives here (the similar-person
// search's in candidates.ts), written once for both PGlite and PostgreSQL.

export interface Behoerde {
  readonly kennzeichen: string;
  readonly name: string;
  readonly zertifikatOrganisation: string;
  readonly abrufzwecke: readonly string[];
  readonly direkteingabe: boolean;
}

interface PersonRow {
  azr_nummer: string;
  grundpersonalien: PersonRecord['grundpersonalien'];
  grundpersonalien_referenz: string;
  weitere_personalien: PersonRecord['weiterePersonalien'];
  weitere_personalien_referenz: string;
  anschrift: PersonRecord['anschrift'];
  anschrift_referenz: string | null;
  aufenthaltsstatus: PersonRecord['aufenthaltsstatus'];
  aufenthaltsstatus_referenz: string | null;
  aktenfuehrende_behoerde: string | null;
  uebermittlungssperre: 'normal' | 'gross' | null;
  verarbeitung_eingeschraenkt: boolean;
  nicht_identisch_mit: string[];
  lichtbild: boolean;
  zusammengefuehrt_in: string | null;
}

const toRecord = (row: PersonRow): PersonRecord => ({
  azrNummer: row.azr_nummer,
  grundpersonalien: row.grundpersonalien,
  grundpersonalienReferenz: row.grundpersonalien_referenz,
  weiterePersonalien: row.weitere_personalien,
  weiterePersonalienReferenz: row.weitere_personalien_referenz,
  anschrift: row.anschrift,
  anschriftReferenz: row.anschrift_referenz,
  aufenthaltsstatus: row.aufenthaltsstatus,
  aufenthaltsstatusReferenz: row.aufenthaltsstatus_referenz,
  aktenfuehrendeBehoerde: row.aktenfuehrende_behoerde,
  uebermittlungssperre: row.uebermittlungssperre,
  verarbeitungEingeschraenkt: row.verarbeitung_eingeschraenkt,
  nichtIdentischMit: row.nicht_identisch_mit,
  lichtbild: row.lichtbild,
  zusammengefuehrtIn: row.zusammengefuehrt_in,
});

const json = (value: unknown) => (value === null ? null : JSON.stringify(value));

/**
 * Keys held by at least this many persons are counted in `schluessel_statistik` (so a lookup's
 * `frequentAbove` below it would treat every uncounted key as rare).
 */
export const KEY_STATISTICS_FROM = 250;

/** The key index's indexes and constraints, dropped around a bulk load into an empty register. */
const KEY_INDEX_DDL = {
  drop: `alter table person_schluessel drop constraint person_schluessel_azr_nummer_fkey;
    alter table person_schluessel drop constraint person_schluessel_pkey;
    drop index person_schluessel_person;
    alter table person_schluesselmenge drop constraint person_schluesselmenge_azr_nummer_fkey;
    alter table person_schluesselmenge drop constraint person_schluesselmenge_pkey;
    drop index person_schluesselmenge_schluessel`,
  create: `alter table person_schluessel
      add constraint person_schluessel_pkey primary key (schluessel, jahr, azr_nummer);
    create index person_schluessel_person on person_schluessel (azr_nummer);
    alter table person_schluessel add constraint person_schluessel_azr_nummer_fkey
      foreign key (azr_nummer) references person (azr_nummer) on delete cascade;
    alter table person_schluesselmenge
      add constraint person_schluesselmenge_pkey primary key (azr_nummer);
    create index person_schluesselmenge_schluessel
      on person_schluesselmenge using gin (schluessel);
    alter table person_schluesselmenge add constraint person_schluesselmenge_azr_nummer_fkey
      foreign key (azr_nummer) references person (azr_nummer) on delete cascade`,
};

export function createRepository(sql: Sql) {
  return {
    async behoerdeByOrganisation(organisation: string): Promise<Behoerde | undefined> {
      const [row] = await sql.query<{
        kennzeichen: string;
        name: string;
        zertifikat_organisation: string;
        abrufzwecke: string[];
        direkteingabe: boolean;
      }>('select * from behoerde where zertifikat_organisation = $1', [organisation]);
      return row
        ? {
            kennzeichen: row.kennzeichen,
            name: row.name,
            zertifikatOrganisation: row.zertifikat_organisation,
            abrufzwecke: row.abrufzwecke,
            direkteingabe: row.direkteingabe,
          }
        : undefined;
    },

    async upsertBehoerde(behoerde: Behoerde): Promise<void> {
      await sql.query(
        `insert into behoerde (kennzeichen, name, zertifikat_organisation, abrufzwecke, direkteingabe)
         values ($1, $2, $3, $4, $5)
         on conflict (kennzeichen) do update set name = excluded.name,
           zertifikat_organisation = excluded.zertifikat_organisation,
           abrufzwecke = excluded.abrufzwecke, direkteingabe = excluded.direkteingabe`,
        [
          behoerde.kennzeichen,
          behoerde.name,
          behoerde.zertifikatOrganisation,
          [...behoerde.abrufzwecke],
          behoerde.direkteingabe,
        ],
      );
    },

    async person(azrNummer: string): Promise<PersonRecord | undefined> {
      const [row] = await sql.query<PersonRow>('select * from person where azr_nummer = $1', [
        azrNummer,
      ]);
      return row ? toRecord(row) : undefined;
    },

    async persons(azrNummern: readonly string[]): Promise<PersonRecord[]> {
      if (azrNummern.length === 0) return [];
      const rows = await sql.query<PersonRow>('select * from person where azr_nummer = any($1)', [
        [...azrNummern],
      ]);
      return rows.map(toRecord);
    },

    async nextLaufnummer(): Promise<number> {
      const [row] = await sql.query<{ n: string }>("select nextval('azr_laufnummer') as n");
      return Number(row?.n);
    },

    async savePerson(record: PersonRecord, keys: readonly string[], angelegtAm: Date) {
      await sql.query(
        `insert into person (azr_nummer, grundpersonalien, grundpersonalien_referenz, weitere_personalien,
           weitere_personalien_referenz, anschrift, anschrift_referenz, aufenthaltsstatus,
           aufenthaltsstatus_referenz, aktenfuehrende_behoerde, uebermittlungssperre,
           verarbeitung_eingeschraenkt, nicht_identisch_mit, lichtbild, zusammengefuehrt_in, angelegt_am)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
         on conflict (azr_nummer) do update set
           grundpersonalien = excluded.grundpersonalien,
           grundpersonalien_referenz = excluded.grundpersonalien_referenz,
           weitere_personalien = excluded.weitere_personalien,
           weitere_personalien_referenz = excluded.weitere_personalien_referenz,
           anschrift = excluded.anschrift, anschrift_referenz = excluded.anschrift_referenz,
           aufenthaltsstatus = excluded.aufenthaltsstatus,
           aufenthaltsstatus_referenz = excluded.aufenthaltsstatus_referenz,
           aktenfuehrende_behoerde = excluded.aktenfuehrende_behoerde,
           uebermittlungssperre = excluded.uebermittlungssperre,
           verarbeitung_eingeschraenkt = excluded.verarbeitung_eingeschraenkt,
           nicht_identisch_mit = excluded.nicht_identisch_mit, lichtbild = excluded.lichtbild,
           zusammengefuehrt_in = excluded.zusammengefuehrt_in`,
        [
          record.azrNummer,
          json(record.grundpersonalien),
          record.grundpersonalienReferenz,
          json(record.weiterePersonalien),
          record.weiterePersonalienReferenz,
          json(record.anschrift),
          record.anschriftReferenz,
          json(record.aufenthaltsstatus),
          record.aufenthaltsstatusReferenz,
          record.aktenfuehrendeBehoerde,
          record.uebermittlungssperre,
          record.verarbeitungEingeschraenkt,
          [...record.nichtIdentischMit],
          record.lichtbild,
          record.zusammengefuehrtIn,
          angelegtAm.toISOString(),
        ],
      );
      await sql.query('delete from person_schluessel where azr_nummer = $1', [record.azrNummer]);
      await sql.query('delete from person_schluesselmenge where azr_nummer = $1', [
        record.azrNummer,
      ]);
      if (keys.length > 0 && record.zusammengefuehrtIn === null) {
        await sql.query(
          `with k as (select distinct unnest($1::text[]) as schluessel),
             zeilen as (insert into person_schluessel (schluessel, jahr, azr_nummer)
               select schluessel, $3::smallint, $2 from k on conflict do nothing)
           insert into person_schluesselmenge (azr_nummer, schluessel)
           select $2, array_agg(schluessel) from k`,
          [[...keys], record.azrNummer, storedBirthYear(keys)],
        );
      }
    },

    /** Many new persons at once (seeding): one statement for the rows, one for their keys. */
    async insertPersons(
      entries: readonly { record: PersonRecord; keys: readonly string[] }[],
      angelegtAm: Date,
    ) {
      if (entries.length === 0) return;
      const column = <T>(pick: (record: PersonRecord) => T) => entries.map((e) => pick(e.record));
      await sql.query(
        `insert into person (azr_nummer, grundpersonalien, grundpersonalien_referenz, weitere_personalien,
           weitere_personalien_referenz, anschrift, anschrift_referenz, aufenthaltsstatus,
           aufenthaltsstatus_referenz, aktenfuehrende_behoerde, uebermittlungssperre,
           verarbeitung_eingeschraenkt, lichtbild, angelegt_am)
         select a, b::jsonb, c, d::jsonb, e, f::jsonb, g, h::jsonb, i, j, k, l, m, $14
         from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                     $8::text[], $9::text[], $10::text[], $11::text[], $12::boolean[], $13::boolean[])
           as t(a, b, c, d, e, f, g, h, i, j, k, l, m)`,
        [
          column((r) => r.azrNummer),
          column((r) => JSON.stringify(r.grundpersonalien)),
          column((r) => r.grundpersonalienReferenz),
          column((r) => JSON.stringify(r.weiterePersonalien)),
          column((r) => r.weiterePersonalienReferenz),
          column((r) => json(r.anschrift)),
          column((r) => r.anschriftReferenz),
          column((r) => json(r.aufenthaltsstatus)),
          column((r) => r.aufenthaltsstatusReferenz),
          column((r) => r.aktenfuehrendeBehoerde),
          column((r) => r.uebermittlungssperre),
          column((r) => r.verarbeitungEingeschraenkt),
          column((r) => r.lichtbild),
          angelegtAm.toISOString(),
        ],
      );
      const keys: string[] = [];
      const years: number[] = [];
      const owners: string[] = [];
      for (const entry of entries) {
        const year = storedBirthYear(entry.keys);
        for (const key of new Set(entry.keys)) {
          keys.push(key);
          years.push(year);
          owners.push(entry.record.azrNummer);
        }
      }
      await sql.query(
        `with t as (select * from unnest($1::text[], $2::smallint[], $3::text[]) as t(k, j, a)),
           zeilen as (insert into person_schluessel (schluessel, jahr, azr_nummer)
             select k, j, a from t)
         insert into person_schluesselmenge (azr_nummer, schluessel)
         select a, array_agg(k) from t group by a`,
        [keys, years, owners],
      );
    },

    /**
     * Runs a bulk load into empty key tables without their indexes and foreign keys, which are
     * built once afterwards: maintaining them row by row is most of the cost of seeding a million
     * persons (23 key rows each). Call inside a transaction, so that a failed load leaves them.
     */
    async withoutKeyIndexes<T>(load: () => Promise<T>): Promise<T> {
      await sql.exec(KEY_INDEX_DDL.drop);
      const result = await load();
      await sql.exec(KEY_INDEX_DDL.create);
      return result;
    },

    /** Recounts the frequent keys (the search's cost model) after many persons were added. */
    async refreshKeyStatistics(): Promise<void> {
      await sql.exec('delete from schluessel_statistik');
      await sql.query(
        `insert into schluessel_statistik (schluessel, anzahl)
         select schluessel, count(*) from person_schluessel
         group by schluessel having count(*) >= $1`,
        [KEY_STATISTICS_FROM],
      );
    },

    /**
     * The persons that gather at least `threshold` over the lookup's slots, best first (gain,
     * agreeing keys, number): one statement, prepared, see candidates.ts.
     */
    async candidates(lookup: CandidateLookup): Promise<PersonRecord[]> {
      const statement = candidateStatement(lookup);
      if (statement === undefined) return [];
      const rows = await sql.query<PersonRow>(statement.text, statement.params, statement.name);
      return rows.map(toRecord);
    },

    async idempotentAnswer(behoerde: string, schluessel: string) {
      const [row] = await sql.query<{
        operation: string;
        anfrage_hash: string;
        status: number;
        antwort: unknown;
      }>(
        'select operation, anfrage_hash, status, antwort from idempotenz where behoerde = $1 and schluessel = $2',
        [behoerde, schluessel],
      );
      return row;
    },

    async saveIdempotentAnswer(entry: {
      behoerde: string;
      schluessel: string;
      operation: string;
      anfrageHash: string;
      status: number;
      antwort: unknown;
      zeit: Date;
    }) {
      await sql.query(
        `insert into idempotenz (behoerde, schluessel, operation, anfrage_hash, status, antwort, angelegt_am)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [
          entry.behoerde,
          entry.schluessel,
          entry.operation,
          entry.anfrageHash,
          entry.status,
          JSON.stringify(entry.antwort),
          entry.zeit.toISOString(),
        ],
      );
    },

    /** Serialises requests with the same key until the transaction ends (both backends). */
    async lockKey(key: string) {
      await sql.query('select pg_advisory_xact_lock(hashtext($1))', [key]);
    },

    async protokolliere(entry: {
      zeit: Date;
      behoerde: string;
      sachbearbeiter?: string | undefined;
      operation: string;
      abrufzweck?: string | undefined;
      geschaeftszeichen?: string | undefined;
      azrNummern: readonly string[];
      ergebnis: string;
    }) {
      await sql.query(
        `insert into protokoll (zeit, behoerde, sachbearbeiter, operation, abrufzweck, geschaeftszeichen, azr_nummern, ergebnis)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          entry.zeit.toISOString(),
          entry.behoerde,
          entry.sachbearbeiter ?? null,
          entry.operation,
          entry.abrufzweck ?? null,
          entry.geschaeftszeichen ?? null,
          [...entry.azrNummern],
          entry.ergebnis,
        ],
      );
    },

    async protokoll(limit = 1000) {
      return sql.query<{
        zeit: Date;
        behoerde: string;
        operation: string;
        abrufzweck: string | null;
        geschaeftszeichen: string | null;
        azr_nummern: string[];
        ergebnis: string;
      }>('select * from protokoll order by id desc limit $1', [limit]);
    },

    /** § 16 AZRG-DV: retrieval records are kept six months. */
    async protokollBereinigen(vor: Date): Promise<number> {
      const rows = await sql.query<{ id: string }>(
        'delete from protokoll where zeit < $1 returning id',
        [vor.toISOString()],
      );
      return rows.length;
    },

    async mitteilungAnlegen(empfaenger: string, inhalt: unknown, zeit: Date) {
      await sql.query(
        'insert into mitteilung (empfaenger, inhalt, angelegt_am) values ($1, $2, $3)',
        [empfaenger, JSON.stringify(inhalt), zeit.toISOString()],
      );
    },

    async mitteilungen(empfaenger: string, nach: number, anzahl: number) {
      return sql.query<{ id: string; inhalt: Record<string, unknown>; angelegt_am: Date }>(
        'select id, inhalt, angelegt_am from mitteilung where empfaenger = $1 and id > $2 order by id limit $3',
        [empfaenger, nach, anzahl],
      );
    },

    async personenAnzahl(): Promise<number> {
      const [row] = await sql.query<{ n: string }>(
        'select count(*) as n from person where zusammengefuehrt_in is null',
      );
      return Number(row?.n ?? 0);
    },

    async leeren() {
      await sql.exec(
        'truncate person_schluessel, person_schluesselmenge, schluessel_statistik, idempotenz, mitteilung, protokoll, person restart identity cascade; alter sequence azr_laufnummer restart',
      );
    },
  };
}

export type Repository = ReturnType<typeof createRepository>;

import type { Database } from './database';

/**
 * Versioned, forward-only migrations. Each runs once, in order, in its own transaction; the applied
 * versions are recorded so a restarted register continues where it was.
 */
export const migrations: readonly { readonly version: number; readonly sql: string }[] = [
  {
    version: 1,
    sql: `
      create table behoerde (
        kennzeichen text primary key,
        name text not null,
        -- The client certificate's O identifies the authority (test PKI: "ABH Musterstadt").
        zertifikat_organisation text not null unique,
        abrufzwecke text[] not null,
        direkteingabe boolean not null
      );

      create table person (
        azr_nummer text primary key,
        grundpersonalien jsonb not null,
        grundpersonalien_referenz text not null,
        weitere_personalien jsonb not null,
        weitere_personalien_referenz text not null,
        anschrift jsonb,
        anschrift_referenz text,
        aufenthaltsstatus jsonb,
        aufenthaltsstatus_referenz text,
        aktenfuehrende_behoerde text references behoerde (kennzeichen),
        uebermittlungssperre text check (uebermittlungssperre in ('normal', 'gross')),
        verarbeitung_eingeschraenkt boolean not null default false,
        nicht_identisch_mit text[] not null default '{}',
        lichtbild boolean not null default false,
        -- Set when the record was merged into another: the old number answers with the current one.
        zusammengefuehrt_in text references person (azr_nummer),
        angelegt_am timestamptz not null
      );

      -- Candidate keys of shared/matching, one row per (key, person): the blocking index.
      create table person_schluessel (
        schluessel text not null,
        azr_nummer text not null references person (azr_nummer) on delete cascade,
        primary key (schluessel, azr_nummer)
      );
      create index person_schluessel_person on person_schluessel (azr_nummer);

      -- Idempotency-Key per authority: a repeated key returns the first answer, changes nothing.
      create table idempotenz (
        behoerde text not null,
        schluessel text not null,
        operation text not null,
        anfrage_hash text not null,
        status integer not null,
        antwort jsonb not null,
        angelegt_am timestamptz not null,
        primary key (behoerde, schluessel)
      );

      -- Register-initiated change notices (090030) per receiving authority.
      create table mitteilung (
        id bigserial primary key,
        empfaenger text not null references behoerde (kennzeichen),
        inhalt jsonb not null,
        angelegt_am timestamptz not null
      );
      create index mitteilung_empfaenger on mitteilung (empfaenger, id);

      -- §16 AZRG-DV: who asked what, when, why — no payloads; deleted after six months.
      create table protokoll (
        id bigserial primary key,
        zeit timestamptz not null,
        behoerde text not null,
        sachbearbeiter text,
        operation text not null,
        abrufzweck text,
        geschaeftszeichen text,
        azr_nummern text[] not null default '{}',
        ergebnis text not null
      );
      create index protokoll_zeit on protokoll (zeit);

      create sequence azr_laufnummer;
    `,
  },
  {
    // Similar-person search at a million persons (issue 4). Every key row carries the person's birth
    // year (0 = unknown), leading the index after the key: a key held by very many persons is looked
    // up only within the query's year bucket, and the birth-year slot is answered from the rows
    // found by name instead of scanning its J: keys (tens of thousands of rows per year).
    version: 2,
    sql: `
      -- Keys are compared byte-wise: building and descending the index with the database's
      -- linguistic collation costs several times more, and keys have no linguistic order.
      alter table person_schluessel alter column schluessel type text collate "C";
      alter table person_schluessel add column jahr smallint not null default 0;
      update person_schluessel ps set jahr = j.jahr
        from (select azr_nummer, substr(schluessel, 3)::smallint as jahr
              from person_schluessel where schluessel like 'J:%') j
        where j.azr_nummer = ps.azr_nummer;
      alter table person_schluessel drop constraint person_schluessel_pkey;
      alter table person_schluessel
        add constraint person_schluessel_pkey primary key (schluessel, jahr, azr_nummer);

      -- Every person's keys in one array. A query without a birth year needs candidates sharing
      -- keys with two slots: the GIN index intersects the slots' posting lists, where the key
      -- index would aggregate every row of both (tens of thousands for common names).
      create table person_schluesselmenge (
        azr_nummer text primary key references person (azr_nummer) on delete cascade,
        schluessel text[] collate "C" not null
      );
      insert into person_schluesselmenge (azr_nummer, schluessel)
        select azr_nummer, array_agg(schluessel) from person_schluessel group by azr_nummer;
      create index person_schluesselmenge_schluessel
        on person_schluesselmenge using gin (schluessel);

      -- How many persons hold a key, for the keys held by many (refreshed after seeding): the
      -- search's cost model, so that it stays small and is read with the query.
      create table schluessel_statistik (
        schluessel text collate "C" primary key,
        anzahl integer not null
      );
    `,
  },
];

export async function migrate(db: Database): Promise<number[]> {
  await db.exec(
    'create table if not exists schema_migration (version integer primary key, angewendet_am timestamptz not null default now())',
  );
  const applied = new Set(
    (await db.query<{ version: number }>('select version from schema_migration')).map(
      (row) => row.version,
    ),
  );
  const ran: number[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migration (version) values ($1)', [migration.version]);
    });
    ran.push(migration.version);
  }
  return ran;
}

import { computeMatchKeys } from '../../shared/matching';
import type { Grundpersonalien, WeiterePersonalien } from '../../shared/register-api';
import { generatePopulation } from '../bench/matching/population';
import type { GeneratedPerson } from '../bench/matching/population';
import type { Database, Sql } from './db/database';
import type { Behoerde } from './db/repository';
import { createRepository } from './db/repository';
import type { Random } from './register/ids';
import { newReferenzId } from './register/ids';
import type { PersonRecord } from './register/persons';
import { toMatchPerson } from './register/persons';

/** The authorities of the test PKI (test/pki): the certificate's O names them. */
export const BEHOERDEN: readonly Behoerde[] = [
  {
    kennzeichen: '100001',
    name: 'Ausländerbehörde Musterstadt',
    zertifikatOrganisation: 'ABH Musterstadt',
    abrufzwecke: ['01', '02', '15', '21'],
    direkteingabe: true,
  },
  {
    // Admitted for fewer purposes and not for direct entry: the refusals have someone to refuse.
    kennzeichen: '100002',
    name: 'Ausländerbehörde Beispielkreis',
    zertifikatOrganisation: 'ABH Beispielkreis',
    abrufzwecke: ['01'],
    direkteingabe: false,
  },
];

const grundpersonalien = (
  familienname: string,
  vorname: string,
  tagDerGeburt: Grundpersonalien['geburtsangaben']['tagDerGeburt'],
  staat: string,
  ort: string | undefined,
  geschlecht: Grundpersonalien['geschlecht'],
): Grundpersonalien => ({
  familienname,
  vorname,
  geburtsangaben: {
    geburtsort: ort ? { ort } : { unbekannt: true },
    geburtsortStaat: staat,
    tagDerGeburt,
  },
  ...(geschlecht ? { geschlecht } : {}),
  staatsangehoerigkeit: [staat],
});

/**
 * Fixed persons for the e2e scenarios and for training: each shows one rule of the register. Their
 * AZR-Nummern are stable (created "on" 01.03.2024), so tests and training material can name them.
 */
export const SZENARIO_PERSONEN = {
  /** Ukrainian, stored in the Reisepass transliteration; found when searched as "Grigorij". */
  hryhorii: '240301000001',
  /** With an Übermittlungssperre (public bodies see the flag and the data). */
  sperre: '240301000002',
  /** With a große Sperre: only a notice. */
  sperreGross: '240301000003',
  /** Einschränkung der Verarbeitung (§ 17 AZRG-DV). */
  eingeschraenkt: '240301000004',
  /** Namesakes: two different persons with the same name, linked as nichtIdentischMit. */
  namensvetterA: '240301000005',
  namensvetterB: '240301000006',
} as const;

function szenarioPersonen(random: Random): PersonRecord[] {
  const basis = (
    azrNummer: string,
    gp: Grundpersonalien,
    extra: Partial<PersonRecord> = {},
    weitere: WeiterePersonalien = { weitereNamen: [], ausweispapiere: [] },
  ): PersonRecord => ({
    azrNummer,
    grundpersonalien: gp,
    grundpersonalienReferenz: newReferenzId(random),
    weiterePersonalien: weitere,
    weiterePersonalienReferenz: newReferenzId(random),
    anschrift: { strasse: 'Rathausplatz 1', plz: '12345', ort: 'Musterstadt' },
    anschriftReferenz: newReferenzId(random),
    aufenthaltsstatus: { status: 'Aufenthaltserlaubnis § 24 AufenthG', seit: '2022-04-01' },
    aufenthaltsstatusReferenz: newReferenzId(random),
    aktenfuehrendeBehoerde: '100001',
    uebermittlungssperre: null,
    verarbeitungEingeschraenkt: false,
    nichtIdentischMit: [],
    lichtbild: true,
    zusammengefuehrtIn: null,
    ...extra,
  });
  const p = SZENARIO_PERSONEN;
  return [
    basis(
      p.hryhorii,
      grundpersonalien(
        'Shevchenko',
        'Hryhorii',
        { jahr: 1987, monat: 5, tag: 14 },
        '166',
        'Kharkiv',
        'm',
      ),
      {},
      {
        weitereNamen: [],
        ausweispapiere: [{ art: 'Reisepass', nummer: 'FE123456', ausstellenderStaat: '166' }],
      },
    ),
    basis(
      p.sperre,
      grundpersonalien('Haddad', 'Lina', { jahr: 1992, monat: 11 }, '475', 'Aleppo', 'w'),
      { uebermittlungssperre: 'normal' },
    ),
    basis(
      p.sperreGross,
      grundpersonalien('Karimi', 'Reza', { jahr: 1979 }, '423', undefined, 'm'),
      { uebermittlungssperre: 'gross' },
    ),
    basis(
      p.eingeschraenkt,
      grundpersonalien('Popescu', 'Andrei', { jahr: 1990, monat: 1, tag: 1 }, '254', 'Iași', 'm'),
      { verarbeitungEingeschraenkt: true },
    ),
    basis(
      p.namensvetterA,
      grundpersonalien('Yılmaz', 'Mehmet', { jahr: 1985, monat: 3, tag: 2 }, '163', 'Konya', 'm'),
      { nichtIdentischMit: [p.namensvetterB] },
    ),
    basis(
      p.namensvetterB,
      grundpersonalien('Yılmaz', 'Mehmet', { jahr: 1985, monat: 3, tag: 2 }, '163', 'Kayseri', 'm'),
      { nichtIdentischMit: [p.namensvetterA], aktenfuehrendeBehoerde: '100002' },
    ),
  ];
}

/** A generated person (the matching benchmark's population) as a register record. */
function fromGenerated(person: GeneratedPerson, random: Random): PersonRecord {
  const staat = person.staatsangehoerigkeiten[0] ?? '998';
  return {
    azrNummer: person.azrNummer,
    grundpersonalien: {
      familienname: person.familienname,
      vorname: person.vornamen,
      ...(person.geburtsname ? { geburtsname: person.geburtsname } : {}),
      geburtsangaben: {
        geburtsort: person.geburtsort ? { ort: person.geburtsort } : { unbekannt: true },
        geburtsortStaat: staat === '999' ? '998' : staat,
        tagDerGeburt: person.geburtsdatum,
      },
      ...(person.geschlecht === 'm' || person.geschlecht === 'w'
        ? { geschlecht: person.geschlecht }
        : {}),
      staatsangehoerigkeit: [...person.staatsangehoerigkeiten].slice(0, 4),
    },
    grundpersonalienReferenz: newReferenzId(random),
    weiterePersonalien: {
      weitereNamen: (person.weitereNamen ?? []).map((name) => ({
        personalienArt: name.personalienArt,
        ...(name.familienname ? { familienname: name.familienname } : {}),
        ...(name.vornamen ? { vorname: name.vornamen } : {}),
      })),
      ausweispapiere: (person.dokumentnummern ?? []).map((nummer) => ({
        art: 'Reisepass',
        nummer,
      })),
    },
    weiterePersonalienReferenz: newReferenzId(random),
    anschrift: null,
    anschriftReferenz: null,
    aufenthaltsstatus: null,
    aufenthaltsstatusReferenz: null,
    aktenfuehrendeBehoerde: random() < 0.5 ? '100001' : '100002',
    uebermittlungssperre: random() < 0.01 ? 'normal' : null,
    verarbeitungEingeschraenkt: random() < 0.005,
    nichtIdentischMit: [],
    lichtbild: random() < 0.6,
    zusammengefuehrtIn: null,
  };
}

/** Persons are generated and inserted in batches, so a million fit in memory. */
export const SEED_BATCH = 2000;

/**
 * One batch of the synthetic population, exactly as seeded (benchmarks regenerate it to know the
 * ground truth). Each batch numbers from 1 again, so every person gets a serial unique in the whole
 * register (the generated creation date stays; 100 + n keeps clear of the scenario persons).
 */
export function populationBatch(seed: number, start: number, size: number): GeneratedPerson[] {
  return generatePopulation({ persons: size, seed: seed * 100_003 + start }).map(
    (person, index) => ({
      ...person,
      azrNummer:
        person.azrNummer.slice(0, 6) + String((start + index + 100) % 1_000_000).padStart(6, '0'),
    }),
  );
}

export interface SeedOptions {
  readonly persons: number;
  readonly seed?: number;
  readonly random: Random;
  readonly now: Date;
  readonly onProgress?: (done: number) => void;
  /**
   * Load the key index without its indexes (an empty register only; the same data either way).
   * Default: from BULK_LOAD_FROM persons on.
   */
  readonly bulkLoad?: boolean;
}

/** From this many persons on, seeding an empty register loads the key index without its indexes. */
export const BULK_LOAD_FROM = 20_000;

/** Authorities, scenario persons and a synthetic population of `persons` people. */
export async function seedRegister(db: Database, options: SeedOptions): Promise<number> {
  const repository = createRepository(db);
  const bulk =
    (options.bulkLoad ?? options.persons >= BULK_LOAD_FROM) &&
    (await repository.personenAnzahl()) === 0;
  const done = bulk
    ? await db.transaction(async (tx) => {
        // More sort memory for building the indexes once (PostgreSQL; PGlite keeps its default).
        if (db.kind === 'postgres') await tx.exec("set local maintenance_work_mem = '512MB'");
        return createRepository(tx).withoutKeyIndexes(() => seedPersons(tx, options));
      })
    : await seedPersons(db, options);
  await repository.refreshKeyStatistics();
  // Index-only scans of the key index need the visibility map that vacuum writes.
  if (bulk) await db.exec('vacuum analyze person, person_schluessel, person_schluesselmenge');
  return done;
}

async function seedPersons(sql: Sql, options: SeedOptions): Promise<number> {
  const repository = createRepository(sql);
  for (const behoerde of BEHOERDEN) await repository.upsertBehoerde(behoerde);
  for (const record of szenarioPersonen(options.random)) {
    await repository.savePerson(
      record,
      computeMatchKeys(toMatchPerson(record.grundpersonalien, record.weiterePersonalien)).all,
      options.now,
    );
  }
  let done = 0;
  // While the database stores one batch, the next is generated and keyed (the two cores overlap).
  let storing: Promise<void> = Promise.resolve();
  for (let start = 0; start < options.persons; start += SEED_BATCH) {
    const entries = populationBatch(
      options.seed ?? 1,
      start,
      Math.min(SEED_BATCH, options.persons - start),
    ).map((person) => ({
      record: fromGenerated(person, options.random),
      keys: computeMatchKeys(person).all,
    }));
    await storing;
    storing = repository.insertPersons(entries, options.now).then(() => {
      done += entries.length;
      options.onProgress?.(done);
    });
    // Awaited with the next batch; a failure while that batch is generated is not "unhandled".
    storing.catch(() => undefined);
  }
  await storing;
  return done + Object.keys(SZENARIO_PERSONEN).length;
}

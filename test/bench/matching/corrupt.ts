/**
 * The corruption model: queries a caseworker would type for a person who IS in the register, each
 * with its ground truth (the AZR-Nummer) and the kind of deviation. Deterministic per seed.
 */
import { toSearchForm } from '../../../shared/matching/normalize';
import type { MatchQuery, TeilbekanntesDatum } from '../../../shared/matching/types';
import { chance, createRng, pick } from './population';
import type { GeneratedPerson, NamePart, Rng } from './population';

export const CORRUPTION_TYPES = [
  'unveraendert',
  'umschrift',
  'tippfehler',
  'vertauscht',
  'datum-fehlt',
  'datum-teilweise',
  'tag-monat-vertauscht',
  'jahr-plusminus1',
  'geburtsort-variante',
  'weiterer-name',
  'dokumentnummer',
  'namensvetter',
  'kombiniert',
] as const;

export type CorruptionType = (typeof CORRUPTION_TYPES)[number];

export interface BenchQuery {
  readonly type: CorruptionType;
  readonly nationality: string;
  readonly truth: string;
  readonly query: MatchQuery;
}

const LETTERS = 'ABCDEFGHIJKLMNOPRSTUVWYZ';

/** One keyboard-style slip: insert, delete, substitute or transpose (rarely the first letter). */
export function typo(rng: Rng, word: string): string {
  if (word.length < 3) return word + pick(rng, [...LETTERS]).toLowerCase();
  const start = chance(rng, 0.1) ? 0 : 1;
  const i = start + Math.floor(rng() * (word.length - start));
  const letter = pick(rng, [...LETTERS]).toLowerCase();
  switch (Math.floor(rng() * 4)) {
    case 0:
      return word.slice(0, i) + letter + word.slice(i);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + letter + word.slice(i + 1);
    default:
      return i + 1 < word.length
        ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)
        : word.slice(0, i - 1) + word[i] + word[i - 1];
  }
}

const written = (parts: readonly NamePart[]) => parts.map((p) => p.written).join(' ');

function baseQuery(rng: Rng, p: GeneratedPerson): MatchQuery {
  // Queries carry what is typically known at the counter; second given names are often dropped.
  const given =
    p.herkunft.given.length > 1 && chance(rng, 0.2)
      ? (p.herkunft.given[0]?.written ?? '')
      : written(p.herkunft.given);
  return {
    familienname: p.familienname,
    vornamen: given,
    geburtsdatum: p.geburtsdatum,
    ...(p.geburtsort !== undefined && chance(rng, 0.7) ? { geburtsort: p.geburtsort } : {}),
    ...(chance(rng, 0.9) && p.geschlecht !== undefined ? { geschlecht: p.geschlecht } : {}),
    staatsangehoerigkeiten: chance(rng, 0.95) ? p.staatsangehoerigkeiten : [],
  };
}

const isFull = (d: TeilbekanntesDatum) =>
  d.jahr !== undefined && d.monat !== undefined && d.tag !== undefined;

function respell(rng: Rng, parts: readonly NamePart[], force: boolean): [string, boolean] {
  let changed = false;
  const out = parts.map((part) => {
    if (part.alternatives.length > 0 && (force || chance(rng, 0.7))) {
      changed = true;
      return pick(rng, part.alternatives);
    }
    return part.written;
  });
  return [out.join(' '), changed];
}

/** Applies one corruption; undefined when the person does not qualify for it. */
function corrupt(rng: Rng, type: CorruptionType, p: GeneratedPerson): MatchQuery | undefined {
  const q = baseQuery(rng, p);
  const h = p.herkunft;
  switch (type) {
    case 'unveraendert':
      return q;
    case 'umschrift': {
      // Another authority or document writes the whole name in its own transcription.
      const [familienname, fChanged] = respell(rng, h.family, true);
      const [vornamen, gChanged] = respell(rng, h.given, true);
      // Only spellings that differ after the DIN 91379 search form count (Ç → C is no change).
      const same =
        toSearchForm(familienname + vornamen) === toSearchForm(p.familienname + p.vornamen);
      if ((!fChanged && !gChanged) || same) return undefined;
      return { ...q, familienname, vornamen };
    }
    case 'tippfehler': {
      // One slip, in a quarter of the cases a second one in the other name.
      const inFamily = chance(rng, 0.6);
      const second = chance(rng, 0.25);
      return {
        ...q,
        familienname: inFamily || second ? typo(rng, q.familienname) : q.familienname,
        vornamen: !inFamily || second ? typo(rng, q.vornamen) : q.vornamen,
      };
    }
    case 'vertauscht':
      return { ...q, familienname: q.vornamen, vornamen: q.familienname };
    case 'datum-fehlt':
      return q.geburtsdatum.jahr === undefined ? undefined : { ...q, geburtsdatum: {} };
    case 'datum-teilweise': {
      const d = q.geburtsdatum;
      if (!isFull(d) || d.jahr === undefined) return undefined;
      return {
        ...q,
        geburtsdatum: chance(rng, 0.7) ? { jahr: d.jahr } : { jahr: d.jahr, monat: d.monat ?? 1 },
      };
    }
    case 'tag-monat-vertauscht': {
      const d = q.geburtsdatum;
      if (!isFull(d) || d.tag === undefined || d.tag > 12 || d.tag === d.monat) return undefined;
      return { ...q, geburtsdatum: { jahr: d.jahr, monat: d.tag, tag: d.monat } };
    }
    case 'jahr-plusminus1': {
      const d = q.geburtsdatum;
      if (d.jahr === undefined) return undefined;
      return { ...q, geburtsdatum: { ...d, jahr: d.jahr + (chance(rng, 0.5) ? 1 : -1) } };
    }
    case 'geburtsort-variante': {
      if (p.geburtsort === undefined) return undefined;
      const alts = h.birthplaceAlternatives;
      return {
        ...q,
        geburtsort: alts.length > 0 && chance(rng, 0.7) ? pick(rng, alts) : typo(rng, p.geburtsort),
      };
    }
    case 'weiterer-name': {
      const w = p.weitereNamen?.[0];
      if (w === undefined) return undefined;
      return {
        ...q,
        familienname: w.familienname ?? q.familienname,
        vornamen: w.vornamen ?? q.vornamen,
      };
    }
    case 'dokumentnummer': {
      const doc = p.dokumentnummern?.[0];
      if (doc === undefined) return undefined;
      // Name written very differently (e.g. from an old document); the number read by OCR.
      const ocr = doc.replace(/0/g, 'O').replace(/1/g, 'I');
      return {
        ...q,
        familienname: typo(rng, typo(rng, q.familienname)),
        vornamen: typo(rng, q.vornamen),
        dokumentnummern: [ocr],
      };
    }
    case 'namensvetter':
      return h.namesakeOf === undefined ? undefined : q;
    case 'kombiniert': {
      const [familienname] = respell(rng, h.family, false);
      const [vornamen] = respell(rng, h.given, false);
      const d = q.geburtsdatum;
      // No birthplace: dropped from the query.
      const rest: MatchQuery = {
        familienname: q.familienname,
        vornamen: q.vornamen,
        geburtsdatum: q.geburtsdatum,
        staatsangehoerigkeiten: q.staatsangehoerigkeiten,
        ...(q.geschlecht !== undefined ? { geschlecht: q.geschlecht } : {}),
      };
      return {
        ...rest,
        familienname: chance(rng, 0.5) ? typo(rng, familienname) : familienname,
        vornamen,
        geburtsdatum: d.jahr === undefined ? d : { jahr: d.jahr },
      };
    }
  }
}

export interface QueryOptions {
  /** Queries per corruption type. */
  readonly perType: number;
  readonly seed: number;
}

/** Draws persons at random until each corruption type has its share of queries. */
export function generateQueries(
  population: readonly GeneratedPerson[],
  options: QueryOptions,
): BenchQuery[] {
  const rng = createRng(options.seed ^ 0x5eed);
  const out: BenchQuery[] = [];
  const namesakes = population.filter((p) => p.herkunft.namesakeOf !== undefined);
  for (const type of CORRUPTION_TYPES) {
    let made = 0;
    for (let attempts = 0; made < options.perType && attempts < options.perType * 200; attempts++) {
      const pool = type === 'namensvetter' ? namesakes : population;
      if (pool.length === 0) break;
      const person = pick(rng, pool);
      const query = corrupt(rng, type, person);
      if (query === undefined) continue;
      out.push({ type, nationality: person.herkunft.nationality, truth: person.azrNummer, query });
      made++;
    }
  }
  return out;
}

import { createHash } from 'node:crypto';
import type { QuerySlot } from '../../../shared/matching';

// The similar-person search's SQL (part of the data-access layer of repository.ts): the statement
// that finds the candidates in the key index and returns their person rows, best first.

/** A similar-person lookup in the key index (see `candidateStatement`). */
export interface CandidateLookup {
  /** Independent pieces of evidence; a person earns a slot's gain once, by any of its keys. */
  readonly slots: readonly QuerySlot[];
  /**
   * The birth-year slot, answered from the year stored on every key row instead of by looking up
   * its keys. Its gain must stay below the threshold: then whoever earns it is found by a name key,
   * the date or a document anyway.
   */
  readonly years?: { readonly values: readonly number[]; readonly gain: number };
  readonly threshold: number;
  readonly limit: number;
  /**
   * Keys held by more persons than this (per `schluessel_statistik`) are looked up only for
   * persons born in one of `years` or in an unknown year — not at all when there are no `years`.
   */
  readonly frequentAbove?: number;
}

export interface Statement {
  readonly text: string;
  readonly params: readonly unknown[];
  /** Prepared-statement name: the same for the same text. */
  readonly name: string;
}

/**
 * The birth year stored with a person's keys, taken from the person's own birth-year key
 * (`J:1990`, see shared/matching birthYearKeys) so that it always agrees with the year slot of a
 * query; 0 when the year is unknown.
 */
export function storedBirthYear(keys: readonly string[]): number {
  for (const key of keys) if (key.startsWith('J:')) return Number(key.slice(2));
  return 0;
}

/** The person columns the register reads (PersonRow in repository.ts), for `p`. */
export const PERSON_COLUMNS = [
  'azr_nummer',
  'grundpersonalien',
  'grundpersonalien_referenz',
  'weitere_personalien',
  'weitere_personalien_referenz',
  'anschrift',
  'anschrift_referenz',
  'aufenthaltsstatus',
  'aufenthaltsstatus_referenz',
  'aktenfuehrende_behoerde',
  'uebermittlungssperre',
  'verarbeitung_eingeschraenkt',
  'nicht_identisch_mit',
  'lichtbild',
  'zusammengefuehrt_in',
] as const;
const PERSON_SELECT = PERSON_COLUMNS.map((column) => `p.${column}`).join(', ');

/** Slots are bits of a bigint mask in the key-row query. */
const MAX_SLOTS = 62;
/** Above this many slots the sets of slots that reach the threshold get too many to spell out. */
const MAX_SLOTS_FOR_SETS = 12;

/**
 * The statement for a lookup, or undefined when it cannot find anybody. With a birth year: the
 * key rows of (schluessel, jahr, azr_nummer), aggregated per person. Without one: the GIN index of
 * the persons' key arrays, which intersects the posting lists of the slots a candidate must share.
 */
export function candidateStatement(lookup: CandidateLookup): Statement | undefined {
  if ((lookup.years?.gain ?? 0) >= lookup.threshold) {
    throw new RangeError('Der Geburtsjahr-Slot allein darf die Schwelle nicht erreichen');
  }
  if (lookup.slots.length > MAX_SLOTS) {
    throw new RangeError(`Höchstens ${MAX_SLOTS} Slots je Suche (${lookup.slots.length})`);
  }
  const keys: string[] = [];
  const slotOf: number[] = [];
  lookup.slots.forEach((slot, index) => {
    for (const key of slot.keys) {
      keys.push(key);
      slotOf.push(index);
    }
  });
  if (keys.length === 0) return undefined;
  const gains = lookup.slots.map((slot) => slot.gain);
  const frequentAbove = lookup.frequentAbove ?? 2 ** 31 - 1;
  if (lookup.years === undefined && lookup.slots.length <= MAX_SLOTS_FOR_SETS) {
    const sets = qualifyingSlotSets(gains, lookup.threshold);
    if (sets.length === 0) return undefined;
    return named(slotSetSql(gains.length, sets), [
      keys,
      slotOf,
      gains,
      frequentAbove,
      lookup.limit,
    ]);
  }
  const years = lookup.years?.values ?? [];
  return named(keyRowSql(gains.length), [
    keys,
    slotOf,
    gains,
    lookup.threshold,
    frequentAbove,
    // Frequent keys: within the year bucket, and for persons whose year is unknown (0).
    years.length > 0 ? [0, ...years] : [],
    years,
    lookup.years?.gain ?? 0,
    lookup.limit,
  ]);
}

/**
 * The smallest sets of slots whose gains reach the threshold (two name tokens, or a document
 * number alone): a candidate shares keys with every slot of at least one of them.
 */
export function qualifyingSlotSets(gains: readonly number[], threshold: number): number[][] {
  const sets: number[][] = [];
  for (let mask = 1; mask < 2 ** gains.length; mask++) {
    const members = gains.flatMap((_, i) => (Math.floor(mask / 2 ** i) % 2 === 1 ? [i] : []));
    const sum = members.reduce((total, i) => total + (gains[i] ?? 0), 0);
    if (sum >= threshold && members.every((i) => sum - (gains[i] ?? 0) < threshold)) {
      sets.push(members);
    }
  }
  return sets;
}

const names = new Map<string, string>();

function named(text: string, params: readonly unknown[]): Statement {
  let name = names.get(text);
  if (name === undefined) {
    name = `kandidaten_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    names.set(text, name);
  }
  return { text, params, name };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * With a birth year: each key row sets its slot's bit; a person's gain is the sum of the gains of
 * the bits set ($3), plus the year gain ($8) when the stored year is in $7. Ordered by gain, then
 * by agreeing keys (an exact spelling shares all keys of a token, a phonetic neighbour a few — far
 * better than an arbitrary order among the many persons with equal gain at a million).
 */
function keyRowSql(slots: number): string {
  const gain = range(slots)
    .map((i) => `case when (slots >> ${i}) & 1 = 1 then ($3::real[])[${i + 1}] else 0 end`)
    .join(' + ');
  return `with q as (
      select q.schluessel, (1::bigint << q.slot) as bit, coalesce(s.anzahl, 0) > $5 as haeufig
      from unnest($1::text[], $2::int[]) as q(schluessel, slot)
        left join schluessel_statistik s on s.schluessel = q.schluessel),
    zeilen as (
      select ps.azr_nummer, ps.jahr, q.bit
      from q join person_schluessel ps on ps.schluessel = q.schluessel
      where not q.haeufig
      union all
      select ps.azr_nummer, ps.jahr, q.bit
      from q join person_schluessel ps
        on ps.schluessel = q.schluessel and ps.jahr = any($6::smallint[])
      where q.haeufig),
    je_person as (
      select azr_nummer, max(jahr) as jahr, bit_or(bit) as slots, count(*) as schluessel
      from zeilen group by azr_nummer),
    bewertet as (
      select azr_nummer, schluessel,
        ${gain} + case when jahr = any($7::smallint[]) then $8::real else 0 end as treffer
      from je_person),
    auswahl as (
      select azr_nummer, treffer, schluessel from bewertet where treffer >= $4
      order by treffer desc, schluessel desc, azr_nummer limit $9)
    select ${PERSON_SELECT} from auswahl a join person p on p.azr_nummer = a.azr_nummer
    order by a.treffer desc, a.schluessel desc, a.azr_nummer`;
}

/**
 * Without a birth year: the slots' keys (frequent ones above $4 left out, as in keyRowSql) as one
 * array per slot; a person qualifies by sharing keys with every slot of one of `sets`. Gain ($3)
 * and order as in keyRowSql.
 */
function slotSetSql(slots: number, sets: readonly (readonly number[])[]): string {
  const arrays = range(slots)
    .map((i) => `coalesce(array_agg(schluessel) filter (where slot = ${i}), '{}') as s${i}`)
    .join(', ');
  const qualifies = sets
    .map((set) => `(${set.map((i) => `m.schluessel && s.s${i}`).join(' and ')})`)
    .join(' or ');
  const gain = range(slots)
    .map((i) => `case when m.schluessel && s.s${i} then ($3::real[])[${i + 1}] else 0 end`)
    .join(' + ');
  return `with q as (
      select q.schluessel, q.slot
      from unnest($1::text[], $2::int[]) as q(schluessel, slot)
        left join schluessel_statistik st on st.schluessel = q.schluessel
      where coalesce(st.anzahl, 0) <= $4),
    s as (select ${arrays}, array_agg(schluessel) as alle from q),
    auswahl as (
      select m.azr_nummer, ${gain} as treffer,
        (select count(*) from unnest(m.schluessel) k where k = any(s.alle)) as schluessel
      from s join person_schluesselmenge m on ${qualifies}
      order by treffer desc, schluessel desc, m.azr_nummer limit $5)
    select ${PERSON_SELECT} from auswahl a join person p on p.azr_nummer = a.azr_nummer
    order by a.treffer desc, a.schluessel desc, a.azr_nummer`;
}

/**
 * Scoring of one candidate against a query: Fellegi–Sunter-style log-likelihood weights (bits) per
 * field, term-frequency adjusted for names and birth dates, plus the must-show rules that encode
 * §5 Abs. 1 Satz 4 and §8 Abs. 6 AZRG-DV ("übereinstimmen oder nur geringfügig abweichen"), the
 * bands A/B/C and a field-by-field explanation in fixed German words.
 */
import {
  compareBirthplace,
  compareDates,
  compareDocuments,
  compareNames,
  compareNationalities,
  compareSex,
  datesCompatible,
  datesSlightlyDeviating,
  isPlaceholderDate,
  TOKEN_LEVEL_RANK,
  tokenInfo,
} from './compare';
import type {
  CompareContext,
  DateLevel,
  DocumentLevel,
  NameComparison,
  SimpleLevel,
  TokenInfo,
  TokenLevel,
} from './compare';
import { birthDateKey, nameForms } from './keys';
import { canonicalTokens, tokenize } from './normalize';
import type { MatchPerson, NameForm, PersonalienArtCode } from './types';

// --- statistics (term frequencies) ---------------------------------------------------------------

/** Frequencies from the stored population, for the term-frequency adjustment. */
export interface MatchStats {
  readonly persons: number;
  /** How many persons carry this canonical search-form name token. */
  nameTokenCount(token: string): number;
  /** How many persons have this full birth date ('D:1990-01-01', see birthDateKey). */
  birthDateCount(dateKey: string): number;
  /**
   * How many persons carry exactly this name (see {@link nameComboKey}). Names cluster by
   * nationality, so the product of token frequencies overstates how rare a full name is.
   */
  nameComboCount?(key: string): number;
}

/** Key of a full name for {@link MatchStats.nameComboCount}: canonical family | given names. */
export function nameComboKey(familienname: string, vornamen: string): string {
  return `${canonicalTokens(tokenize(familienname)).join('')}|${canonicalTokens(tokenize(vornamen)).join('')}`;
}

/** m-probability of agreement on a true match (names and dates are mostly recorded correctly). */
const M_AGREE = 0.95;
const log2 = Math.log2;
const MIN_STATS_PERSONS = 1000;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

function tfBits(count: number | undefined, persons: number | undefined, fallback: number): number {
  // Frequencies from fewer than 1,000 persons say nothing about the register: use the priors.
  if (count === undefined || persons === undefined || persons < MIN_STATS_PERSONS) return fallback;
  return log2(M_AGREE / (Math.max(count, 1) / persons));
}

// --- vocabulary ----------------------------------------------------------------------------------

/** The fixed German vocabulary of explanations. */
export const BEWERTUNG = {
  identisch: 'identisch',
  umschrift: (scheme: string) => `identisch nach Umschrift (${scheme})`,
  klanggleich: 'klanggleich',
  tippfehler1: '1 Tippfehler',
  tippfehler2: '2 Tippfehler',
  aehnlich: 'ähnlich geschrieben',
  teilweise: 'teilweise gleich',
  vertauscht: 'Vor- und Familienname vertauscht',
  abweichend: 'abweichend',
  fehlt: 'fehlt',
  datum: {
    identisch: 'identisch',
    platzhalter: 'Platzhalter-Datum 01.01.',
    'platzhalter-jahr': 'Geburtsjahr gleich, Platzhalter-Datum 01.01.',
    'jahr-monat': 'Jahr und Monat gleich, Tag unbekannt',
    jahr: 'Geburtsjahr gleich, Tag/Monat unbekannt',
    'tag-monat-vertauscht': 'Tag und Monat vertauscht',
    'jahr-plusminus1': 'Geburtsjahr um 1 abweichend',
    ziffer: '1 Ziffer abweichend',
    'jahr-gleich-sonst-abweichend': 'Geburtsjahr gleich, Tag/Monat abweichend',
    abweichend: 'abweichend',
    fehlt: 'fehlt',
  } satisfies Record<DateLevel, string>,
} as const;

/** Labels of Code.AZR.PersonalienArt v1 (personalienart.json), for explanations. */
export const PERSONALIEN_ART_LABEL: Readonly<Record<PersonalienArtCode, string>> = {
  '0': 'Grundpersonalien',
  '3': 'Namensschreibweise nach dt. Recht',
  '4': 'Früherer Name',
  '5': 'Abweichende Namensschreibweise',
  '6': 'Anderer Name',
  '7': 'Aliaspersonalien',
};

export type Feld =
  | 'Namensform'
  | 'Familienname'
  | 'Vornamen'
  | 'Geburtsdatum'
  | 'Geburtsort'
  | 'Staatsangehörigkeit'
  | 'Geschlecht'
  | 'Dokumentnummer';

export interface ExplanationEntry {
  readonly feld: Feld;
  /** One phrase of the fixed vocabulary ({@link BEWERTUNG}). */
  readonly bewertung: string;
  /** The compared values, e.g. "HRYHORII ↔ GRIGORIJ". */
  readonly detail?: string;
  /** Weight in bits (positive: speaks for the same person). */
  readonly gewicht: number;
}

// --- must-show rules and bands -------------------------------------------------------------------

export type MustShowRule =
  | 'dokumentnummer'
  | 'name-identisch'
  | 'umschrift'
  | 'klanggleich'
  | 'vertauscht'
  | 'weitere-personalien';

/** What each rule means, in the caseworker's words. */
export const MUST_SHOW_RULE_TEXT: Readonly<Record<MustShowRule, string>> = {
  dokumentnummer: 'gleiche Dokumentnummer',
  'name-identisch':
    'gleicher Name und übereinstimmendes oder nur geringfügig abweichendes Geburtsdatum',
  umschrift: 'gleicher Name in anderer Umschrift und vereinbares Geburtsdatum',
  klanggleich: 'Vor- und Familienname klanggleich und vereinbares Geburtsdatum',
  vertauscht: 'Vor- und Familienname vertauscht und vereinbares Geburtsdatum',
  'weitere-personalien':
    'Treffer über Alias, früheren oder anderen Namen und vereinbares Geburtsdatum',
};

export type Band = 'A' | 'B' | 'C';

export const BAND_TEXT: Readonly<Record<Band, string>> = {
  A: 'Identität sehr wahrscheinlich',
  B: 'ähnliche Person – Prüfung erforderlich',
  C: 'schwach ähnlich',
};

/**
 * Score thresholds in bits without statistics (a population of about 2^15 persons). With
 * statistics they follow the population size N: a candidate needs about log2(N) bits of evidence
 * before it is more likely the person than any other record (prior odds 1 : N).
 */
export const BAND_THRESHOLDS = { A: 24, B: 15, C: 5 } as const;

export function bandThresholds(stats?: MatchStats): { A: number; B: number; C: number } {
  if (stats === undefined || stats.persons < MIN_STATS_PERSONS) return { ...BAND_THRESHOLDS };
  const base = log2(stats.persons);
  return { A: base + 9, B: base, C: base - 10 };
}

/** Without statistics, equal names with an unknown birth date count as rare above this. */
const RARE_NAME_BITS = 18;

export interface ScoreResult {
  /** null: not similar enough to be listed. */
  readonly band: Band | null;
  readonly rule: MustShowRule | null;
  readonly score: number;
  /** Which stored name form matched (XAusländer PersonalienArt). */
  readonly personalienArt: PersonalienArtCode;
  readonly explanation: readonly ExplanationEntry[];
}

// --- preparation ---------------------------------------------------------------------------------

interface PreparedForm {
  readonly form: NameForm;
  readonly family: readonly TokenInfo[];
  readonly given: readonly TokenInfo[];
}

export interface PreparedPerson {
  readonly person: MatchPerson;
  readonly forms: readonly PreparedForm[];
  readonly dateKey: string | undefined;
}

function infos(name: string): TokenInfo[] {
  const originals = new Map<string, string>();
  for (const word of name.split(/[\s-]+/)) {
    const t = tokenize(word).join('');
    if (t !== '') originals.set(t, word);
  }
  return canonicalTokens(tokenize(name)).map((t) => tokenInfo(t, originals.get(t)));
}

/** Tokenises all name forms once; pass the result to {@link scoreCandidate} repeatedly. */
export function preparePerson(person: MatchPerson): PreparedPerson {
  return {
    person,
    forms: nameForms(person).map((form) => ({
      form,
      family: infos(form.familienname),
      given: infos(form.vornamen),
    })),
    dateKey: birthDateKey(person.geburtsdatum),
  };
}

const isPrepared = (p: MatchPerson | PreparedPerson): p is PreparedPerson => 'forms' in p;

// --- weights -------------------------------------------------------------------------------------

type FieldKind = 'family' | 'given';
const FIELD_MAX: Record<FieldKind, number> = { family: 11, given: 9 };
const FIELD_DISAGREE: Record<FieldKind, number> = { family: -6, given: -4 };
const UNMATCHED_PENALTY: Record<FieldKind, number> = { family: 1.5, given: 0.5 };
/** Without statistics a name token is assumed to be shared by 1 in 2,000 persons. */
const DEFAULT_TOKEN_BITS = log2(M_AGREE * 2000);

function pairWeight(level: TokenLevel, tf: number): number {
  switch (level) {
    case 'identisch':
      return clamp(tf, 1.5, 10);
    case 'umschrift':
      return clamp(Math.min(tf, 8) - 0.5, 1, 10);
    case 'tippfehler1':
      return clamp(Math.min(tf, 7) - 1.5, 1, 10);
    case 'klanggleich':
      return clamp(Math.min(tf, 6) - 2, 1, 10);
    case 'tippfehler2':
      return 2;
    case 'aehnlich':
      return 1;
    case 'abweichend':
      return 0;
  }
}

function nameWeight(cmp: NameComparison, kind: FieldKind, stats: MatchStats | undefined): number {
  if (cmp.level === 'fehlt') return 0;
  if (cmp.level === 'abweichend') return FIELD_DISAGREE[kind];
  let w = 0;
  for (const p of cmp.pairs) {
    const tf = tfBits(stats?.nameTokenCount(p.candidate), stats?.persons, DEFAULT_TOKEN_BITS);
    w += pairWeight(p.comparison.level, tf);
  }
  w -= UNMATCHED_PENALTY[kind] * (cmp.unmatchedQuery.length + cmp.unmatchedCandidate.length);
  return clamp(w, FIELD_DISAGREE[kind], FIELD_MAX[kind]);
}

/** Bits of evidence in the candidate's name tokens themselves: how rare the name is. */
function nameRarityBits(cmp: NameComparison, stats: MatchStats | undefined): number {
  return cmp.pairs.reduce(
    (s, p) => s + tfBits(stats?.nameTokenCount(p.candidate), stats?.persons, DEFAULT_TOKEN_BITS),
    0,
  );
}

/** Whether no other stored person is expected to carry this exact name. */
function nameIsRare(
  cmp: { family: NameComparison; given: NameComparison },
  form: NameForm,
  stats: MatchStats | undefined,
): boolean {
  if (cmp.family.level !== 'identisch' || cmp.given.level !== 'identisch') return false;
  if (stats?.nameComboCount !== undefined && stats.persons >= MIN_STATS_PERSONS) {
    return stats.nameComboCount(nameComboKey(form.familienname, form.vornamen)) <= 1;
  }
  return nameRarityBits(cmp.family, stats) + nameRarityBits(cmp.given, stats) >= RARE_NAME_BITS;
}

function dateWeight(level: DateLevel, dateKey: string | undefined, stats?: MatchStats): number {
  const tf = () =>
    tfBits(dateKey === undefined ? undefined : stats?.birthDateCount(dateKey), stats?.persons, 11);
  switch (level) {
    case 'identisch':
      return clamp(tf(), 6, 12);
    case 'platzhalter':
      return clamp(tf(), 1, 4);
    case 'jahr-monat':
      return 5;
    case 'jahr':
      return 3;
    case 'platzhalter-jahr':
      return 2;
    case 'tag-monat-vertauscht':
      return 5;
    case 'jahr-plusminus1':
      return 3.5;
    case 'ziffer':
      return 4;
    case 'fehlt':
      return 0;
    case 'jahr-gleich-sonst-abweichend':
      return -5;
    case 'abweichend':
      return -9;
  }
}

const PLACE_WEIGHT: Record<SimpleLevel, number> = {
  identisch: 2,
  aehnlich: 1,
  fehlt: 0,
  abweichend: -1,
};
const SEX_WEIGHT: Record<SimpleLevel, number> = {
  identisch: 0.2,
  aehnlich: 0,
  fehlt: 0,
  abweichend: -4,
};
// Nationality and sex are nearly implied by an agreeing name, so agreement adds little.
const NATIONALITY_WEIGHT = { identisch: 0.5, fehlt: 0, abweichend: -2.5 } as const;
const DOCUMENT_WEIGHT: Record<DocumentLevel, number> = {
  identisch: 14,
  tippfehler1: 6,
  fehlt: 0,
  abweichend: -1,
};
const SWAP_PENALTY = 1;

// --- explanation helpers -------------------------------------------------------------------------

function nameBewertung(cmp: NameComparison): string {
  switch (cmp.level) {
    case 'umschrift':
      return BEWERTUNG.umschrift(cmp.scheme ?? 'andere Umschrift');
    case 'identisch':
    case 'klanggleich':
    case 'tippfehler1':
    case 'tippfehler2':
    case 'aehnlich':
    case 'teilweise':
    case 'abweichend':
    case 'fehlt':
      return BEWERTUNG[cmp.level];
  }
}

function nameDetail(cmp: NameComparison, q: readonly TokenInfo[], c: readonly TokenInfo[]) {
  if (cmp.level === 'fehlt') return undefined;
  if (cmp.pairs.length === 0) {
    return `${q.map((t) => t.token).join(' ')} ↔ ${c.map((t) => t.token).join(' ')}`;
  }
  const pairs = cmp.pairs.map((p) =>
    p.query === p.candidate ? p.query : `${p.query} ↔ ${p.candidate}`,
  );
  const extra = [...cmp.unmatchedQuery, ...cmp.unmatchedCandidate];
  return extra.length > 0
    ? `${pairs.join(', ')}; ohne Gegenstück: ${extra.join(', ')}`
    : pairs.join(', ');
}

const formatDate = (d: MatchPerson['geburtsdatum']) =>
  d.jahr === undefined
    ? 'unbekannt'
    : `${String(d.tag ?? 0).padStart(2, '0')}.${String(d.monat ?? 0).padStart(2, '0')}.${d.jahr}`;

// --- scoring -------------------------------------------------------------------------------------

const acceptable = (cmp: NameComparison, max: TokenLevel, partial: boolean): boolean => {
  if (cmp.level === 'fehlt' || cmp.level === 'abweichend') return false;
  if (cmp.level === 'teilweise') {
    if (!partial) return false;
    // One side's given names are a subset of the other's ("Mohyi" vs "Mohyi Aldin").
    if (cmp.unmatchedQuery.length > 0 && cmp.unmatchedCandidate.length > 0) return false;
    return cmp.pairs.every((p) => TOKEN_LEVEL_RANK[p.comparison.level] <= TOKEN_LEVEL_RANK[max]);
  }
  return TOKEN_LEVEL_RANK[cmp.level] <= TOKEN_LEVEL_RANK[max];
};

interface FormMatch {
  readonly form: PreparedForm;
  readonly queryForm: PreparedForm;
  readonly family: NameComparison;
  readonly given: NameComparison;
  readonly swapped: boolean;
  readonly weight: number;
}

/**
 * States whose names are written in Arabic or Persian script (Destatis keys, list of 2021-02-19),
 * so Arabic/Persian transcription rules may explain a spelling difference. A matching parameter,
 * not a code list: unknown codes simply do not switch the rules on.
 */
export const ARABIC_SCRIPT_STATES: ReadonlySet<string> = new Set([
  '221',
  '224',
  '239',
  '248',
  '252',
  '273',
  '276',
  '277',
  '278',
  '285',
  '287',
  '421',
  '423',
  '424',
  '438',
  '439',
  '445',
  '447',
  '448',
  '451',
  '456',
  '459',
  '461',
  '469',
  '472',
  '475',
]);

function compareContext(q: MatchPerson, c: MatchPerson): CompareContext {
  const known = [...q.staatsangehoerigkeiten, ...c.staatsangehoerigkeiten].filter(
    (x) => x !== '997' && x !== '998' && x !== '999',
  );
  return { arabic: known.length === 0 || known.some((x) => ARABIC_SCRIPT_STATES.has(x)) };
}

function matchForms(
  q: PreparedPerson,
  c: PreparedPerson,
  context: CompareContext,
  stats?: MatchStats,
): FormMatch {
  let best: FormMatch | undefined;
  for (const qf of q.forms) {
    for (const cf of c.forms) {
      const family = compareNames(qf.family, cf.family, context);
      const given = compareNames(qf.given, cf.given, context);
      const weight = nameWeight(family, 'family', stats) + nameWeight(given, 'given', stats);
      // A stored alias is a little weaker evidence than the main name.
      const formPenalty = cf.form.role === 'weitererName' ? 0.5 : 0;
      if (best === undefined || weight - formPenalty > best.weight) {
        best = {
          form: cf,
          queryForm: qf,
          family,
          given,
          swapped: false,
          weight: weight - formPenalty,
        };
      }
      const sFamily = compareNames(qf.family, cf.given, context);
      const sGiven = compareNames(qf.given, cf.family, context);
      const sWeight =
        nameWeight(sFamily, 'family', stats) +
        nameWeight(sGiven, 'given', stats) -
        SWAP_PENALTY -
        formPenalty;
      if (sWeight > best.weight + 0.5) {
        best = {
          form: cf,
          queryForm: qf,
          family: sFamily,
          given: sGiven,
          swapped: true,
          weight: sWeight,
        };
      }
    }
  }
  // nameForms always yields the main form, so best is set.
  return best!;
}

/**
 * Scores a stored candidate against a query. `stats` (term frequencies of the stored population)
 * lowers the weight of very common names and dates; without it fixed priors are used.
 */
export function scoreCandidate(
  query: MatchPerson | PreparedPerson,
  candidate: MatchPerson | PreparedPerson,
  stats?: MatchStats,
): ScoreResult {
  const q = isPrepared(query) ? query : preparePerson(query);
  const c = isPrepared(candidate) ? candidate : preparePerson(candidate);
  const qp = q.person;
  const cp = c.person;

  const names = matchForms(q, c, compareContext(qp, cp), stats);
  const dateLevel = compareDates(qp.geburtsdatum, cp.geburtsdatum);
  const dateW = dateWeight(dateLevel, c.dateKey, stats);
  const placeLevel = compareBirthplace(qp.geburtsort, cp.geburtsort);
  const nat = compareNationalities(qp.staatsangehoerigkeiten, cp.staatsangehoerigkeiten);
  const sexLevel = compareSex(qp.geschlecht, cp.geschlecht);
  const docLevel = compareDocuments(qp.dokumentnummern ?? [], cp.dokumentnummern ?? []);

  let familyW = nameWeight(names.family, 'family', stats);
  let givenW = nameWeight(names.given, 'given', stats);
  // Term frequency of the whole name: equal common names (a cluster of namesakes) weigh less.
  if (
    names.family.level === 'identisch' &&
    names.given.level === 'identisch' &&
    stats?.nameComboCount !== undefined &&
    stats.persons >= MIN_STATS_PERSONS
  ) {
    const form = names.form.form;
    const count = stats.nameComboCount(
      names.swapped
        ? nameComboKey(form.vornamen, form.familienname)
        : nameComboKey(form.familienname, form.vornamen),
    );
    const comboBits = clamp(tfBits(count, stats.persons, 20), 2, 20);
    const sum = familyW + givenW;
    if (comboBits < sum) {
      familyW *= comboBits / sum;
      givenW *= comboBits / sum;
    }
  }
  let nameW =
    names.weight -
    nameWeight(names.family, 'family', stats) -
    nameWeight(names.given, 'given', stats) +
    familyW +
    givenW;
  // A partial or variant match never says more than an exact match of the query's own name would:
  // with many namesakes of "Petrov Georgi", "Aleksandar Georgi Petrov" must not outrank them.
  if (stats?.nameComboCount !== undefined && stats.persons >= MIN_STATS_PERSONS && !names.swapped) {
    const qf = names.queryForm.form;
    const count = stats.nameComboCount(nameComboKey(qf.familienname, qf.vornamen));
    const exact = names.family.level === 'identisch' && names.given.level === 'identisch';
    const cap = clamp(tfBits(count, stats.persons, 20), 2, 20) - (exact ? 0 : 1);
    if (count > 0) nameW = Math.min(nameW, cap);
  }
  const score =
    nameW +
    dateW +
    PLACE_WEIGHT[placeLevel] +
    NATIONALITY_WEIGHT[nat.level] +
    SEX_WEIGHT[sexLevel] +
    DOCUMENT_WEIGHT[docLevel];

  // Must-show rules (§8 Abs. 6 AZRG-DV), strongest first.
  // With an unknown birth date equal names must be shown only when nobody else has that name.
  const dateUnknownButRare = dateLevel === 'fehlt' && nameIsRare(names, names.form.form, stats);
  const compatible = datesCompatible(dateLevel) || dateUnknownButRare;
  const slight = datesSlightlyDeviating(dateLevel) || dateUnknownButRare;
  // Missing given names are tolerated for equal and re-transcribed names, not for weaker levels.
  const both = (max: TokenLevel, partial: boolean) =>
    acceptable(names.family, max, partial) && acceptable(names.given, max, partial);
  let rule: MustShowRule | null = null;
  if (docLevel === 'identisch') rule = 'dokumentnummer';
  else if (!names.swapped && names.form.form.role !== 'weitererName') {
    if (both('identisch', true) && slight) rule = 'name-identisch';
    else if (both('umschrift', true) && slight) rule = 'umschrift';
    else if (both('klanggleich', false) && compatible) rule = 'klanggleich';
  } else if (names.swapped && both('klanggleich', false) && compatible) rule = 'vertauscht';
  else if (!names.swapped && both('klanggleich', false) && compatible) {
    rule = 'weitere-personalien';
  }
  const thresholds = bandThresholds(stats);

  let band: Band | null =
    score >= thresholds.A ? 'A' : score >= thresholds.B ? 'B' : score >= thresholds.C ? 'C' : null;
  if (rule !== null && band !== 'A') band = 'B';
  // A needs the names themselves to agree closely, not only a strong date.
  if (band === 'A' && rule === null) band = 'B';

  const explanation: ExplanationEntry[] = [
    {
      feld: 'Namensform',
      bewertung:
        names.form.form.role === 'geburtsname'
          ? 'Treffer über Grundpersonalien (Geburtsname)'
          : `Treffer über ${PERSONALIEN_ART_LABEL[names.form.form.personalienArt]}`,
      gewicht: 0,
    },
  ];
  if (names.swapped) {
    explanation.push({
      feld: 'Namensform',
      bewertung: BEWERTUNG.vertauscht,
      gewicht: -SWAP_PENALTY,
    });
  }
  const qf = names.queryForm;
  const cf = names.form;
  const fDetail = nameDetail(names.family, qf.family, names.swapped ? cf.given : cf.family);
  explanation.push({
    feld: 'Familienname',
    bewertung: nameBewertung(names.family),
    ...(fDetail !== undefined ? { detail: fDetail } : {}),
    gewicht: round(familyW),
  });
  const gDetail = nameDetail(names.given, qf.given, names.swapped ? cf.family : cf.given);
  explanation.push({
    feld: 'Vornamen',
    bewertung: nameBewertung(names.given),
    ...(gDetail !== undefined ? { detail: gDetail } : {}),
    gewicht: round(givenW),
  });
  explanation.push({
    feld: 'Geburtsdatum',
    bewertung:
      dateLevel === 'identisch' && isPlaceholderDate(cp.geburtsdatum)
        ? BEWERTUNG.datum.platzhalter
        : BEWERTUNG.datum[dateLevel],
    detail: `${formatDate(qp.geburtsdatum)} ↔ ${formatDate(cp.geburtsdatum)}`,
    gewicht: round(dateW),
  });
  explanation.push(simpleEntry('Geburtsort', placeLevel, PLACE_WEIGHT[placeLevel]));
  explanation.push({
    feld: 'Staatsangehörigkeit',
    bewertung: BEWERTUNG[nat.level],
    ...(nat.common !== undefined ? { detail: nat.common } : {}),
    gewicht: NATIONALITY_WEIGHT[nat.level],
  });
  explanation.push(simpleEntry('Geschlecht', sexLevel, SEX_WEIGHT[sexLevel]));
  if (docLevel !== 'fehlt') {
    explanation.push({
      feld: 'Dokumentnummer',
      bewertung: docLevel === 'tippfehler1' ? BEWERTUNG.tippfehler1 : BEWERTUNG[docLevel],
      gewicht: DOCUMENT_WEIGHT[docLevel],
    });
  }
  return {
    band,
    rule,
    score: round(score),
    personalienArt: names.form.form.personalienArt,
    explanation,
  };
}

function simpleEntry(feld: Feld, level: SimpleLevel, gewicht: number): ExplanationEntry {
  const bewertung = level === 'aehnlich' ? BEWERTUNG.aehnlich : BEWERTUNG[level];
  return { feld, bewertung, gewicht };
}

const round = (x: number) => Math.round(x * 10) / 10;

/** One line per field, for a tooltip or a printout: "Familienname: klanggleich (…)". */
export function explanationText(result: ScoreResult): string[] {
  return result.explanation.map(
    (e) => `${e.feld}: ${e.bewertung}${e.detail !== undefined ? ` (${e.detail})` : ''}`,
  );
}

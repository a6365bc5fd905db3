/**
 * Variant spellings of one name token, each labelled with the scheme that produced it. They are
 * generated at index and query time; two tokens are "equal under a registered variant scheme" when
 * they share a variant of the same family (§8 Abs. 6 AZRG-DV: "abweichende Namensschreibweisen").
 *
 * Input is always a search-form token (A–Z, see normalize.ts); the original spelling is only needed
 * for the umlaut forms, because the search form already writes Ö as OE.
 */
import { stripArticlePrefix, toSearchForm } from './normalize';

export type VariantScheme =
  'umlaut-ohne-e' | 'umlaut-e' | 'kyrillisch-intl' | 'kyrillisch-dt' | 'arabisch' | 'artikel';

export interface Variant {
  readonly form: string;
  readonly scheme: VariantScheme;
}

/** Which variants of two tokens must agree: the Cyrillic readings match each other. */
export const VARIANT_FAMILY: Readonly<Record<VariantScheme, string>> = {
  'umlaut-ohne-e': 'umlaut',
  'umlaut-e': 'umlaut',
  'kyrillisch-intl': 'kyrillisch',
  'kyrillisch-dt': 'kyrillisch',
  arabisch: 'arabisch',
  artikel: 'artikel',
};

/**
 * German umlauts: the search form writes Ö as OE; documents and foreign systems often write O.
 * Both forms of the original are produced; a token written with OE/AE/UE also yields the bare vowel
 * so that "Mueller" meets "Muller".
 */
export function umlautVariants(original: string): Variant[] {
  const out: Variant[] = [];
  const bare = toSearchForm(
    original.normalize('NFC').replace(/[ÄÖÜäöü]/g, (c) => c.normalize('NFD').charAt(0)),
  );
  const searchForm = toSearchForm(original);
  if (bare !== searchForm) out.push({ form: bare, scheme: 'umlaut-ohne-e' });
  const folded = searchForm.replace(/([AOU])E/g, '$1');
  if (folded !== searchForm && folded !== bare) out.push({ form: folded, scheme: 'umlaut-e' });
  return out;
}

// --- Cyrillic: two "readings" of a Latin spelling ------------------------------------------------
// A Latin spelling of a Cyrillic name is read back into a reduced phonemic form. The international
// family (ICAO 9303, ukr. Reisepass, russ. Reisepass, GOST, BGN/PCGN) and the German transcription
// (Duden) read CH, J, Z, S and W differently, so each token gets both readings. Letters the schemes
// disagree on are merged: Ж/Ш (German writes both "sch"), З/С (German "s"), И/Ы/І/Й/Ї, Е/Э/Є,
// Г/Ґ/H (Ukrainian Г is H), iotated vowels become И + vowel, doubled letters collapse.

type Rules = readonly (readonly [string, string])[];

const INTL: Rules = [
  ['SHCH', 'щ'],
  ['SCH', 'ш'],
  ['ZGH', 'сг'],
  ['ZH', 'ш'],
  ['KH', 'х'],
  ['TS', 'ц'],
  ['TC', 'ц'],
  ['CH', 'ч'],
  ['SH', 'ш'],
  ['YU', 'иу'],
  ['IU', 'иу'],
  ['JU', 'иу'],
  ['YA', 'иа'],
  ['IA', 'иа'],
  ['JA', 'иа'],
  ['YE', 'е'],
  ['IE', 'е'],
  ['JE', 'е'],
  ['YO', 'о'],
  ['JO', 'о'],
  ['IO', 'о'],
  ['YI', 'и'],
  ['W', 'в'],
  ['H', 'г'],
  ['J', 'и'],
  ['Y', 'и'],
  ['Z', 'с'],
  ['C', 'ц'],
  ['Q', 'к'],
  ['X', 'кс'],
];
const DE: Rules = [
  ['SCHTSCH', 'щ'],
  ['TSCH', 'ч'],
  ['SCH', 'ш'],
  ['SH', 'ш'],
  ['ZH', 'ш'],
  ['CH', 'х'],
  ['KH', 'х'],
  ['TZ', 'ц'],
  ['TS', 'ц'],
  ['JU', 'иу'],
  ['JA', 'иа'],
  ['JE', 'е'],
  ['JO', 'о'],
  ['JI', 'и'],
  ['W', 'в'],
  ['H', 'г'],
  ['J', 'и'],
  ['Y', 'и'],
  ['Z', 'ц'],
  ['SS', 'с'],
  ['C', 'к'],
  ['Q', 'к'],
  ['X', 'кс'],
];
const COMMON: Readonly<Record<string, string>> = {
  A: 'а',
  B: 'б',
  V: 'в',
  G: 'г',
  D: 'д',
  E: 'е',
  I: 'и',
  K: 'к',
  L: 'л',
  M: 'м',
  N: 'н',
  O: 'о',
  P: 'п',
  R: 'р',
  S: 'с',
  T: 'т',
  U: 'у',
  F: 'ф',
};

function read(token: string, rules: Rules): string {
  let out = '';
  let i = 0;
  outer: while (i < token.length) {
    for (const [latin, cyr] of rules) {
      if (token.startsWith(latin, i)) {
        out += cyr;
        i += latin.length;
        continue outer;
      }
    }
    out += COMMON[token[i] ?? ''] ?? '';
    i++;
  }
  // Merge what the schemes disagree on, then collapse doubled letters ("Mariia" = "Maria").
  return out.replace(/(.)\1+/g, '$1');
}

/** The international (ICAO/passport/English) reading of a search-form token. */
export function readCyrillicIntl(token: string): string {
  return read(token, INTL);
}

/** The German (Duden) reading of a search-form token. */
export function readCyrillicDe(token: string): string {
  return read(token, DE);
}

// --- Arabic and Persian transcription families ---------------------------------------------------
// One rule table folds the spellings of one Arabic/Persian name into a key while keeping different
// names apart: Mohammed/Muhammad/Mohamad/Mohamed → MUHAMAD, but Mehmet (Turkish, final T) and
// Mahmud stay apart; Hussein/Husain/Hossein/Hosseini → HUSIN, but Hassan → HASAN.
const ARABIC_RULES: Rules = [
  ['OU', 'U'],
  ['OO', 'U'],
  ['EE', 'I'],
  ['IE', 'I'],
  ['EI', 'I'],
  ['AI', 'I'],
  ['EY', 'I'],
  ['AY', 'I'],
  ['KH', 'X'],
  ['GH', 'G'],
  ['DH', 'D'],
  ['TH', 'T'],
  ['DJ', 'J'],
  ['DSCH', 'J'],
  ['SCH', 'S'],
  ['SH', 'S'],
  ['PH', 'F'],
  ['Q', 'K'],
  ['CK', 'K'],
  ['C', 'K'],
  ['W', 'U'],
  ['O', 'U'],
  ['E', 'A'],
  ['Y', 'I'],
];

/**
 * Arabic/Persian transcription key of a search-form token (articles joined or stripped first by the
 * caller). Returns undefined for tokens shorter than 3 letters, which carry no evidence.
 */
export function arabicTranscriptionKey(token: string): string | undefined {
  const t = stripArticlePrefix(token);
  if (t.length < 3) return undefined;
  let out = '';
  let i = 0;
  outer: while (i < t.length) {
    for (const [from, to] of ARABIC_RULES) {
      if (t.startsWith(from, i)) {
        out += to;
        i += from.length;
        continue outer;
      }
    }
    out += t[i] ?? '';
    i++;
  }
  out = out.replace(/(.)\1+/g, '$1');
  // Persian/Arabic nisba ending: Hosseini = Hussein + i, Rahmani ≠ Rahman is accepted as a variant.
  if (out.length >= 5 && out.endsWith('I') && !/[AIU]I$/.test(out)) out = out.slice(0, -1);
  // Final -AH/-A (ta marbuta): Fatimah = Fatima, Abdallah = Abdalla.
  if (out.length >= 4) out = out.replace(/AH$/, 'A');
  return out;
}

/** All labelled variants of one token (its search form itself is not included). */
export function tokenVariants(token: string, original?: string): Variant[] {
  const out: Variant[] = [];
  if (original !== undefined) out.push(...umlautVariants(original));
  out.push({ form: readCyrillicIntl(token), scheme: 'kyrillisch-intl' });
  out.push({ form: readCyrillicDe(token), scheme: 'kyrillisch-dt' });
  const arabic = arabicTranscriptionKey(token);
  if (arabic !== undefined) out.push({ form: arabic, scheme: 'arabisch' });
  const stripped = stripArticlePrefix(token);
  if (stripped !== token) out.push({ form: stripped, scheme: 'artikel' });
  return out;
}

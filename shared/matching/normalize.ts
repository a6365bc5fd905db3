/**
 * Normalisation for matching: NFC, the DIN 91379 search form (A–Z only), token splitting and the
 * treatment of name particles and compounds (al-/el-, bin/ibn/bint, Abdul/Abdel/Abd al-, hyphen,
 * space or concatenation). The search form is used for matching only, never for what is stored or
 * sent (DIN 91379, domain.md §2).
 */
import { DIN91379_MAX_SEQUENCE_LENGTH, DIN91379_SEARCH_FORM } from '../domain/din91379/search-form';

const COMBINING_MARK = /\p{M}/u;
/** The second character of every multi-character sequence of the table (combining marks). */
const SEQUENCE_SECOND: ReadonlySet<string> = new Set(
  [...DIN91379_SEARCH_FORM.keys()].flatMap((key) => {
    const chars = [...key];
    return chars.length > 1 ? [chars[1] ?? ''] : [];
  }),
);
const ASCII_LETTER = /^[A-Za-z]$/;
/** Characters that glue parts of one name together without a boundary (O'Brien, Al‘Amri). */
const JOINERS = new Set(["'", '`', '´', '’', 'ʹ', 'ʺ', 'ʾ', 'ʿ', 'ˈ', 'ˌ', '‡', '¨', '·']);

/**
 * The DIN 91379 search form of a string: every letter (or combining sequence) mapped to A–Z by the
 * normative table, apostrophes and similar joiners dropped, every other non-letter (space, hyphen,
 * comma, full stop, digits, …) turned into a single space. Letters outside DIN 91379 fall back to
 * their base letter when it is ASCII (NFD), otherwise they are dropped.
 */
export function toSearchForm(input: string): string {
  const chars = [...input.normalize('NFC')];
  let out = '';
  let i = 0;
  while (i < chars.length) {
    let matched = false;
    // Longer sequences only where one can start: most characters need a single lookup.
    const longest = SEQUENCE_SECOND.has(chars[i + 1] ?? '') ? DIN91379_MAX_SEQUENCE_LENGTH : 1;
    for (let len = Math.min(longest, chars.length - i); len >= 1; len--) {
      const sequence = len === 1 ? (chars[i] ?? '') : chars.slice(i, i + len).join('');
      const mapped = DIN91379_SEARCH_FORM.get(sequence);
      if (mapped !== undefined) {
        out += mapped;
        i += len;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const ch = chars[i] ?? '';
    i++;
    if (ASCII_LETTER.test(ch)) out += ch.toUpperCase();
    else if (COMBINING_MARK.test(ch) || JOINERS.has(ch)) continue;
    else {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      if (ASCII_LETTER.test(base)) out += base.toUpperCase();
      else out += ' ';
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Search-form tokens of a name ("Al-Srour, Mohyi" → ["AL", "SROUR", "MOHYI"]). */
export function tokenize(name: string | undefined): string[] {
  if (name === undefined) return [];
  const form = toSearchForm(name);
  return form === '' ? [] : form.split(' ');
}

/** The Arabic article in its common transcriptions, including sun-letter assimilation. */
export const ARTICLES: ReadonlySet<string> = new Set([
  'AL',
  'EL',
  'UL',
  'IL',
  'OL',
  'AD',
  'AR',
  'AS',
  'ASH',
  'AT',
  'ATH',
  'AZ',
  'AN',
  'ED',
  'ER',
  'ES',
  'ET',
  'EZ',
  'EN',
  'ESH',
  'ETH',
  'ADH',
  'ED DIN',
]);
/** Patronymic connectors: bin/ibn/bint/ben/bent/ould/walad (son/daughter of). */
export const CONNECTORS: ReadonlySet<string> = new Set([
  'BIN',
  'IBN',
  'BINT',
  'BEN',
  'BENT',
  'OULD',
  'WALAD',
  'BINTI',
  'BINTE',
]);

const ABD = /^AB(?:D|DU|DUE|DE|DA|DO|DOU|DI)(L|R|S|N|Z|T|D|SH)?$/;
const ABD_CONCAT = /^ABD(?:UE|U|E|A|O|OU|I)?(L|R|S|N|Z|T|D)?(?=[A-Z]{3,})/;
const ALLAH = /^(?:ABD)?(?:ULLAH|ULLA|ALLAH|ALLA|OLLAH|OLLA|ELLAH|ELLA)$/;

/**
 * Canonical joined form of a name's tokens for matching: articles and connectors removed, the
 * Abd-compounds joined ("Abdel Rahman", "Abd al-Rahman", "Abdulrahman", "Abdurrahman" → ABDRAHMAN,
 * "Abdullah"/"Abd Allah" → ABDALLAH) and everything concatenated, so hyphen, space and
 * concatenation compare equal ("Al Srour", "Al-Srour", "Alsrour" → SROUR).
 */
export function canonicalTokens(
  tokens: readonly string[],
  options: { stripAttachedArticles?: boolean } = {},
): string[] {
  const strip = options.stripAttachedArticles === true ? stripArticlePrefix : (t: string) => t;
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    if (CONNECTORS.has(t) && tokens.length > 1) continue;
    // "Abd" written apart: Abdel / Abdul / Abd + (article) + name.
    if (ABD.test(t) && i + 1 < tokens.length) {
      let j = i + 1;
      if (ARTICLES.has(tokens[j] ?? '') && j + 1 < tokens.length) j++;
      out.push(abdCompound(tokens[j] ?? ''));
      i = j;
      continue;
    }
    if (ARTICLES.has(t) && i + 1 < tokens.length) continue;
    out.push(abdConcatenated(strip(t)));
  }
  return out;
}

function abdCompound(rest: string): string {
  if (ALLAH.test(rest) || rest === 'LLAH' || rest === 'ALLAH') return 'ABDALLAH';
  return `ABD${dedupeInitial(stripArticlePrefix(rest))}`;
}

function abdConcatenated(t: string): string {
  if (ALLAH.test(t)) return 'ABDALLAH';
  const m = ABD_CONCAT.exec(t);
  if (m === null) return t;
  const rest = t.slice(m[0].length);
  // Sun-letter assimilation: Abdur-Rahman → ABDU + R + RAHMAN.
  const assimilated = m[1] !== undefined && m[1] !== 'L' && rest.startsWith(m[1]);
  return `ABD${assimilated ? rest : dedupeInitial(rest)}`;
}

function dedupeInitial(s: string): string {
  return s.length > 2 && s[0] === s[1] ? s.slice(1) : s;
}

/** "ALSROUR" → "SROUR", "ELSAYED" → "SAYED"; only when a plausible name (≥ 4 letters) remains. */
export function stripArticlePrefix(t: string): string {
  const m = /^(?:AL|EL|UL)(?=[A-Z]{4,}$)/.exec(t);
  if (m === null) return t;
  return dedupeInitial(t.slice(2));
}

/**
 * Canonical joined form of a name: see {@link canonicalTokens}. An article written apart
 * ("Al Srour", "Al-Srour") is always dropped; one written together ("Alsrour") only with
 * `stripAttachedArticles`, because "Albert" and "Alexander" look the same.
 */
export function canonicalName(
  name: string | undefined,
  options: { stripAttachedArticles?: boolean } = {},
): string {
  return canonicalTokens(tokenize(name), options).join('');
}

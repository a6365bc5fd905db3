/**
 * Field-by-field comparison of a query with a stored person. Each comparison yields a level from a
 * fixed vocabulary; scoring (score.ts) turns levels into weights and explanations.
 */
import { damerauLevenshtein, jaroWinkler } from './distance';
import {
  consonantSkeleton,
  daitchMokotoffCodes,
  foldDocumentNumber,
  koelnerPhonetik,
} from './keys';
import { stripArticlePrefix, toSearchForm } from './normalize';
import type { TeilbekanntesDatum } from './types';
import {
  arabicTranscriptionKey,
  readCyrillicDe,
  readCyrillicIntl,
  umlautVariants,
} from './variants';

// --- tokens --------------------------------------------------------------------------------------

export interface TokenInfo {
  readonly token: string;
  readonly stripped: string;
  readonly umlaut: readonly string[];
  readonly cyrIntl: string;
  readonly cyrDe: string;
  readonly arabic: string | undefined;
  readonly dm: readonly string[];
  readonly koelner: string;
  readonly skeleton: string;
}

const cache = new Map<string, TokenInfo>();
const CACHE_LIMIT = 200_000;

/** Everything needed to compare one search-form token; cached because names repeat a lot. */
export function tokenInfo(token: string, original?: string): TokenInfo {
  const cacheKey = original === undefined ? token : `${token}\u0000${original}`;
  const hit = cache.get(cacheKey);
  if (hit !== undefined) return hit;
  const stripped = stripArticlePrefix(token);
  const info: TokenInfo = {
    token,
    stripped,
    umlaut: original === undefined ? [] : umlautVariants(original).map((v) => v.form),
    cyrIntl: readCyrillicIntl(stripped),
    cyrDe: readCyrillicDe(stripped),
    arabic: arabicTranscriptionKey(stripped),
    dm: daitchMokotoffCodes(stripped),
    koelner: koelnerPhonetik(stripped),
    skeleton: consonantSkeleton(stripped),
  };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(cacheKey, info);
  return info;
}

export type TokenLevel =
  | 'identisch'
  | 'umschrift'
  | 'tippfehler1'
  | 'klanggleich'
  | 'tippfehler2'
  | 'aehnlich'
  | 'abweichend';

export const TOKEN_LEVEL_RANK: Readonly<Record<TokenLevel, number>> = {
  identisch: 0,
  umschrift: 1,
  tippfehler1: 2,
  klanggleich: 3,
  tippfehler2: 4,
  aehnlich: 5,
  abweichend: 6,
};

export interface TokenComparison {
  readonly level: TokenLevel;
  /** For 'umschrift': the German label of the scheme that links the two spellings. */
  readonly scheme?: string;
}

/** Guesses which Cyrillic scheme a Latin spelling follows, for the explanation only. */
export function guessCyrillicScheme(token: string): string | undefined {
  if (/SCH|TSCH|W|^J[AEIOU]|OW$|EW$|JEW/.test(token)) return 'dt. Umschrift';
  if (/IY$|YY$/.test(token)) return 'engl. Umschrift';
  if (/^I[AEU]/.test(token)) return 'ICAO 9303';
  if (/ZGH|^Y[EIUA]|[^AEIOU]Y[^AEIOU]|YI$|HR/.test(token)) return 'ukr. Reisepass';
  if (/IU|IA|IE|II$/.test(token)) return 'ICAO 9303';
  if (/Y$|YA|YU|YE/.test(token)) return 'engl. Umschrift';
  return undefined;
}

/** Context of a comparison: whether Arabic/Persian transcription rules may explain a difference. */
export interface CompareContext {
  readonly arabic: boolean;
}
const DEFAULT_CONTEXT: CompareContext = { arabic: true };

const undouble = (s: string) => s.replace(/(.)\1+/g, '$1');
const umlautFold = (s: string) => s.replace(/([AOU])E/g, '$1');

const intersects = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));

export function compareTokens(
  q: TokenInfo,
  c: TokenInfo,
  context: CompareContext = DEFAULT_CONTEXT,
): TokenComparison {
  if (q.token === c.token) return { level: 'identisch' };
  if (q.stripped === c.stripped) return { level: 'umschrift', scheme: 'Artikel al-/el-' };
  if (
    q.umlaut.includes(c.token) ||
    c.umlaut.includes(q.token) ||
    intersects(q.umlaut, c.umlaut) ||
    (/[AOU]E/.test(q.token + c.token) && umlautFold(q.token) === umlautFold(c.token))
  ) {
    return { level: 'umschrift', scheme: 'dt. Umlaut' };
  }
  const minLen = Math.min(q.stripped.length, c.stripped.length);
  // A doubled letter alone is a typo, not a different transliteration.
  const onlyDoubling = undouble(q.stripped) === undouble(c.stripped);
  if (
    minLen >= 3 &&
    !onlyDoubling &&
    (q.cyrIntl === c.cyrIntl ||
      q.cyrDe === c.cyrDe ||
      q.cyrIntl === c.cyrDe ||
      q.cyrDe === c.cyrIntl)
  ) {
    const scheme = guessCyrillicScheme(q.token) ?? guessCyrillicScheme(c.token) ?? 'kyrillisch';
    return { level: 'umschrift', scheme };
  }
  if (context.arabic && !onlyDoubling && q.arabic !== undefined && q.arabic === c.arabic) {
    return { level: 'umschrift', scheme: 'arab. Umschrift' };
  }
  const d = damerauLevenshtein(q.stripped, c.stripped, 2);
  if (d === 1 && minLen >= 3) return { level: 'tippfehler1' };
  if (
    minLen >= 3 &&
    q.koelner === c.koelner &&
    intersects(q.dm, c.dm) &&
    jaroWinkler(q.stripped, c.stripped) >= 0.75
  ) {
    return { level: 'klanggleich' };
  }
  if (d === 2 && minLen >= 5) return { level: 'tippfehler2' };
  if (minLen >= 3 && (q.skeleton === c.skeleton || jaroWinkler(q.stripped, c.stripped) >= 0.9)) {
    return { level: 'aehnlich' };
  }
  return { level: 'abweichend' };
}

// --- names (token sets) --------------------------------------------------------------------------

export type NameLevel = TokenLevel | 'teilweise' | 'fehlt';

export interface NamePair {
  readonly query: string;
  readonly candidate: string;
  readonly comparison: TokenComparison;
}

export interface NameComparison {
  readonly level: NameLevel;
  readonly scheme?: string;
  readonly pairs: readonly NamePair[];
  /** Query tokens without a counterpart. */
  readonly unmatchedQuery: readonly string[];
  readonly unmatchedCandidate: readonly string[];
}

const worst = (levels: readonly TokenComparison[]): TokenComparison =>
  levels.reduce<TokenComparison>(
    (w, l) => (TOKEN_LEVEL_RANK[l.level] > TOKEN_LEVEL_RANK[w.level] ? l : w),
    { level: 'identisch' },
  );

/**
 * Compares two names given as canonical search-form tokens. Tokens are paired greedily by level;
 * the joined forms are compared too, so "MOHYI ALDIN" meets "MOHYIALDIN". The name's level is the
 * worst paired level when every token has a partner, 'teilweise' when only some do.
 */
export function compareNames(
  q: readonly TokenInfo[],
  c: readonly TokenInfo[],
  context: CompareContext = DEFAULT_CONTEXT,
): NameComparison {
  if (q.length === 0 || c.length === 0) {
    return { level: 'fehlt', pairs: [], unmatchedQuery: [], unmatchedCandidate: [] };
  }
  const joinedQ = q.map((t) => t.token).join('');
  const joinedC = c.map((t) => t.token).join('');
  if (joinedQ === joinedC) {
    return {
      level: 'identisch',
      pairs: [{ query: joinedQ, candidate: joinedC, comparison: { level: 'identisch' } }],
      unmatchedQuery: [],
      unmatchedCandidate: [],
    };
  }
  const all: { qi: number; ci: number; comparison: TokenComparison }[] = [];
  q.forEach((qt, qi) =>
    c.forEach((ct, ci) => {
      const comparison = compareTokens(qt, ct, context);
      if (comparison.level !== 'abweichend') all.push({ qi, ci, comparison });
    }),
  );
  all.sort((a, b) => TOKEN_LEVEL_RANK[a.comparison.level] - TOKEN_LEVEL_RANK[b.comparison.level]);
  const usedQ = new Set<number>();
  const usedC = new Set<number>();
  const pairs: NamePair[] = [];
  for (const p of all) {
    if (usedQ.has(p.qi) || usedC.has(p.ci)) continue;
    usedQ.add(p.qi);
    usedC.add(p.ci);
    pairs.push({ query: q[p.qi]!.token, candidate: c[p.ci]!.token, comparison: p.comparison });
  }
  const unmatchedQuery = q.filter((_, i) => !usedQ.has(i)).map((t) => t.token);
  const unmatchedCandidate = c.filter((_, i) => !usedC.has(i)).map((t) => t.token);
  let result: NameComparison;
  if (pairs.length === 0) {
    result = { level: 'abweichend', pairs, unmatchedQuery, unmatchedCandidate };
  } else {
    const w = worst(pairs.map((p) => p.comparison));
    const complete = unmatchedQuery.length === 0 && unmatchedCandidate.length === 0;
    result = {
      level: complete ? w.level : 'teilweise',
      ...(w.scheme !== undefined ? { scheme: w.scheme } : {}),
      pairs,
      unmatchedQuery,
      unmatchedCandidate,
    };
  }
  // Joined forms: a typo or variant across a split ("ABDULRAHMAN" / "ABDUL RAHMAN" → canonical).
  if (q.length > 1 || c.length > 1) {
    const joined = compareTokens(tokenInfo(joinedQ), tokenInfo(joinedC), context);
    if (
      joined.level !== 'abweichend' &&
      ((result.level === 'teilweise' && TOKEN_LEVEL_RANK[joined.level] <= 3) ||
        result.level === 'abweichend' ||
        TOKEN_LEVEL_RANK[joined.level] < TOKEN_LEVEL_RANK[result.level as TokenLevel])
    ) {
      return {
        level: joined.level,
        ...(joined.scheme !== undefined ? { scheme: joined.scheme } : {}),
        pairs: [{ query: joinedQ, candidate: joinedC, comparison: joined }],
        unmatchedQuery: [],
        unmatchedCandidate: [],
      };
    }
  }
  return result;
}

// --- birth date ----------------------------------------------------------------------------------

export type DateLevel =
  | 'identisch'
  | 'platzhalter'
  | 'jahr-monat'
  | 'jahr'
  | 'platzhalter-jahr'
  | 'tag-monat-vertauscht'
  | 'jahr-plusminus1'
  | 'ziffer'
  | 'fehlt'
  | 'jahr-gleich-sonst-abweichend'
  | 'abweichend';

export function isFullDate(
  d: TeilbekanntesDatum,
): d is Required<Pick<TeilbekanntesDatum, 'jahr' | 'monat' | 'tag'>> {
  return d.jahr !== undefined && d.monat !== undefined && d.tag !== undefined;
}

/** 01.01. is a placeholder in the register (~400,000 people): weak evidence (domain.md §2). */
export function isPlaceholderDate(d: TeilbekanntesDatum): boolean {
  return d.tag === 1 && d.monat === 1;
}

const digitsDiffer = (a: number, b: number) => {
  const x = String(a).padStart(2, '0');
  const y = String(b).padStart(2, '0');
  return (x[0] !== y[0] ? 1 : 0) + (x[1] !== y[1] ? 1 : 0);
};

export function compareDates(q: TeilbekanntesDatum, c: TeilbekanntesDatum): DateLevel {
  if (q.jahr === undefined || c.jahr === undefined) {
    // Without a year nothing is comparable; a known month/day alone is ignored.
    return 'fehlt';
  }
  const qFull = isFullDate(q);
  const cFull = isFullDate(c);
  if (qFull && cFull) {
    if (q.jahr === c.jahr && q.monat === c.monat && q.tag === c.tag) {
      return isPlaceholderDate(q) ? 'platzhalter' : 'identisch';
    }
    if (isPlaceholderDate(q) !== isPlaceholderDate(c) && q.jahr === c.jahr) {
      return 'platzhalter-jahr';
    }
    if (q.jahr === c.jahr && q.monat === c.tag && q.tag === c.monat) return 'tag-monat-vertauscht';
    if (Math.abs(q.jahr - c.jahr) === 1 && q.monat === c.monat && q.tag === c.tag) {
      return 'jahr-plusminus1';
    }
    if (q.jahr === c.jahr && digitsDiffer(q.monat, c.monat) + digitsDiffer(q.tag, c.tag) === 1) {
      return 'ziffer';
    }
    if (q.jahr === c.jahr) return 'jahr-gleich-sonst-abweichend';
    return 'abweichend';
  }
  // At least one side partial: compatible when every part known on both sides agrees.
  if (q.jahr !== c.jahr) {
    return Math.abs(q.jahr - c.jahr) === 1 ? 'jahr-plusminus1' : 'abweichend';
  }
  if (isPlaceholderDate(q) || isPlaceholderDate(c)) return 'platzhalter-jahr';
  if (q.monat === undefined || c.monat === undefined) return 'jahr';
  if (q.monat !== c.monat) return 'jahr-gleich-sonst-abweichend';
  return 'jahr-monat';
}

/**
 * Whether two birth dates do not contradict each other: equal, or equal in every known part, or
 * a 01.01. placeholder in the same year. Used by the must-show rules.
 */
export function datesCompatible(level: DateLevel): boolean {
  return (
    level === 'identisch' ||
    level === 'platzhalter' ||
    level === 'platzhalter-jahr' ||
    level === 'jahr-monat' ||
    level === 'jahr'
  );
}

/** "Only slightly deviating" (§5 Abs. 1 AZRG-DV): compatible, or one typical slip. */
export function datesSlightlyDeviating(level: DateLevel): boolean {
  return (
    datesCompatible(level) ||
    level === 'tag-monat-vertauscht' ||
    level === 'jahr-plusminus1' ||
    level === 'ziffer'
  );
}

// --- other fields --------------------------------------------------------------------------------

export type SimpleLevel = 'identisch' | 'aehnlich' | 'fehlt' | 'abweichend';

export function compareBirthplace(q: string | undefined, c: string | undefined): SimpleLevel {
  const a = toSearchForm(q ?? '').replace(/ /g, '');
  const b = toSearchForm(c ?? '').replace(/ /g, '');
  if (a === '' || b === '') return 'fehlt';
  if (a === b) return 'identisch';
  const t = compareTokens(tokenInfo(a), tokenInfo(b));
  return t.level === 'abweichend' ? 'abweichend' : 'aehnlich';
}

/** Codes 997 staatenlos, 998 ungeklärt, 999 ohne Angabe carry no evidence. */
const NO_EVIDENCE = new Set(['997', '998', '999']);

export function compareNationalities(
  q: readonly string[],
  c: readonly string[],
): { level: 'identisch' | 'fehlt' | 'abweichend'; common?: string } {
  const a = q.filter((x) => !NO_EVIDENCE.has(x));
  const b = c.filter((x) => !NO_EVIDENCE.has(x));
  if (a.length === 0 || b.length === 0) return { level: 'fehlt' };
  const common = a.find((x) => b.includes(x));
  return common !== undefined ? { level: 'identisch', common } : { level: 'abweichend' };
}

export function compareSex(q: string | undefined, c: string | undefined): SimpleLevel {
  const unknown = (x: string | undefined) => x === undefined || x === '' || x === 'x' || x === 'd';
  if (unknown(q) || unknown(c)) return 'fehlt';
  return q === c ? 'identisch' : 'abweichend';
}

export type DocumentLevel = 'identisch' | 'tippfehler1' | 'fehlt' | 'abweichend';

export function compareDocuments(q: readonly string[], c: readonly string[]): DocumentLevel {
  const a = q.map(foldDocumentNumber).filter((x) => x.length >= 5);
  const b = c.map(foldDocumentNumber).filter((x) => x.length >= 5);
  if (a.length === 0 || b.length === 0) return 'fehlt';
  if (a.some((x) => b.includes(x))) return 'identisch';
  if (a.some((x) => b.some((y) => damerauLevenshtein(x, y, 1) === 1))) return 'tippfehler1';
  return 'abweichend';
}

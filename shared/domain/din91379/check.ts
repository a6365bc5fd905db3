import type { Regelverstoss } from '../rules';
import { DIN91379_GROUPS } from './characters';
import { DIN91379_MAX_SEQUENCE_LENGTH, DIN91379_SEARCH_FORM } from './search-form';

/**
 * DIN 91379 character checks for the fields of a Meldung. The data types follow DIN 91379 §5:
 *  - `A` names of natural persons: letters (incl. normative combining sequences) + non-letters N1;
 *  - `B` other names (places, Geschäftszeichen): A + non-letters N2 (digits, punctuation);
 *  - `C` free text: B + N3 + the combining diacritics on their own.
 * Non-Latin scripts are never accepted: they are transliterated before entry (domain.md §2).
 */
export type Din91379Datentyp = 'A' | 'B' | 'C';

/** Scripts whose letters caseworkers are likely to paste, named for the German guidance text. */
export type FremdeSchrift =
  | 'kyrillisch'
  | 'arabisch'
  | 'griechisch'
  | 'hebräisch'
  | 'armenisch'
  | 'georgisch'
  | 'chinesisch/japanisch/koreanisch'
  | 'indisch'
  | 'thailändisch'
  | 'äthiopisch'
  | 'andere';

export type ZeichenFehler =
  | { readonly art: 'SCHRIFT'; readonly schrift: FremdeSchrift; readonly zeichen: string }
  | { readonly art: 'KOMBINATION'; readonly zeichen: string }
  | { readonly art: 'ZEICHEN'; readonly zeichen: string };

/** Every letter and combining sequence of DIN 91379 (normative, NFC). */
export const DIN91379_LETTERS: ReadonlySet<string> = new Set(DIN91379_SEARCH_FORM.keys());

const allowedNonLetters: Readonly<Record<Din91379Datentyp, ReadonlySet<string>>> = {
  A: new Set(DIN91379_GROUPS.bnlreq),
  B: new Set([...DIN91379_GROUPS.bnlreq, ...DIN91379_GROUPS.bnl]),
  C: new Set([
    ...DIN91379_GROUPS.bnlreq,
    ...DIN91379_GROUPS.bnl,
    ...DIN91379_GROUPS.bnlopt,
    ...DIN91379_GROUPS.dc,
  ]),
};

const scripts: readonly [RegExp, FremdeSchrift][] = [
  [/\p{Script=Cyrillic}/u, 'kyrillisch'],
  [/\p{Script=Arabic}/u, 'arabisch'],
  [/\p{Script=Greek}/u, 'griechisch'],
  [/\p{Script=Hebrew}/u, 'hebräisch'],
  [/\p{Script=Armenian}/u, 'armenisch'],
  [/\p{Script=Georgian}/u, 'georgisch'],
  [
    /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u,
    'chinesisch/japanisch/koreanisch',
  ],
  [
    /[\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Malayalam}]/u,
    'indisch',
  ],
  [/\p{Script=Thai}/u, 'thailändisch'],
  [/\p{Script=Ethiopic}/u, 'äthiopisch'],
];

const COMBINING = /^\p{M}$/u;
const LETTER = /^\p{L}$/u;

function scriptOf(ch: string): FremdeSchrift | undefined {
  for (const [pattern, schrift] of scripts) if (pattern.test(ch)) return schrift;
  return LETTER.test(ch) && !/\p{Script=Latin}/u.test(ch) ? 'andere' : undefined;
}

/**
 * Splits NFC text into DIN 91379 units (longest letter or sequence first) and reports the first
 * unit that the data type does not permit; undefined when every character is permitted.
 */
export function checkDin91379(text: string, datentyp: Din91379Datentyp): ZeichenFehler | undefined {
  const chars = [...text.normalize('NFC')];
  const nonLetters = allowedNonLetters[datentyp];
  let i = 0;
  while (i < chars.length) {
    let length = 0;
    for (let len = Math.min(DIN91379_MAX_SEQUENCE_LENGTH, chars.length - i); len >= 1; len--) {
      if (DIN91379_LETTERS.has(chars.slice(i, i + len).join(''))) {
        length = len;
        break;
      }
    }
    const ch = chars[i] ?? '';
    if (length > 0) {
      // A permitted letter followed by a combining mark that formed no permitted sequence with it.
      const next = chars[i + length];
      if (next !== undefined && COMBINING.test(next) && !nonLetters.has(next)) {
        const zeichen = chars.slice(i, i + length + 1).join('');
        return { art: 'KOMBINATION', zeichen };
      }
      i += length;
      continue;
    }
    if (nonLetters.has(ch)) {
      i++;
      continue;
    }
    const schrift = scriptOf(ch);
    if (schrift) return { art: 'SCHRIFT', schrift, zeichen: ch };
    if (COMBINING.test(ch)) {
      const previous = chars[i - 1] ?? '';
      return { art: 'KOMBINATION', zeichen: previous + ch };
    }
    return { art: 'ZEICHEN', zeichen: ch };
  }
  return undefined;
}

const codePoints = (s: string) =>
  [...s].map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);

/** A character error as a broken rule (shared/domain/rules.ts): what is wrong and what to do. */
export function zeichenFehlerRegel(
  fehler: ZeichenFehler,
  datentyp: Din91379Datentyp,
): Regelverstoss {
  const zeichen = fehler.zeichen;
  switch (fehler.art) {
    case 'SCHRIFT':
      return { regel: 'ZEICHEN_SCHRIFT', werte: { schrift: fehler.schrift, zeichen } };
    case 'KOMBINATION':
      return {
        regel: 'ZEICHEN_KOMBINATION',
        werte: { zeichen, codepoints: codePoints(zeichen).join(' ') },
      };
    case 'ZEICHEN':
      return {
        regel: datentyp === 'A' ? 'ZEICHEN_NAME' : 'ZEICHEN',
        werte: { zeichen, codepoints: codePoints(zeichen).join(' ') },
      };
  }
}

/** Letters of the picker, grouped by their base letter (A: A, Á, À, Â, …). */
export function din91379LetterGroups(): ReadonlyMap<string, readonly string[]> {
  const groups = new Map<string, string[]>();
  for (const letter of DIN91379_LETTERS) {
    const base = (DIN91379_SEARCH_FORM.get(letter) ?? letter).charAt(0);
    const key = /[a-z]/.test(letter.normalize('NFD').charAt(0)) ? base.toLowerCase() : base;
    const list = groups.get(key) ?? [];
    list.push(letter);
    groups.set(key, list);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'de')));
}

/**
 * Match keys: the strings a database indexes so that the similar-person search only scores a small
 * candidate set. Keys are computed per stored name form (main name, Geburtsname, aliases, former
 * and other names) and per token; each is prefixed with its kind so one index column can hold them.
 */
import daitchMokotoff from 'talisman/phonetics/daitch-mokotoff.js';
import cologne from 'talisman/phonetics/german/cologne.js';
import { canonicalTokens, stripArticlePrefix, tokenize } from './normalize';
import type { MatchPerson, NameForm, TeilbekanntesDatum } from './types';
import {
  arabicTranscriptionKey,
  readCyrillicDe,
  readCyrillicIntl,
  umlautVariants,
} from './variants';

/** Daitch–Mokotoff Soundex codes (talisman 1.1.4), one or more 6-digit codes. */
export function daitchMokotoffCodes(token: string): string[] {
  if (token === '') return [];
  return daitchMokotoff(token);
}

/** Kölner Phonetik (talisman 1.1.4). */
export function koelnerPhonetik(token: string): string {
  if (token === '') return '';
  return cologne(token);
}

const VOWEL = /[AEIOU]/;

/**
 * Consonant skeleton for Arabic/Persian-origin names: the Arabic transcription key without vowels
 * (short vowels are not written in Arabic script and vary most in transcription). An initial vowel
 * is kept as "*": Mohammed/Muhammad/Mohamad → MHMD, Mehmet → MHMT, Youssef/Yusuf/Jusuf → *SF.
 */
export function consonantSkeleton(token: string): string {
  const key = arabicTranscriptionKey(token.replace(/^J(?=[AEIOU])/, 'Y'));
  if (key === undefined) return token;
  const head = VOWEL.test(key[0] ?? '') ? '*' : (key[0] ?? '');
  return (head + key.slice(1).replace(/[AEIOU]/g, '')).replace(/(.)\1+/g, '$1');
}

/**
 * Document numbers folded for OCR and typing confusions: upper case, only letters and digits,
 * O→0, I→1, S→5, B→8 (ICAO 9303 MRZ numbers mix letters and digits freely).
 */
export function foldDocumentNumber(input: string): string {
  return toUpperAlnum(input).replace(
    /[OISB]/g,
    (c) => ({ O: '0', I: '1', S: '5', B: '8' })[c] ?? c,
  );
}

function toUpperAlnum(input: string): string {
  return input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/** Birth-year bucket keys: the year itself; a query looks up year − 1, year and year + 1. */
export function birthYearKeys(date: TeilbekanntesDatum, spread = 0): string[] {
  if (date.jahr === undefined) return [];
  const out: string[] = [];
  for (let d = -spread; d <= spread; d++) out.push(`J:${date.jahr + d}`);
  return out;
}

/** A full-date key (only for completely known dates). */
export function birthDateKey(date: TeilbekanntesDatum): string | undefined {
  if (date.jahr === undefined || date.monat === undefined || date.tag === undefined)
    return undefined;
  return `D:${date.jahr}-${pad(date.monat)}-${pad(date.tag)}`;
}

export function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** All name forms of a person with the PersonalienArt under which the register reports a hit. */
export function nameForms(person: MatchPerson): NameForm[] {
  const forms: NameForm[] = [
    {
      role: 'grundpersonalien',
      personalienArt: '0',
      familienname: person.familienname,
      vornamen: person.vornamen,
    },
  ];
  if (person.geburtsname !== undefined && person.geburtsname.trim() !== '') {
    forms.push({
      role: 'geburtsname',
      personalienArt: '0',
      familienname: person.geburtsname,
      vornamen: person.vornamen,
    });
  }
  for (const w of person.weitereNamen ?? []) {
    forms.push({
      role: 'weitererName',
      personalienArt: w.personalienArt,
      familienname: w.familienname ?? person.familienname,
      vornamen: w.vornamen ?? person.vornamen,
    });
  }
  return forms;
}

/** The keys of one name token (search form plus its original spelling for umlaut variants). */
export function tokenKeys(token: string, original?: string): string[] {
  const keys = new Set<string>([`N:${token}`]);
  if (original !== undefined) for (const v of umlautVariants(original)) keys.add(`N:${v.form}`);
  const stripped = stripArticlePrefix(token);
  if (stripped !== token) keys.add(`N:${stripped}`);
  if (token.length < 2) return [...keys];
  for (const code of daitchMokotoffCodes(stripped)) keys.add(`DM:${code}`);
  keys.add(`KP:${koelnerPhonetik(stripped)}`);
  keys.add(`CI:${readCyrillicIntl(stripped)}`);
  keys.add(`CD:${readCyrillicDe(stripped)}`);
  const arabic = arabicTranscriptionKey(stripped);
  if (arabic !== undefined) keys.add(`AR:${arabic}`);
  keys.add(`SK:${consonantSkeleton(stripped)}`);
  return [...keys];
}

export interface NameFormKeys {
  readonly role: NameForm['role'];
  readonly personalienArt: NameForm['personalienArt'];
  /** Keys per name token (family and given names together: swapped names must still meet). */
  readonly tokens: readonly { readonly token: string; readonly keys: readonly string[] }[];
}

export interface MatchKeys {
  readonly nameForms: readonly NameFormKeys[];
  readonly dokumentnummern: readonly string[];
  readonly geburtsjahr: readonly string[];
  readonly geburtsdatum?: string;
  /** Every key once, ready for an index table (key, azrNummer). */
  readonly all: readonly string[];
}

/** Tokens of a name form for keying: canonical tokens (particles, Abd-compounds) + the joined form. */
export function nameTokens(familienname: string, vornamen: string): string[] {
  const out = new Set<string>();
  for (const name of [familienname, vornamen]) {
    const raw = tokenize(name);
    const canonical = canonicalTokens(raw);
    for (const t of canonical) out.add(t);
    if (canonical.length > 1) out.add(canonical.join(''));
  }
  return [...out].filter((t) => t.length > 0);
}

/** The keys of a person to be indexed (by the training register) or looked up (by a query). */
export function computeMatchKeys(person: MatchPerson): MatchKeys {
  const all = new Set<string>();
  const forms: NameFormKeys[] = nameForms(person).map((form) => {
    const originals = new Map<string, string>();
    for (const word of `${form.familienname} ${form.vornamen}`.split(/[\s-]+/)) {
      const t = tokenize(word).join('');
      if (t !== '') originals.set(t, word);
    }
    const tokens = nameTokens(form.familienname, form.vornamen).map((token) => {
      const keys = tokenKeys(token, originals.get(token));
      for (const k of keys) all.add(k);
      return { token, keys };
    });
    return { role: form.role, personalienArt: form.personalienArt, tokens };
  });
  const dokumentnummern = (person.dokumentnummern ?? [])
    .map((d) => `P:${foldDocumentNumber(d)}`)
    .filter((k) => k.length > 4);
  for (const k of dokumentnummern) all.add(k);
  const geburtsjahr = birthYearKeys(person.geburtsdatum);
  for (const k of geburtsjahr) all.add(k);
  const geburtsdatum = birthDateKey(person.geburtsdatum);
  if (geburtsdatum !== undefined) all.add(geburtsdatum);
  return {
    nameForms: forms,
    dokumentnummern,
    geburtsjahr,
    ...(geburtsdatum !== undefined ? { geburtsdatum } : {}),
    all: [...all],
  };
}

/** One independent piece of evidence a query looks up: a name token, the date, the year, a document. */
export interface QuerySlot {
  readonly keys: readonly string[];
  /** What sharing at least one key of this slot adds to a candidate's pre-selection count. */
  readonly gain: number;
}

export interface QueryKeys {
  readonly slots: readonly QuerySlot[];
  /** A stored person is pre-selected (and then scored) when its gains reach this sum. */
  readonly threshold: number;
}

/**
 * The keys a similar-person search looks up, grouped into slots so that one name token matching
 * through several keys counts once. A stored person needs two independent agreements — two name
 * tokens, or a name token and the birth date (±1 year counts half) — or one agreeing document
 * number; a one-token query needs one. A database does the same with
 * `SUM(gain) … GROUP BY azrNummer HAVING SUM(gain) >= threshold` over distinct (slot, person).
 */
export function computeQueryKeys(query: MatchPerson): QueryKeys {
  const keys = computeMatchKeys(query);
  const tokenSlots = new Map<string, readonly string[]>();
  for (const form of keys.nameForms) {
    for (const t of form.tokens) tokenSlots.set(t.token, t.keys);
  }
  const slots: QuerySlot[] = [...tokenSlots.values()].map((k) => ({ keys: k, gain: 1 }));
  if (keys.geburtsdatum !== undefined) slots.push({ keys: [keys.geburtsdatum], gain: 1 });
  const years = birthYearKeys(query.geburtsdatum, 1);
  if (years.length > 0) slots.push({ keys: years, gain: 0.5 });
  if (keys.dokumentnummern.length > 0) slots.push({ keys: keys.dokumentnummern, gain: 2 });
  return { slots, threshold: tokenSlots.size <= 1 ? 1 : 1.5 };
}

/**
 * A seeded, AZR-shaped synthetic population: nationality mix like the real register, realistic
 * name pools per nationality (faker locales, transliterated Cyrillic, hand-written Arabic/Persian
 * spelling families), aliases and other name forms, placeholder (01.01.) and partial birth dates
 * at realistic rates, and namesakes who are different people. Exported as a function so the
 * training register's seeding can reuse it. Deterministic for a given seed.
 */
import { allFakers } from '@faker-js/faker';
import type { Faker } from '@faker-js/faker';
import { transliterate } from '../../../shared/matching/translit';
import type { CyrillicScheme } from '../../../shared/matching/translit';
import type {
  MatchCandidate,
  TeilbekanntesDatum,
  WeitererName,
} from '../../../shared/matching/types';
import {
  ALBANIAN_FAMILY,
  ALBANIAN_FEMALE,
  ALBANIAN_MALE,
  ARABIC_FAMILY,
  ARABIC_FEMALE,
  ARABIC_MALE,
  BIRTHPLACES,
  BULGARIAN_FAMILY,
  BULGARIAN_FEMALE,
  BULGARIAN_MALE,
} from './name-pools';
import type { SpellingFamily } from './name-pools';

// --- random numbers ------------------------------------------------------------------------------

/** mulberry32: small, fast, good enough for test data. */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;
export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
export const chance = (rng: Rng, p: number) => rng() < p;
const intBetween = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

// --- nationalities -------------------------------------------------------------------------------

type NameSource =
  | { readonly kind: 'faker'; readonly locale: string }
  | { readonly kind: 'cyrillic'; readonly locale: 'uk' | 'ru'; readonly stored: CyrillicScheme[] }
  | { readonly kind: 'bulgarian' }
  | { readonly kind: 'greek' }
  | { readonly kind: 'arabic' }
  | {
      readonly kind: 'pool';
      readonly male: readonly string[];
      readonly female: readonly string[];
      readonly family: readonly string[];
    };

export interface Nationality {
  /** Short key used in reports (ISO 3166 alpha-3, XKX for Kosovo). */
  readonly key: string;
  /** Destatis Staatsangehörigkeit code. */
  readonly code: string;
  /** Relative share of the population (roughly the AZR's largest groups). */
  readonly weight: number;
  readonly source: NameSource;
  /** Share of birth dates that are placeholder 01.01., year only, or unknown. */
  readonly dates: {
    readonly placeholder: number;
    readonly yearOnly: number;
    readonly unknown: number;
  };
}

const USUAL = { placeholder: 0.015, yearOnly: 0.01, unknown: 0.003 };
const ARAB = { placeholder: 0.12, yearOnly: 0.06, unknown: 0.02 };

export const NATIONALITIES: readonly Nationality[] = [
  { key: 'TUR', code: '163', weight: 13, source: { kind: 'faker', locale: 'tr' }, dates: USUAL },
  {
    key: 'UKR',
    code: '166',
    weight: 11,
    source: {
      kind: 'cyrillic',
      locale: 'uk',
      stored: ['ukr-reisepass', 'ukr-reisepass', 'icao-ukr', 'dt-umschrift'],
    },
    dates: USUAL,
  },
  { key: 'SYR', code: '475', weight: 8, source: { kind: 'arabic' }, dates: ARAB },
  { key: 'ROU', code: '154', weight: 7, source: { kind: 'faker', locale: 'ro' }, dates: USUAL },
  { key: 'POL', code: '152', weight: 7, source: { kind: 'faker', locale: 'pl' }, dates: USUAL },
  {
    key: 'AFG',
    code: '423',
    weight: 4,
    source: { kind: 'arabic' },
    dates: { placeholder: 0.25, yearOnly: 0.15, unknown: 0.04 },
  },
  { key: 'ITA', code: '137', weight: 5, source: { kind: 'faker', locale: 'it' }, dates: USUAL },
  { key: 'IRQ', code: '438', weight: 3.5, source: { kind: 'arabic' }, dates: ARAB },
  { key: 'HRV', code: '130', weight: 4, source: { kind: 'faker', locale: 'hr' }, dates: USUAL },
  { key: 'BGR', code: '125', weight: 4, source: { kind: 'bulgarian' }, dates: USUAL },
  { key: 'GRC', code: '134', weight: 3.5, source: { kind: 'greek' }, dates: USUAL },
  {
    key: 'RUS',
    code: '160',
    weight: 3,
    source: {
      kind: 'cyrillic',
      locale: 'ru',
      stored: ['icao', 'rus-mvd-310', 'rus-gost-52535', 'dt-umschrift'],
    },
    dates: USUAL,
  },
  {
    key: 'XKX',
    code: '150',
    weight: 2.5,
    source: { kind: 'pool', male: ALBANIAN_MALE, female: ALBANIAN_FEMALE, family: ALBANIAN_FAMILY },
    dates: USUAL,
  },
  {
    key: 'IND',
    code: '436',
    weight: 2.5,
    source: { kind: 'faker', locale: 'en_IN' },
    dates: USUAL,
  },
  { key: 'IRN', code: '439', weight: 1.5, source: { kind: 'arabic' }, dates: ARAB },
  {
    key: 'SRB',
    code: '170',
    weight: 2,
    source: { kind: 'faker', locale: 'sr_RS_latin' },
    dates: USUAL,
  },
];

// --- name parts with their alternative spellings (ground truth for the corruption model) ---------

export interface NamePart {
  /** As stored in the register. */
  readonly written: string;
  /** Other real-world spellings of the same name (transliteration, umlaut, diacritics). */
  readonly alternatives: readonly string[];
}

/** Bulgarian official transliteration (Streamlined System, law of 2009) and a German rendering. */
const BG: Readonly<Record<string, readonly [string, string]>> = {
  а: ['a', 'a'],
  б: ['b', 'b'],
  в: ['v', 'w'],
  г: ['g', 'g'],
  д: ['d', 'd'],
  е: ['e', 'e'],
  ж: ['zh', 'sch'],
  з: ['z', 's'],
  и: ['i', 'i'],
  й: ['y', 'j'],
  к: ['k', 'k'],
  л: ['l', 'l'],
  м: ['m', 'm'],
  н: ['n', 'n'],
  о: ['o', 'o'],
  п: ['p', 'p'],
  р: ['r', 'r'],
  с: ['s', 's'],
  т: ['t', 't'],
  у: ['u', 'u'],
  ф: ['f', 'f'],
  х: ['h', 'ch'],
  ц: ['ts', 'z'],
  ч: ['ch', 'tsch'],
  ш: ['sh', 'sch'],
  щ: ['sht', 'scht'],
  ъ: ['a', 'a'],
  ь: ['y', ''],
  ю: ['yu', 'ju'],
  я: ['ya', 'ja'],
};

function bulgarian(name: string, variant: 0 | 1): string {
  let out = '';
  for (const ch of name) {
    const lower = ch.toLowerCase();
    const m = BG[lower]?.[variant] ?? ch;
    out += ch !== lower && m.length > 0 ? m[0]!.toUpperCase() + m.slice(1) : m;
  }
  // German renders a final -ов as -ow (Christow).
  return variant === 1 ? out.replace(/ov$/, 'ow').replace(/ev$/, 'ew') : out;
}

/** Greek → Latin after ELOT 743 (Greek passports), with the common informal alternatives. */
const GREEK: Readonly<Record<string, string>> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
};

function greek(name: string): NamePart {
  const plain = name.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  let out = '';
  const lower = plain.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i]!;
    const next = lower[i + 1];
    let m: string;
    if (ch === 'ο' && next === 'υ') {
      m = 'ou';
      i++;
    } else if ((ch === 'α' || ch === 'ε') && next === 'υ') {
      m = `${GREEK[ch]}v`;
      i++;
    } else if (ch === 'γ' && (next === 'γ' || next === 'ξ' || next === 'χ')) m = 'n';
    else m = GREEK[ch] ?? ch;
    out += m;
  }
  const written = out.charAt(0).toUpperCase() + out.slice(1);
  const alts = new Set([
    written.replace(/^Ch/, 'H').replace(/ch/g, 'h'),
    written.replace(/ou/g, 'u'),
    written.replace(/y/g, 'i'),
  ]);
  alts.delete(written);
  return { written, alternatives: [...alts] };
}

const stripDiacritics = (s: string) =>
  s
    .replace(/ß/g, 'ss')
    .replace(/[łŁ]/g, (c) => (c === 'ł' ? 'l' : 'L'))
    .replace(/[ıİ]/g, (c) => (c === 'ı' ? 'i' : 'I'))
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC');

const germanUmlauts = (s: string) =>
  s.replace(/[äöüÄÖÜ]/g, (c) => ({ ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' })[c] ?? c);

function latinPart(written: string): NamePart {
  const alts = new Set([stripDiacritics(written), germanUmlauts(written)]);
  alts.delete(written);
  return { written, alternatives: [...alts] };
}

function cyrillicPart(cyr: string, stored: CyrillicScheme, locale: 'uk' | 'ru'): NamePart {
  const schemes: CyrillicScheme[] =
    locale === 'uk'
      ? ['ukr-reisepass', 'icao-ukr', 'dt-umschrift']
      : ['icao', 'rus-mvd-310', 'rus-gost-52535', 'bgn-pcgn', 'dt-umschrift'];
  const written = transliterate(cyr, stored);
  const alts = new Set(schemes.map((s) => transliterate(cyr, s)));
  alts.delete(written);
  return { written, alternatives: [...alts] };
}

function spellingPart(rng: Rng, family: SpellingFamily): NamePart {
  // The register mostly holds the common spelling; a third of records hold another one.
  const idx = chance(rng, 0.65) ? 0 : Math.floor(rng() * family.length);
  const written = family[idx]!;
  return { written, alternatives: family.filter((s) => s !== written) };
}

// --- persons -------------------------------------------------------------------------------------

export interface GeneratedPerson extends MatchCandidate {
  /** Ground truth the corruption model needs; not part of what the register stores. */
  readonly herkunft: {
    readonly nationality: string;
    readonly family: readonly NamePart[];
    readonly given: readonly NamePart[];
    readonly birthplaceAlternatives: readonly string[];
    /** The AZR-Nummer of a different person with the same name, if this is a namesake. */
    readonly namesakeOf?: string;
  };
}

export interface PopulationOptions {
  readonly persons: number;
  readonly seed: number;
  /** Share of persons who are namesakes (same name, different person). Default 0.03. */
  readonly namesakeShare?: number;
}

interface Parts {
  family: NamePart[];
  given: NamePart[];
  birthplace?: string;
  birthplaceAlternatives: string[];
}

class NameFactory {
  private readonly fakers = new Map<string, Faker>();
  constructor(
    private readonly rng: Rng,
    private readonly seed: number,
  ) {}

  private faker(locale: string): Faker {
    let f = this.fakers.get(locale);
    if (f === undefined) {
      f = (allFakers as unknown as Record<string, Faker>)[locale];
      if (f === undefined) throw new Error(`faker locale ${locale} missing`);
      f.seed(this.seed ^ hash(locale));
      this.fakers.set(locale, f);
    }
    return f;
  }

  familyPart(nat: Nationality, sex: 'm' | 'w'): NamePart {
    const s = nat.source;
    const rng = this.rng;
    switch (s.kind) {
      case 'faker':
        return latinPart(this.faker(s.locale).person.lastName(sex === 'm' ? 'male' : 'female'));
      case 'cyrillic':
        return cyrillicPart(
          this.faker(s.locale).person.lastName(sex === 'm' ? 'male' : 'female'),
          pick(rng, s.stored),
          s.locale,
        );
      case 'bulgarian': {
        const base = pick(rng, BULGARIAN_FAMILY);
        const cyr = sex === 'w' ? `${base}а` : base;
        return { written: bulgarian(cyr, 0), alternatives: [bulgarian(cyr, 1)] };
      }
      case 'greek':
        return greek(this.faker('el').person.lastName(sex === 'm' ? 'male' : 'female'));
      case 'arabic':
        return spellingPart(rng, pick(rng, ARABIC_FAMILY));
      case 'pool':
        return latinPart(pick(rng, s.family));
    }
  }

  givenPart(nat: Nationality, sex: 'm' | 'w'): NamePart {
    const s = nat.source;
    const rng = this.rng;
    switch (s.kind) {
      case 'faker':
        return latinPart(this.faker(s.locale).person.firstName(sex === 'm' ? 'male' : 'female'));
      case 'cyrillic':
        return cyrillicPart(
          this.faker(s.locale).person.firstName(sex === 'm' ? 'male' : 'female'),
          pick(rng, s.stored),
          s.locale,
        );
      case 'bulgarian': {
        const cyr = pick(rng, sex === 'm' ? BULGARIAN_MALE : BULGARIAN_FEMALE);
        return { written: bulgarian(cyr, 0), alternatives: [bulgarian(cyr, 1)] };
      }
      case 'greek':
        return greek(this.faker('el').person.firstName(sex === 'm' ? 'male' : 'female'));
      case 'arabic':
        return spellingPart(rng, pick(rng, sex === 'm' ? ARABIC_MALE : ARABIC_FEMALE));
      case 'pool':
        return latinPart(pick(rng, sex === 'm' ? s.male : s.female));
    }
  }

  parts(nat: Nationality, sex: 'm' | 'w'): Parts {
    const rng = this.rng;
    const family = [this.familyPart(nat, sex)];
    const given = [this.givenPart(nat, sex)];
    // Second given name: Arabic names often carry the father's name, others a middle name.
    const secondShare = nat.source.kind === 'arabic' ? 0.4 : 0.25;
    if (chance(rng, secondShare)) {
      const second =
        nat.source.kind === 'arabic' ? this.givenPart(nat, 'm') : this.givenPart(nat, sex);
      if (second.written !== given[0]?.written) given.push(second);
    }
    const places = BIRTHPLACES[nat.key];
    if (places !== undefined) {
      const p = pick(rng, places);
      return { family, given, birthplace: p[0], birthplaceAlternatives: p.slice(1) };
    }
    const s = nat.source;
    let city: string | undefined;
    if (s.kind === 'faker') city = this.faker(s.locale).location.city();
    else if (s.kind === 'cyrillic') {
      city = transliterate(this.faker(s.locale).location.city(), s.stored[0]!);
    } else if (s.kind === 'bulgarian')
      city = pick(rng, [
        'Sofia',
        'Plovdiv',
        'Varna',
        'Burgas',
        'Ruse',
        'Stara Zagora',
        'Pleven',
        'Sliven',
      ]);
    else if (s.kind === 'greek') {
      city = pick(rng, ['Athen', 'Thessaloniki', 'Patras', 'Heraklion', 'Larisa', 'Volos']);
    } else if (s.kind === 'pool') {
      city = pick(rng, ['Prishtina', 'Prizren', 'Peja', 'Gjakova', 'Mitrovica', 'Ferizaj']);
    }
    const alternatives = city === undefined ? [] : latinPart(city).alternatives;
    return {
      family,
      given,
      ...(city !== undefined ? { birthplace: city } : {}),
      birthplaceAlternatives: [...alternatives],
    };
  }
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const join = (parts: readonly NamePart[]) => parts.map((p) => p.written).join(' ');

function birthDate(rng: Rng, nat: Nationality): TeilbekanntesDatum {
  // Ages 0–75, most between 18 and 50 (reference year 2026).
  const age = chance(rng, 0.7) ? intBetween(rng, 18, 50) : intBetween(rng, 0, 75);
  const jahr = 2026 - age;
  const r = rng();
  const { placeholder, yearOnly, unknown } = nat.dates;
  if (r < unknown) return {};
  if (r < unknown + yearOnly) return { jahr };
  if (r < unknown + yearOnly + placeholder) return { jahr, monat: 1, tag: 1 };
  if (r < unknown + yearOnly + placeholder + 0.003) return { jahr, monat: intBetween(rng, 1, 12) };
  const monat = intBetween(rng, 1, 12);
  const tag = intBetween(rng, 1, new Date(Date.UTC(jahr, monat, 0)).getUTCDate());
  return { jahr, monat, tag };
}

function documentNumber(rng: Rng): string {
  const letters = 'CFGHJKLMNPRTVWXYZ';
  let s = pick(rng, [...letters]);
  for (let i = 0; i < 8; i++)
    s += chance(rng, 0.8) ? String(intBetween(rng, 0, 9)) : pick(rng, [...letters]);
  return s;
}

function azrNummer(rng: Rng, serial: number): string {
  const yy = intBetween(rng, 5, 25);
  const mm = intBetween(rng, 1, 12);
  const dd = intBetween(rng, 1, 28);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(yy)}${p(mm)}${p(dd)}${String(serial).padStart(6, '0')}`;
}

/** Generates the population. Same options, same persons. */
export function generatePopulation(options: PopulationOptions): GeneratedPerson[] {
  const rng = createRng(options.seed);
  const names = new NameFactory(rng, options.seed);
  const totalWeight = NATIONALITIES.reduce((s, n) => s + n.weight, 0);
  const pickNationality = () => {
    let r = rng() * totalWeight;
    for (const n of NATIONALITIES) {
      r -= n.weight;
      if (r <= 0) return n;
    }
    return NATIONALITIES[0]!;
  };
  const namesakeShare = options.namesakeShare ?? 0.03;
  const out: GeneratedPerson[] = [];
  for (let i = 0; i < options.persons; i++) {
    const sex: 'm' | 'w' = chance(rng, 0.55) ? 'm' : 'w';
    const template = out.length > 10 && chance(rng, namesakeShare) ? pick(rng, out) : undefined;
    const nat =
      template !== undefined
        ? NATIONALITIES.find((n) => n.key === template.herkunft.nationality)!
        : pickNationality();
    const parts = names.parts(
      nat,
      template?.geschlecht === 'w' ? 'w' : template !== undefined ? 'm' : sex,
    );
    const family = template !== undefined ? [...template.herkunft.family] : parts.family;
    const given = template !== undefined ? [...template.herkunft.given] : parts.given;
    const geschlecht: 'm' | 'w' =
      template === undefined ? sex : template.geschlecht === 'w' ? 'w' : 'm';
    const weitereNamen: WeitererName[] = [];
    let geburtsname: string | undefined;
    if (geschlecht === 'w' && nat.source.kind !== 'arabic' && chance(rng, 0.2)) {
      geburtsname = join([names.familyPart(nat, 'w')]);
    }
    if (chance(rng, 0.05)) {
      // Alias: another name altogether (a different family name, sometimes another given name).
      weitereNamen.push({
        personalienArt: '7',
        familienname: join([names.familyPart(nat, geschlecht)]),
        ...(chance(rng, 0.5) ? { vornamen: join([names.givenPart(nat, geschlecht)]) } : {}),
      });
    }
    const withAlternative = family.find((p) => p.alternatives.length > 0);
    if (withAlternative !== undefined && chance(rng, 0.05)) {
      weitereNamen.push({
        personalienArt: '5',
        familienname: pick(rng, withAlternative.alternatives),
      });
    }
    if (chance(rng, 0.02)) {
      weitereNamen.push({
        personalienArt: '4',
        familienname: join([names.familyPart(nat, geschlecht)]),
      });
    }
    const staatsangehoerigkeiten = [nat.code];
    if (chance(rng, 0.03)) staatsangehoerigkeiten.push(pickNationality().code);
    const dokumentnummern = chance(rng, 0.75) ? [documentNumber(rng)] : [];
    const azr = azrNummer(rng, i + 1);
    out.push({
      azrNummer: azr,
      familienname: join(family),
      vornamen: join(given),
      ...(geburtsname !== undefined ? { geburtsname } : {}),
      geburtsdatum: birthDate(rng, nat),
      ...(parts.birthplace !== undefined && chance(rng, 0.95)
        ? { geburtsort: parts.birthplace }
        : {}),
      geschlecht,
      staatsangehoerigkeiten,
      ...(weitereNamen.length > 0 ? { weitereNamen } : {}),
      ...(dokumentnummern.length > 0 ? { dokumentnummern } : {}),
      herkunft: {
        nationality: nat.key,
        family,
        given,
        birthplaceAlternatives: parts.birthplaceAlternatives,
        ...(template !== undefined ? { namesakeOf: template.azrNummer } : {}),
      },
    });
  }
  return out;
}

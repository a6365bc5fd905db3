import { z } from 'zod';
import abrufzweckV6 from './abrufzweck.json';
import geschlechtV1 from './geschlecht.json';
import personalienArtV1 from './personalienart.json';
import staatsangehoerigkeit20210219 from './staatsangehoerigkeit.json';
import trefferkategorieV2 from './trefferkategorie.json';

/**
 * Code lists as versioned data (domain.md §2): XÖV lists change on 1 May and 1 November, and around
 * such a release two versions are valid side by side — the new one from its `validFrom`, the old
 * one until the end of a transition period after that. Logic asks the registry, never a constant.
 * The files are copies of the project's shared code lists (sources and licence in README.md).
 */
export const CODE_LIST_URIS = {
  staatsangehoerigkeit:
    'urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:staatsangehoerigkeit',
  geschlecht: 'urn:xoev-de:xinneres:codeliste:geschlecht',
  abrufzweck: 'urn:de:xauslaender:codelist:azr:abrufzweck',
  personalienArt: 'urn:de:xauslaender:codelist:azr:artpersonalie',
  trefferkategorie: 'urn:de:xauslaender:codelist:azr:trefferkategorie',
} as const;

export type CodeListName = keyof typeof CODE_LIST_URIS;

const isoDate = z.iso.date();

/** A code-list file as published in shared/data/codelists (extra metadata is kept, not used). */
export const codeListFileSchema = z
  .object({
    uri: z.string().min(1),
    version: z.string().min(1),
    valid_from: isoDate.optional(),
    codes: z.array(z.object({ code: z.string().min(1), label: z.string().min(1) }).loose()).min(1),
  })
  .loose();

export interface CodeListVersion {
  readonly uri: string;
  readonly version: string;
  /** First day (ISO date) on which codes of this version may be used. */
  readonly validFrom: string;
  readonly codes: ReadonlyMap<string, string>;
}

/** Reads a code-list file; `validFrom` defaults to the version when the version is a date. */
export function codeListVersionFromFile(data: unknown): CodeListVersion {
  const file = codeListFileSchema.parse(data);
  const validFrom = file.valid_from ?? isoDate.safeParse(file.version).data;
  if (validFrom === undefined)
    throw new Error(`code list ${file.uri} ${file.version}: no valid_from`);
  return {
    uri: file.uri,
    version: file.version,
    validFrom,
    codes: new Map(file.codes.map((entry) => [entry.code, entry.label])),
  };
}

const addDays = (isoDay: string, days: number): string => {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

export interface CodeListRegistryOptions {
  /** Days an old version stays valid after its successor's validFrom (default 92: one quarter). */
  readonly transitionDays?: number;
}

export class CodeListRegistry {
  private readonly byUri = new Map<string, CodeListVersion[]>();
  private readonly transitionDays: number;

  constructor(versions: readonly CodeListVersion[], options: CodeListRegistryOptions = {}) {
    this.transitionDays = options.transitionDays ?? 92;
    for (const version of versions) {
      const list = this.byUri.get(version.uri) ?? [];
      list.push(version);
      this.byUri.set(version.uri, list);
    }
    for (const list of this.byUri.values())
      list.sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1));
  }

  /** The versions valid on `day` (ISO date), newest first: one, or two during a transition. */
  versionsAt(uri: string, day: string): CodeListVersion[] {
    const list = this.byUri.get(uri) ?? [];
    return list.filter((version, index) => {
      if (version.validFrom > day) return false;
      const successor = list[index - 1];
      return successor === undefined || day < addDays(successor.validFrom, this.transitionDays);
    });
  }

  /** The version new entries use on `day`: the newest one already in force. */
  currentVersion(uri: string, day: string): CodeListVersion | undefined {
    return this.versionsAt(uri, day)[0];
  }

  /** A code is valid on `day` if any version valid on that day has it. */
  isValid(uri: string, code: string, day: string): boolean {
    return this.versionsAt(uri, day).some((version) => version.codes.has(code));
  }

  /** The label of a code by the newest valid version that has it. */
  label(uri: string, code: string, day: string): string | undefined {
    for (const version of this.versionsAt(uri, day)) {
      const label = version.codes.get(code);
      if (label !== undefined) return label;
    }
    return undefined;
  }

  /** Every code valid on `day` with its newest label, sorted by label (for pickers). */
  entries(uri: string, day: string): { code: string; label: string }[] {
    const merged = new Map<string, string>();
    for (const version of [...this.versionsAt(uri, day)].reverse())
      for (const [code, label] of version.codes) merged.set(code, label);
    return [...merged]
      .map(([code, label]) => ({ code, label }))
      .sort((a, b) => a.label.localeCompare(b.label, 'de'));
  }
}

/** The code lists shipped with this version of azr-desk. */
export const codeLists = new CodeListRegistry([
  codeListVersionFromFile(staatsangehoerigkeit20210219),
  codeListVersionFromFile(geschlechtV1),
  codeListVersionFromFile(abrufzweckV6),
  codeListVersionFromFile(personalienArtV1),
  codeListVersionFromFile(trefferkategorieV2),
]);

/** Today as an ISO date in the caseworker's local time zone. */
export const isoDay = (date: Date): string =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

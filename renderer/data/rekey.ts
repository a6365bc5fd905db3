import { checkAzrNummer, normalizeAzrNummer } from '../../shared/domain/azr-nummer';

/**
 * Re-keying after a merge in the register (Zusammenführung, domain.md §2): local references to the
 * AZR-Nummer that disappears are moved to the current one. One function for every trigger — a
 * change notice (090030 with `wegfallendeAzrNummer`) and a 090098 whose current AZR-Nummer differs
 * from the one sent — so drafts and pre-checks are re-keyed the same way wherever the news comes
 * from. Every step is idempotent: running it again (after a crash, or for a notice and a 090098
 * telling the same merge) changes nothing more.
 */
export interface RekeyTargets {
  /** The drafts repository: re-keys drafts found through their `a:` blind-index entry. */
  readonly drafts: {
    rekeyAzrNummer(wegfallend: string, bleibend: string): Promise<readonly string[]>;
  };
  /** The pre-check records (candidates, results); returns how many records changed. */
  readonly prechecks: { rekey(wegfallend: string, bleibend: string): Promise<number> };
}

export interface RekeyResult {
  /** Both numbers normalized (no spaces or separators). */
  readonly wegfallend: string;
  readonly bleibend: string;
  /** Ids of the drafts that now carry `bleibend`. */
  readonly entwuerfe: readonly string[];
  /** How many pre-check records changed. */
  readonly vorpruefungen: number;
}

/** A number that is not an AZR-Nummer: never re-key on it (it would match nothing or anything). */
export class InvalidAzrNummerError extends Error {
  constructor(readonly value: string) {
    super('not a valid AZR-Nummer');
    this.name = 'InvalidAzrNummerError';
  }
}

const valid = (input: string) => {
  const nummer = normalizeAzrNummer(input);
  if (checkAzrNummer(nummer) !== undefined) throw new InvalidAzrNummerError(input);
  return nummer;
};

/** Moves every local reference from `wegfallend` to `bleibend`; a no-op when they are equal. */
export async function rekeyAzrNummer(
  targets: RekeyTargets,
  wegfallend: string,
  bleibend: string,
): Promise<RekeyResult> {
  const alt = valid(wegfallend);
  const neu = valid(bleibend);
  if (alt === neu) return { wegfallend: alt, bleibend: neu, entwuerfe: [], vorpruefungen: 0 };
  const entwuerfe = await targets.drafts.rekeyAzrNummer(alt, neu);
  const vorpruefungen = await targets.prechecks.rekey(alt, neu);
  return { wegfallend: alt, bleibend: neu, entwuerfe, vorpruefungen };
}

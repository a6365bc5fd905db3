import type { Grundpersonalien } from '../register-api/common';
import type { DraftContent, DraftStatus } from '../domain/draft/model';
import { toGrundpersonalien } from '../domain/draft/to-meldung';

/** The draft as the pre-check sees it: its content and whether it passes its input rules. */
export interface PrecheckDraft {
  readonly content: DraftContent;
  /** From the drafts repository (`statusOf`); `bereit` when every input rule passes. */
  readonly status: DraftStatus;
}

/**
 * A stable fingerprint of Grundpersonalien: canonical JSON (keys sorted, absent fields dropped) of
 * the Grundpersonalien exactly as the register would see them, i.e. after `toGrundpersonalien`.
 *
 * Deliberately not the DIN 91379 search form or any other normalisation: the register's own
 * matching is not public (domain.md §5), so no client-side equivalence can promise that a "small"
 * change — case, diacritics, inner spaces, the order of the Staatsangehörigkeiten — returns the same
 * Trefferliste. The only safe rule is that any change the register would see invalidates the search
 * (§ 5 Abs. 1 S. 1 AZRG-DV). Leading and trailing spaces the register never sees (the draft mapping
 * trims them), so they do not count. The fingerprint is exact (no hash, no collisions) and stays
 * inside the encrypted draft record.
 */
export function grundpersonalienFingerprint(grundpersonalien: Grundpersonalien): string {
  return canonicalJson(grundpersonalien);
}

/** The fingerprint of the draft's current Grundpersonalien. */
export const draftFingerprint = (draft: PrecheckDraft): string =>
  grundpersonalienFingerprint(toGrundpersonalien(draft.content));

/** The search criterion of the pre-check: the draft's current Grundpersonalien (AZRAnfrage). */
export const precheckSuchkriterium = (draft: PrecheckDraft) => ({
  grundpersonalien: toGrundpersonalien(draft.content),
});

function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}

import type { Zulassung } from '../../../shared/register-api/messages';
import type { RequestPurpose } from '../../data/register/purpose-store';

/**
 * The Abrufzweck of the pre-check's retrievals: 01 "ausländerrechtliche Aufgaben" — the ABH searches
 * before it enters data for its own case (§ 5 Abs. 1 AZRG-DV), under the draft's Geschäftszeichen.
 * Where the authority is not admitted for it, the search runs without a purpose and the register
 * returns Grunddaten only (§ 9 Abs. 4 AZRG-DV) — enough to find similar persons, not for a Lichtbild.
 */
export const PRECHECK_ABRUFZWECK = '01';

export function precheckPurpose(
  geschaeftszeichen: string,
  zulassung: Zulassung | undefined,
): RequestPurpose {
  const gz = geschaeftszeichen.trim();
  const admitted = zulassung?.abrufzwecke.includes(PRECHECK_ABRUFZWECK) ?? true;
  if (!admitted || gz === '') return gz === '' ? {} : { geschaeftszeichen: gz };
  return { abrufzweck: PRECHECK_ABRUFZWECK, geschaeftszeichen: gz };
}

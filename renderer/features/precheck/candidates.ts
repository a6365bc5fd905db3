import type { Hinweis } from '../../../shared/register-api/common';
import type { AnfrageAntwort, Treffer } from '../../../shared/register-api/messages';
import type { Grundpersonalien } from '../../../shared/register-api/common';

/**
 * What the wizard can show of a candidate, from the register's answers held in memory: a hit of
 * the Trefferliste (with the matcher's explanation) or a record read by its AZR-Nummer. Never stored.
 */
export interface CandidateDetails {
  readonly azrNummer: string;
  /** Absent when the register withheld the data (große Sperre). */
  readonly grundpersonalien?: Grundpersonalien;
  readonly personalienArt?: string;
  readonly erklaerung?: Treffer['erklaerung'];
  readonly aktenfuehrendeBehoerde?: string;
  readonly sperre: boolean;
  readonly lichtbildVorhanden: boolean;
  readonly hinweise: readonly Hinweis[];
}

/** Details per AZR-Nummer from a search answer (the best band wins for a person hit twice). */
export function detailsFromAnswer(antwort: AnfrageAntwort): Map<string, CandidateDetails> {
  const details = new Map<string, CandidateDetails>();
  if (antwort.nachrichtentyp === '090003') {
    for (const treffer of antwort.trefferPersonaliensuche) {
      const known = details.get(treffer.azrNummer);
      if (known?.erklaerung && known.erklaerung.band <= treffer.erklaerung.band) continue;
      details.set(treffer.azrNummer, {
        azrNummer: treffer.azrNummer,
        grundpersonalien: treffer.grundpersonalien,
        personalienArt: treffer.personalienArt,
        erklaerung: treffer.erklaerung,
        ...(treffer.aktenfuehrendeBehoerde
          ? { aktenfuehrendeBehoerde: treffer.aktenfuehrendeBehoerde }
          : {}),
        sperre: treffer.uebermittlungssperre.length > 0,
        // The Trefferliste does not say; the register answers the request if there is none.
        lichtbildVorhanden: true,
        hinweise: [],
      });
    }
  } else if (antwort.nachrichtentyp === '090004') {
    details.set(antwort.azrNummer, detailsFromRecord(antwort));
  }
  return details;
}

/** Details from a record read by its AZR-Nummer (090004). */
export function detailsFromRecord(
  antwort: Extract<AnfrageAntwort, { nachrichtentyp: '090004' }>,
): CandidateDetails {
  return {
    azrNummer: antwort.azrNummer,
    grundpersonalien: antwort.grundpersonalien.inhalt,
    ...(antwort.aktenfuehrendeBehoerde
      ? { aktenfuehrendeBehoerde: antwort.aktenfuehrendeBehoerde }
      : {}),
    sperre: antwort.uebermittlungssperre.length > 0,
    lichtbildVorhanden: antwort.lichtbildVorhanden,
    hinweise: antwort.hinweis,
  };
}

/** A number the register answers with a notice only (große Sperre: 090002 with a Hinweis). */
export const withheldDetails = (
  azrNummer: string,
  hinweise: readonly Hinweis[],
): CandidateDetails => ({
  azrNummer,
  sperre: true,
  lichtbildVorhanden: false,
  hinweise,
});

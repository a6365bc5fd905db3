import type { Grundpersonalien, WeiterePersonalien } from '../../../shared/register-api/common';
import type { Gesamtauskunft } from '../../../shared/register-api/messages';
import type { OutboxMeldung } from '../../data/outbox/model';
import {
  codeLabel,
  grundpersonalienFelder,
  grundpersonalienTexte,
  isoToGerman,
} from '../../ui/person-format';

// A stale Referenz-ID (REFERENZ_VERALTET, domain.md §5): what the register holds now against what
// the Folgemeldung would send, and the Folgemeldung rebased onto the register's current version.

type Folgemeldung = Extract<OutboxMeldung, { art: 'folgemeldung' }>['meldung'];

export type DiffField =
  | 'azrNummer'
  | 'referenzId'
  | 'referenzIdWeitere'
  | 'familienname'
  | 'geburtsname'
  | 'vorname'
  | 'geburtsdatum'
  | 'geburtsort'
  | 'geschlecht'
  | 'staatsangehoerigkeit'
  | 'doktorgrad'
  | 'weitereNamen'
  | 'ausweispapiere';

export interface DiffRow {
  readonly feld: DiffField;
  /** '' for "not given". */
  readonly register: string;
  readonly meldung: string;
  readonly abweichend: boolean;
}

/** The words the rows need that are not data (translated by the caller). */
export interface DiffTexte {
  /** A place of birth recorded as unknown. */
  readonly unbekannterOrt: string;
}

// Values read as in the pre-check and the record view (renderer/ui/person-format.ts): code lists
// with their labels, dates in German notation.
function grundpersonalienRows(
  register: Grundpersonalien,
  meldung: Grundpersonalien,
  texte: DiffTexte,
) {
  const a = grundpersonalienTexte(register, texte.unbekannterOrt);
  const b = grundpersonalienTexte(meldung, texte.unbekannterOrt);
  return grundpersonalienFelder.map((feld) => row(feld, a[feld], b[feld]));
}

function weitereRows(register: WeiterePersonalien | undefined, meldung: WeiterePersonalien) {
  // Every attribute the Meldung would write, so that a difference never reads as "gleich".
  const namen = (w: WeiterePersonalien | undefined) =>
    (w?.weitereNamen ?? [])
      .map(
        (n) =>
          `${codeLabel('personalienArt', n.personalienArt)}: ${[n.familienname, n.vorname]
            .filter(Boolean)
            .join(', ')}`,
      )
      .join('; ');
  const papiere = (w: WeiterePersonalien | undefined) =>
    (w?.ausweispapiere ?? [])
      .map((p) =>
        [
          `${p.art} ${p.nummer}`,
          p.ausstellenderStaat ? codeLabel('staatsangehoerigkeit', p.ausstellenderStaat) : '',
          p.gueltigBis ? isoToGerman(p.gueltigBis) : '',
        ]
          .filter(Boolean)
          .join(', '),
      )
      .join('; ');
  return [
    row('weitereNamen', namen(register), namen(meldung)),
    row('ausweispapiere', papiere(register), papiere(meldung)),
  ];
}

const row = (feld: DiffField, register: string, meldung: string): DiffRow => ({
  feld,
  register,
  meldung,
  abweichend: register !== meldung,
});

/** Field by field; only the blocks the Folgemeldung changes (and its target number). */
export function konfliktDiff(
  auskunft: Gesamtauskunft,
  meldung: Folgemeldung,
  texte: DiffTexte,
): DiffRow[] {
  const rows: DiffRow[] = [row('azrNummer', auskunft.azrNummer, meldung.azrNummer)];
  if (meldung.grundpersonalien) {
    rows.push(
      row('referenzId', auskunft.grundpersonalien.referenzId, meldung.grundpersonalien.referenzId),
      ...grundpersonalienRows(
        auskunft.grundpersonalien.inhalt,
        meldung.grundpersonalien.neu,
        texte,
      ),
    );
  }
  if (meldung.weiterePersonalien) {
    rows.push(
      row(
        'referenzIdWeitere',
        auskunft.weiterePersonalien?.referenzId ?? '',
        meldung.weiterePersonalien.referenzId ?? '',
      ),
      ...weitereRows(auskunft.weiterePersonalien?.inhalt, meldung.weiterePersonalien.neu),
    );
  }
  return rows;
}

/**
 * The same Folgemeldung, naming the versions the register holds now (and its current number after
 * a merge). Undefined when the register's answer lacks a block the Meldung changes (e.g. only
 * Grunddaten were delivered): then it cannot be rebased, only abandoned.
 */
export function rebaseFolgemeldung(
  auskunft: Gesamtauskunft,
  meldung: Folgemeldung,
): Folgemeldung | undefined {
  const weitere = meldung.weiterePersonalien;
  if (weitere?.referenzId !== undefined && !auskunft.weiterePersonalien) return undefined;
  return {
    ...meldung,
    azrNummer: auskunft.azrNummer,
    ...(meldung.grundpersonalien
      ? {
          grundpersonalien: {
            ...meldung.grundpersonalien,
            referenzId: auskunft.grundpersonalien.referenzId,
          },
        }
      : {}),
    ...(weitere
      ? {
          weiterePersonalien: {
            ...weitere,
            ...(weitere.referenzId !== undefined && auskunft.weiterePersonalien
              ? { referenzId: auskunft.weiterePersonalien.referenzId }
              : {}),
          },
        }
      : {}),
  };
}

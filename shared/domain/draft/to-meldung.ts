import type { Erstmeldung, Folgemeldung } from '../../register-api/messages';
import type { Grundpersonalien, WeiterePersonalien } from '../../register-api/common';
import { normalizeAzrNummer } from '../azr-nummer';
import type { DraftContent } from './model';
import { normalizeDokumentnummer, readGeburtsdatum } from './validation';

/**
 * Maps a valid draft onto the register's message shapes (XAusländer 090009 / 090010). Call only
 * for drafts with status `bereit`; the register-api schemas check the result once more.
 */
export interface Absender {
  readonly durchfuehrenderSachbearbeiter: string;
  readonly durchfuehrendeBehoerde: string;
}

const optional = (value: string) => {
  const text = value.trim();
  return text === '' ? undefined : text;
};

export function toGrundpersonalien(content: DraftContent): Grundpersonalien {
  const g = content.grundpersonalien;
  const geburtsname = optional(g.geburtsname);
  const doktorgrad = optional(g.doktorgrad);
  const geschlecht = optional(g.geschlecht) as Grundpersonalien['geschlecht'];
  return {
    familienname: g.familienname.trim(),
    ...(geburtsname ? { geburtsname } : {}),
    vorname: g.vorname.trim(),
    geburtsangaben: {
      geburtsort: g.geburtsortUnbekannt ? { unbekannt: true } : { ort: g.geburtsort.trim() },
      geburtsortStaat: g.geburtsland,
      tagDerGeburt: readGeburtsdatum(g.geburtsdatum) ?? {},
    },
    ...(geschlecht ? { geschlecht } : {}),
    ...(doktorgrad ? { doktorgrad } : {}),
    staatsangehoerigkeit: [...g.staatsangehoerigkeit],
  };
}

export function toWeiterePersonalien(content: DraftContent): WeiterePersonalien {
  const w = content.weiterePersonalien;
  return {
    weitereNamen: w.weitereNamen.map((n) => {
      const familienname = optional(n.familienname);
      const vorname = optional(n.vorname);
      return {
        personalienArt: n.personalienArt,
        ...(familienname ? { familienname } : {}),
        ...(vorname ? { vorname } : {}),
      };
    }),
    ausweispapiere: w.ausweispapiere.map((a) => ({
      art: a.art.trim(),
      nummer: normalizeDokumentnummer(a.nummer),
      ...(a.ausstellenderStaat ? { ausstellenderStaat: a.ausstellenderStaat } : {}),
      ...(a.gueltigBis ? { gueltigBis: a.gueltigBis } : {}),
    })),
  };
}

const hasWeiterePersonalien = (content: DraftContent) =>
  content.weiterePersonalien.weitereNamen.length > 0 ||
  content.weiterePersonalien.ausweispapiere.length > 0;

export function toErstmeldung(content: DraftContent, absender: Absender): Erstmeldung {
  return {
    ...absender,
    geschaeftszeichen: content.geschaeftszeichen.trim(),
    grundpersonalien: toGrundpersonalien(content),
    ...(hasWeiterePersonalien(content)
      ? { weiterePersonalien: toWeiterePersonalien(content) }
      : {}),
    nichtIdentischMit: [],
  };
}

/**
 * A Folgemeldung names the Referenz-ID of the data block it changes; the pre-check (next issue)
 * reads it from the register's Gesamtauskunft and passes it here.
 */
export function toFolgemeldung(
  content: DraftContent,
  absender: Absender,
  referenz: { readonly grundpersonalien: string },
): Folgemeldung {
  return {
    ...absender,
    geschaeftszeichen: content.geschaeftszeichen.trim(),
    azrNummer: normalizeAzrNummer(content.azrNummer),
    grundpersonalien: {
      aenderungsArt: '02',
      referenzId: referenz.grundpersonalien,
      neu: toGrundpersonalien(content),
    },
    ...(hasWeiterePersonalien(content)
      ? { weiterePersonalien: { aenderungsArt: '01', neu: toWeiterePersonalien(content) } }
      : {}),
    nichtIdentischMit: [],
  };
}

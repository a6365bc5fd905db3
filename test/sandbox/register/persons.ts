import type { MatchCandidate, MatchPerson, WeitererName } from '../../../shared/matching';
import { toSearchForm } from '../../../shared/matching';
import type { Grundpersonalien, WeiterePersonalien } from '../../../shared/register-api';

/** A stored person as the register's rules see it. */
export interface PersonRecord {
  readonly azrNummer: string;
  readonly grundpersonalien: Grundpersonalien;
  readonly grundpersonalienReferenz: string;
  readonly weiterePersonalien: WeiterePersonalien;
  readonly weiterePersonalienReferenz: string;
  readonly anschrift: { strasse?: string; plz?: string; ort: string } | null;
  readonly anschriftReferenz: string | null;
  readonly aufenthaltsstatus: { status: string; seit?: string } | null;
  readonly aufenthaltsstatusReferenz: string | null;
  readonly aktenfuehrendeBehoerde: string | null;
  readonly uebermittlungssperre: 'normal' | 'gross' | null;
  readonly verarbeitungEingeschraenkt: boolean;
  readonly nichtIdentischMit: readonly string[];
  readonly lichtbild: boolean;
  readonly zusammengefuehrtIn: string | null;
}

/** The register's data in the matching core's terms (names, dates, documents). */
export function toMatchPerson(
  grundpersonalien: Partial<Grundpersonalien> & { familienname: string },
  weitere?: WeiterePersonalien,
): MatchPerson {
  const ort = grundpersonalien.geburtsangaben?.geburtsort;
  return {
    familienname: grundpersonalien.familienname,
    vornamen: grundpersonalien.vorname ?? '',
    ...(grundpersonalien.geburtsname ? { geburtsname: grundpersonalien.geburtsname } : {}),
    geburtsdatum: grundpersonalien.geburtsangaben?.tagDerGeburt ?? {},
    ...(ort && 'ort' in ort ? { geburtsort: ort.ort } : {}),
    ...(grundpersonalien.geschlecht ? { geschlecht: grundpersonalien.geschlecht } : {}),
    staatsangehoerigkeiten: grundpersonalien.staatsangehoerigkeit ?? [],
    weitereNamen: (weitere?.weitereNamen ?? []).map((name): WeitererName => ({
      personalienArt: name.personalienArt,
      ...(name.familienname ? { familienname: name.familienname } : {}),
      ...(name.vorname ? { vornamen: name.vorname } : {}),
    })),
    dokumentnummern: (weitere?.ausweispapiere ?? []).map((papier) => papier.nummer),
  };
}

export const toMatchCandidate = (record: PersonRecord): MatchCandidate => ({
  azrNummer: record.azrNummer,
  ...toMatchPerson(record.grundpersonalien, record.weiterePersonalien),
});

/**
 * "Gleiche Grundpersonalien" for the § 5 Abs. 1 S. 4 AZRG-DV rejection: the same names in the DIN 91379
 * search form and the same birth date with the same parts known. Similar-but-not-equal persons
 * are reported as personalienAehnlich instead.
 */
export function grundpersonalienGleich(a: Grundpersonalien, b: Grundpersonalien): boolean {
  const sameName = (x: string, y: string) => nameKey(x) === nameKey(y);
  const da = a.geburtsangaben.tagDerGeburt;
  const db = b.geburtsangaben.tagDerGeburt;
  return (
    sameName(a.familienname, b.familienname) &&
    sameName(a.vorname, b.vorname) &&
    da.jahr === db.jahr &&
    da.monat === db.monat &&
    da.tag === db.tag
  );
}

const nameKey = (name: string) =>
  toSearchForm(name)
    .split(/[^A-Z]+/)
    .filter(Boolean)
    .sort()
    .join(' ');

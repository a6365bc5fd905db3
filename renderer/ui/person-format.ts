import { CODE_LIST_URIS, codeLists, isoDay } from '../../shared/domain/codelists';
import { formatTeilbekanntesDatum } from '../../shared/domain/teilbekanntes-datum';
import type { Grundpersonalien } from '../../shared/register-api/common';

// How register data read on screen (and later in print): one wording for hit list and record.

type CodeList = keyof typeof CODE_LIST_URIS;

/** "Ukraine (166)": the label of the code list version valid today, with the code itself. */
export function codeLabel(list: CodeList, code: string, day = isoDay(new Date())): string {
  const label = codeLists.label(CODE_LIST_URIS[list], code, day);
  return label === undefined ? code : `${label} (${code})`;
}

/** Family name first, as on the register's printouts: "Shevchenko, Hryhorii". */
export const personName = (gp: Pick<Grundpersonalien, 'familienname' | 'vorname'>) =>
  gp.vorname.trim() === '' ? gp.familienname : `${gp.familienname}, ${gp.vorname}`;

/** Unknown parts as zeros (domain.md §2): "00.11.1992". */
export const geburtsdatum = (gp: Grundpersonalien) =>
  formatTeilbekanntesDatum(gp.geburtsangaben.tagDerGeburt);

export const geburtsort = (gp: Grundpersonalien, unknown: string) => {
  const ort = gp.geburtsangaben.geburtsort;
  const place = 'ort' in ort ? ort.ort : unknown;
  return `${place}, ${codeLabel('staatsangehoerigkeit', gp.geburtsangaben.geburtsortStaat)}`;
};

export const staatsangehoerigkeiten = (gp: Grundpersonalien, none: string) =>
  gp.staatsangehoerigkeit.length === 0
    ? none
    : gp.staatsangehoerigkeit.map((code) => codeLabel('staatsangehoerigkeit', code)).join('; ');

/** ISO date → German notation, without a time zone shift. */
export const isoToGerman = (iso: string) => {
  const [jahr, monat, tag] = iso.slice(0, 10).split('-');
  return `${tag}.${monat}.${jahr}`;
};

/** The Grundpersonalien fields in the order screens list them. */
export const grundpersonalienFelder = [
  'familienname',
  'geburtsname',
  'vorname',
  'geburtsdatum',
  'geburtsort',
  'geschlecht',
  'staatsangehoerigkeit',
  'doktorgrad',
] as const;
export type GrundpersonalienFeld = (typeof grundpersonalienFelder)[number];

/** Each field as it reads on screen (code lists with labels, dates as 00.MM.JJJJ); '' if not given. */
export function grundpersonalienTexte(
  gp: Grundpersonalien,
  unknownPlace: string,
): Readonly<Record<GrundpersonalienFeld, string>> {
  return {
    familienname: gp.familienname,
    geburtsname: gp.geburtsname ?? '',
    vorname: gp.vorname,
    geburtsdatum: geburtsdatum(gp),
    geburtsort: geburtsort(gp, unknownPlace),
    geschlecht: gp.geschlecht ? codeLabel('geschlecht', gp.geschlecht) : '',
    staatsangehoerigkeit: staatsangehoerigkeiten(gp, ''),
    doktorgrad: gp.doktorgrad ?? '',
  };
}

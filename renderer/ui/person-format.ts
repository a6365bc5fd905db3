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

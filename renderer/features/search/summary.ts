import { useTranslation } from 'react-i18next';
import { normalizeAzrNummer } from '../../../shared/domain/azr-nummer';
import { codeLabel } from '../../ui/person-format';
import type { SearchMode } from './criteria';
import type { SearchValues } from './useSearchForm';

/** "Schewtschenko, Grigorij · geboren 14.05.1987 · …": what was searched, for the answer's text. */
export function useSummary() {
  const { t } = useTranslation();
  return (mode: SearchMode, values: SearchValues): string => {
    if (mode === 'azrNummer')
      return t('search.summary.azrNummer', { azrNummer: normalizeAzrNummer(values.azrNummer) });
    if (mode === 'passnummer')
      return t('search.summary.passnummer', { passnummer: values.passnummer.trim() });
    const name = [values.familienname.trim(), values.vorname.trim()].filter(Boolean).join(', ');
    const parts = [name];
    if (values.geburtsdatum.trim())
      parts.push(t('search.summary.geboren', { datum: values.geburtsdatum.trim() }));
    if (values.geburtsort.trim())
      parts.push(t('search.summary.in', { ort: values.geburtsort.trim() }));
    if (values.geburtsland)
      parts.push(
        t('search.summary.land', { land: codeLabel('staatsangehoerigkeit', values.geburtsland) }),
      );
    if (values.geschlecht) parts.push(codeLabel('geschlecht', values.geschlecht));
    for (const code of values.staatsangehoerigkeiten.filter(Boolean))
      parts.push(codeLabel('staatsangehoerigkeit', code));
    return parts.join(' · ');
  };
}

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Regeltext } from '../../shared/domain/rules';

/**
 * The input rules' sentences in the UI's language, for the schemas of shared/domain (drafts,
 * search): a new function when the language changes, so forms rebuild their rules.
 */
export function useRegeltext(): Regeltext {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo<Regeltext>(
    () =>
      ({ regel, werte }) =>
        t(`rules.${regel}`, {
          ...werte,
          ...(werte?.schrift !== undefined
            ? { schrift: t(`rules.schrift.${String(werte.schrift)}`) }
            : {}),
          lng: language,
        }),
    [t, language],
  );
}

import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Hinweis } from '../../shared/register-api/common';

/** Hinweise that mean "data withheld": shown as warnings, never as an empty result. */
const WITHHOLDING = new Set([
  'UEBERMITTLUNGSSPERRE_AUSKUNFT_GESPERRT',
  'VERARBEITUNG_EINGESCHRAENKT',
]);

/**
 * The register's Hinweise in its own words. Screens that show a Hinweis in a dedicated place (the
 * Sperre banner, the Einschränkung notice) pass its key in `shownElsewhere`. No close button:
 * a notice the register attached may not be dismissed.
 */
export function RegisterHinweise({
  hinweise,
  shownElsewhere = [],
}: {
  readonly hinweise: readonly Hinweis[];
  readonly shownElsewhere?: readonly string[];
}) {
  const { t } = useTranslation();
  const rest = hinweise.filter((hinweis) => !shownElsewhere.includes(hinweis.hinweisschluessel));
  return rest.map((hinweis) => (
    <MessageBar
      key={hinweis.hinweisschluessel}
      intent={WITHHOLDING.has(hinweis.hinweisschluessel) ? 'warning' : 'info'}
      layout="multiline"
    >
      <MessageBarBody>
        <MessageBarTitle>{t('record.registerHinweis')}</MessageBarTitle>
        {hinweis.hinweistext}
      </MessageBarBody>
    </MessageBar>
  ));
}

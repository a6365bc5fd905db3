import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

/** Says honestly that an area is not enabled yet, instead of showing made-up content. */
export function UnavailableNotice() {
  const { t } = useTranslation();
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('unavailable.title')}</MessageBarTitle>
        {t('unavailable.body')}
      </MessageBarBody>
    </MessageBar>
  );
}

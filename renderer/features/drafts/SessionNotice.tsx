import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useDraftSession } from '../../app/session/DraftSessionProvider';

/** What the drafts screens show while the key is being fetched or could not be fetched. */
export function SessionNotice() {
  const { t } = useTranslation();
  const { state } = useDraftSession();
  if (state.phase === 'failed')
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('drafts.keyError.title')}</MessageBarTitle>
          {state.code === 'KEY_UNAVAILABLE'
            ? t('drafts.keyError.KEY_UNAVAILABLE')
            : t('drafts.keyError.other')}
        </MessageBarBody>
      </MessageBar>
    );
  return <Spinner size="small" label={t('drafts.starting')} />;
}

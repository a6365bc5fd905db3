import {
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterFailure } from '../../shared/bridge/register';
import { BridgeCallError } from '../data/bridge';

/**
 * What went wrong with a register call, as a sentence the caseworker can act on (style.md: never a
 * code or a stack trace). The register's own Fehlertexte are shown beneath, since they name the
 * rule that was broken; the codes themselves go to the protocol and the log.
 */
export function RegisterFailureNotice({
  failure,
  action,
}: {
  readonly failure: RegisterFailure;
  readonly action?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t(`registerFailure.title.${failure.code}`)}</MessageBarTitle>
        {t(`registerFailure.text.${failure.code}`)}
        {failure.registerFehler.length > 0 && (
          <>
            {' '}
            {t('registerFailure.registerSays')}{' '}
            {failure.registerFehler.map((fehler) => fehler.fehlertext).join(' ')}
          </>
        )}
      </MessageBarBody>
      {action && <MessageBarActions>{action}</MessageBarActions>}
    </MessageBar>
  );
}

/** A call that did not reach main or failed there (the bridge's own error codes). */
export function BridgeErrorNotice({
  error,
  action,
}: {
  readonly error: unknown;
  readonly action?: ReactNode;
}) {
  const { t } = useTranslation();
  const code = error instanceof BridgeCallError ? error.code : 'HANDLER_FAILED';
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>{t(`bridgeError.${code}`)}</MessageBarBody>
      {action && <MessageBarActions>{action}</MessageBarActions>}
    </MessageBar>
  );
}

import { useEffect, useState } from 'react';
import {
  Button,
  Checkbox,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { SendRegular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RegisterFailure } from '../../../shared/bridge/register';
import type { PrecheckPhase } from '../../../shared/precheck';
import { buildMeldung } from '../../../shared/precheck';
import type { Draft } from '../../data/drafts/repository';
import type { PrecheckRecord } from '../../data/precheck/repository';
import type { RequestPurpose } from '../../data/register/purpose-store';
import { startAnfrage } from '../../data/register/queries';
import { BridgeErrorNotice, RegisterFailureNotice } from '../../ui/RegisterFailureNotice';
import { MeldungView } from './MeldungView';
import type { PendingMeldung } from './submit';
import { NO_ABSENDER, pendingMeldung } from './submit';
import { precheckDraftOf } from './usePrecheck';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

/** The record read for a Folgemeldung; `for` is the target it was read for. */
type Referenz = { readonly for: string } & (
  | { readonly state: 'ok'; readonly azrNummer: string; readonly referenzId: string }
  | { readonly state: 'failure'; readonly failure: RegisterFailure }
  | { readonly state: 'error'; readonly error: unknown }
);
type ReferenzView = Referenz | { readonly state: 'loading' };

interface ReviewStepProps {
  readonly draft: Draft;
  readonly record: PrecheckRecord;
  readonly phase: PrecheckPhase;
  readonly purpose: RequestPurpose;
  readonly onSubmit: (pending: PendingMeldung) => Promise<void>;
}

/**
 * Step 3: what will be sent, exactly, and the caseworker's confirmation. A Folgemeldung names the
 * version of the record it changes (Referenz-ID), so the record is read once more here: the
 * Meldung is built against the register's current state, not an old answer.
 */
export function ReviewStep({ draft, record, phase, purpose, onSubmit }: ReviewStepProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const client = useQueryClient();
  const [read, setReferenz] = useState<Referenz | undefined>(undefined);
  const [confirmed, setConfirmed] = useState(false);
  const [sending, setSending] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(undefined);

  const ziel =
    phase.phase === 'ready' && phase.ergebnis.meldung === 'folgemeldung'
      ? phase.ergebnis.azrNummer
      : undefined;
  // An answer read for another target is not this one's: until the new one arrives, "loading".
  const referenz: ReferenzView = read && read.for === ziel ? read : { state: 'loading' };

  useEffect(() => {
    if (ziel === undefined) return;
    let active = true;
    const { done } = startAnfrage(client, { ...purpose, anfrageAZR: { azrNummer: ziel } });
    done.then(
      (outcome) => {
        if (!active) return;
        if (outcome.ergebnis === 'fehler')
          setReferenz({ for: ziel, state: 'failure', failure: outcome.fehler });
        else if (outcome.antwort.nachrichtentyp === '090004')
          setReferenz({
            for: ziel,
            state: 'ok',
            // After a merge the register answers with the current number: send to that one.
            azrNummer: outcome.antwort.azrNummer,
            referenzId: outcome.antwort.grundpersonalien.referenzId,
          });
        else
          setReferenz({
            for: ziel,
            state: 'failure',
            failure: { code: 'REGISTER_ERROR', registerFehler: [] },
          });
      },
      (error: unknown) => active && setReferenz({ for: ziel, state: 'error', error }),
    );
    return () => {
      active = false;
    };
    // Read once per target; purpose changes do not re-read (the caseworker can go back and forth).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ziel, client]);

  if (phase.phase !== 'ready') {
    const built = buildMeldung(record.state, precheckDraftOf(draft), { absender: NO_ABSENDER });
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('precheck.review.notReady')}</MessageBarTitle>
          {!built.ok && (
            <ul>
              {built.missing.map((missing) => (
                <li key={missing.code}>{t(`precheck.errors.${missing.code}`)}</li>
              ))}
            </ul>
          )}
        </MessageBarBody>
      </MessageBar>
    );
  }

  if (ziel !== undefined && referenz.state !== 'ok') {
    return (
      <div className={styles.root}>
        {referenz.state === 'loading' && (
          <Spinner size="small" label={t('precheck.review.readingRecord')} />
        )}
        {referenz.state === 'failure' && <RegisterFailureNotice failure={referenz.failure} />}
        {referenz.state === 'error' && <BridgeErrorNotice error={referenz.error} />}
      </div>
    );
  }

  const built = buildMeldung(record.state, precheckDraftOf(draft), {
    absender: NO_ABSENDER,
    ...(referenz.state === 'ok'
      ? {
          grundpersonalienReferenz: {
            azrNummer: ziel ?? referenz.azrNummer,
            referenzId: referenz.referenzId,
          },
        }
      : {}),
  });
  if (!built.ok)
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <ul>
            {built.missing.map((missing) => (
              <li key={missing.code}>{t(`precheck.errors.${missing.code}`)}</li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
    );
  const pending = pendingMeldung(built);

  const submit = async () => {
    setSending(true);
    setSubmitError(undefined);
    try {
      await onSubmit(pending);
    } catch (error) {
      setSubmitError(error);
    } finally {
      setSending(false);
    }
  };

  return (
    <div className={styles.root}>
      <Text as="p">{t('precheck.review.intro')}</Text>
      <MeldungView pending={pending} />
      <Checkbox
        checked={confirmed}
        onChange={(_, data) => setConfirmed(data.checked === true)}
        label={t('precheck.review.confirm')}
      />
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<SendRegular />}
          disabled={!confirmed || sending}
          onClick={() => void submit()}
        >
          {t('precheck.review.submit')}
        </Button>
        {sending && <Spinner size="tiny" label={t('precheck.review.submitting')} />}
      </div>
      <Text size={200}>{t('precheck.review.afterSubmit')}</Text>
      {submitError !== undefined && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{t('precheck.review.submitFailed')}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

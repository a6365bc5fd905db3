import { useEffect, useRef } from 'react';
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Treffer, Zulassung } from '../../../shared/register-api/messages';
import { useAnfrageAnswer } from '../../data/register/queries';
import { BridgeErrorNotice, RegisterFailureNotice } from '../../ui/RegisterFailureNotice';
import { RegisterHinweise } from '../../ui/RegisterHinweise';
import { HitList } from './HitList';
import type { CurrentSearch } from './search-store';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { ...typographyStyles.subtitle1, margin: 0, outline: 'none' },
});

interface OutcomeProps {
  readonly search: CurrentSearch;
  readonly zulassung: Zulassung | undefined;
  readonly onOpen: (treffer: Treffer) => void;
  readonly onRetry: () => void;
}

/**
 * What the register answered to the last search. The heading takes the focus when the answer
 * arrives, so keyboard and screen-reader users land on the result, not back at the form.
 */
export function SearchOutcome({ search, zulassung, onOpen, onRetry }: OutcomeProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const answer = useAnfrageAnswer(search.id);
  const heading = useRef<HTMLHeadingElement>(null);
  const settled = answer.isSuccess || answer.isError;

  useEffect(() => {
    if (settled) heading.current?.focus();
  }, [settled, search.id]);

  const retry = <Button onClick={onRetry}>{t('search.retry')}</Button>;

  const title = (text: string) => (
    <h2 ref={heading} tabIndex={-1} className={styles.heading} id="search-outcome-heading">
      {text}
    </h2>
  );

  if (answer.fetchStatus === 'fetching')
    return (
      <section className={styles.root} aria-busy="true" aria-label={t('search.running')}>
        <Spinner size="small" label={t('search.running')} />
      </section>
    );

  if (answer.isError)
    return (
      <section className={styles.root} aria-labelledby="search-outcome-heading">
        {title(t('search.failedHeading'))}
        <BridgeErrorNotice error={answer.error} action={retry} />
      </section>
    );

  if (!answer.data)
    return (
      <section className={styles.root} aria-labelledby="search-outcome-heading">
        {title(t('search.expiredHeading'))}
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('search.expired')}</MessageBarBody>
        </MessageBar>
      </section>
    );

  const outcome = answer.data;
  if (outcome.ergebnis === 'fehler')
    return (
      <section className={styles.root} aria-labelledby="search-outcome-heading">
        {title(t('search.failedHeading'))}
        <RegisterFailureNotice failure={outcome.fehler} action={retry} />
      </section>
    );

  const antwort = outcome.antwort;
  if (antwort.nachrichtentyp === '090002')
    return (
      <section className={styles.root} aria-labelledby="search-outcome-heading">
        {title(t('search.keinTrefferHeading'))}
        <RegisterHinweise hinweise={antwort.hinweis} />
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('search.keinTreffer')}</MessageBarTitle>
            {t('search.keinTrefferText', { summary: search.summary })}
          </MessageBarBody>
        </MessageBar>
      </section>
    );

  if (antwort.nachrichtentyp === '090004')
    return (
      <section className={styles.root} aria-labelledby="search-outcome-heading">
        {title(t('search.recordHeading'))}
        <Text>{t('search.recordOpening', { azrNummer: antwort.azrNummer })}</Text>
      </section>
    );

  const count = antwort.trefferPersonaliensuche.length;
  return (
    <section className={styles.root} aria-labelledby="search-outcome-heading">
      {title(t('search.hitsHeading', { count }))}
      <Text>{t('search.hitsSearched', { summary: search.summary })}</Text>
      <RegisterHinweise hinweise={antwort.hinweis} />
      <HitList
        treffer={antwort.trefferPersonaliensuche}
        zulassung={zulassung}
        onOpen={onOpen}
        label={t('search.hitsLabel', { count })}
      />
    </section>
  );
}

import { useState } from 'react';
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AnfrageResponse } from '../../../shared/bridge/register';
import { toGrundpersonalien } from '../../../shared/domain/draft/to-meldung';
import type { PrecheckPhase } from '../../../shared/precheck';
import { precheckSuchkriterium } from '../../../shared/precheck';
import type { Zulassung } from '../../../shared/register-api/messages';
import type { Draft } from '../../data/drafts/repository';
import { startAnfrage } from '../../data/register/queries';
import { BridgeErrorNotice, RegisterFailureNotice } from '../../ui/RegisterFailureNotice';
import { RegisterHinweise } from '../../ui/RegisterHinweise';
import { GrundpersonalienTable } from './GrundpersonalienTable';
import { precheckPurpose } from './purpose';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

interface SearchStepProps {
  readonly draft: Draft;
  readonly phase: PrecheckPhase;
  readonly zulassung: Zulassung | undefined;
  /** The answer of the last search in memory (undefined after a reload: search again to see it). */
  readonly answer: AnfrageResponse | undefined;
  /** The Meldung is handed over: nothing may be searched or changed any more. */
  readonly readOnly: boolean;
  /** Records a completed search; resolves to an error text when the model refused it. */
  readonly onAnswer: (response: AnfrageResponse) => Promise<string | undefined>;
}

/**
 * Step 1: the search with the draft's current Grundpersonalien — exactly those, shown before they
 * are sent, because § 5 Abs. 1 S. 1 AZRG-DV requires the search for this person as entered.
 */
export function SearchStep({
  draft,
  phase,
  zulassung,
  answer,
  readOnly,
  onAnswer,
}: SearchStepProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const client = useQueryClient();
  const [searching, setSearching] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [refused, setRefused] = useState<string | undefined>(undefined);

  const incomplete = phase.phase === 'draftIncomplete';
  const outdated = phase.phase === 'searchPending' && phase.grund === 'grundpersonalienGeaendert';

  const search = async () => {
    setSearching(true);
    setFailure(undefined);
    setRefused(undefined);
    try {
      const purpose = precheckPurpose(draft.content.geschaeftszeichen, zulassung);
      const { done } = startAnfrage(client, {
        ...purpose,
        lieferungFruehererNamen: true,
        anfrageAZR: precheckSuchkriterium({ content: draft.content, status: draft.status }),
      });
      const response = await done;
      setRefused(await onAnswer(response));
    } catch (error) {
      setFailure(error);
    } finally {
      setSearching(false);
    }
  };

  const registerFailure = answer?.ergebnis === 'fehler' ? answer.fehler : undefined;
  const antwort = answer?.ergebnis === 'antwort' ? answer.antwort : undefined;

  return (
    <div className={styles.root}>
      {incomplete && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('precheck.errors.DRAFT_INCOMPLETE')}</MessageBarBody>
        </MessageBar>
      )}
      {outdated && (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>{t('precheck.errors.SEARCH_OUTDATED')}</MessageBarBody>
        </MessageBar>
      )}
      <Text as="p">{t('precheck.search.intro')}</Text>
      <GrundpersonalienTable
        caption={t('precheck.search.tableCaption')}
        grundpersonalien={toGrundpersonalien(draft.content)}
      />
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<SearchRegular />}
          disabled={incomplete || searching || readOnly}
          onClick={() => void search()}
        >
          {phase.phase === 'searchPending' || incomplete
            ? t('precheck.search.run')
            : t('precheck.search.again')}
        </Button>
        {searching && <Spinner size="tiny" label={t('precheck.search.running')} />}
      </div>
      <div role="status" aria-live="polite">
        {antwort && !refused && (
          <Text>
            {antwort.nachrichtentyp === '090002'
              ? t('precheck.search.none')
              : antwort.nachrichtentyp === '090003'
                ? t('precheck.search.found', { count: antwort.trefferPersonaliensuche.length })
                : t('precheck.search.record', { azrNummer: antwort.azrNummer })}
          </Text>
        )}
      </div>
      {antwort && <RegisterHinweise hinweise={antwort.hinweis} />}
      {registerFailure && <RegisterFailureNotice failure={registerFailure} />}
      {failure !== undefined && <BridgeErrorNotice error={failure} />}
      {refused && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{refused}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

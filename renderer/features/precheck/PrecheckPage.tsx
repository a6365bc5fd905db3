import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { ArrowLeftRegular, ArrowRightRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { AnfrageResponse } from '../../../shared/bridge/register';
import { toGrundpersonalien } from '../../../shared/domain/draft/to-meldung';
import type { EntscheidungEingabe, PrecheckEvent, PrecheckPhase } from '../../../shared/precheck';
import {
  buildDatenpflegeAnfrage,
  offeneKandidaten,
  precheckPhase,
  precheckSuchkriterium,
  summarizeForProtocol,
} from '../../../shared/precheck';
import { getBridge, unwrap } from '../../data/bridge';
import { useRegisterStatus } from '../../data/register/queries';
import { AreaPage } from '../../ui/AreaPage';
import { isoToGerman, personName } from '../../ui/person-format';
import { SessionNotice } from '../drafts/SessionNotice';
import { CandidateCard } from './CandidateCard';
import type { CandidateDetails } from './candidates';
import { detailsFromAnswer } from './candidates';
import { handOverDatenpflege, handOverMeldung } from './hand-over';
import { ParkAndDuplicate, ParkedBanner } from './ParkAndDuplicate';
import { precheckPurpose } from './purpose';
import { ReviewStep } from './ReviewStep';
import { SearchStep } from './SearchStep';
import { NO_ABSENDER, pendingDatenpflege } from './submit';
import type { PendingMeldung } from './submit';
import { precheckDraftOf, usePrecheck } from './usePrecheck';

const useStyles = makeStyles({
  steps: {
    display: 'flex',
    gap: tokens.spacingHorizontalL,
    listStyle: 'none',
    margin: 0,
    padding: 0,
    flexWrap: 'wrap',
  },
  stepItem: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground2,
  },
  stepCurrent: {
    borderBottomColor: tokens.colorBrandStroke1,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  stepHeading: { ...typographyStyles.title3, margin: 0, outline: 'none' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  nav: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  candidates: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

const STEPS = ['suche', 'entscheidung', 'pruefen'] as const;
type Step = (typeof STEPS)[number];

/** Where the wizard opens: the first step that still needs the caseworker. */
function stepFor(phase: PrecheckPhase): Step {
  switch (phase.phase) {
    case 'draftIncomplete':
    case 'searchPending':
      return 'suche';
    case 'candidatesToDecide':
    case 'parked':
      return 'entscheidung';
    case 'ready':
      return 'pruefen';
  }
}

/**
 * `/entwuerfe/:id/vorpruefung`: the § 5 Abs. 1 AZRG-DV pre-check of one draft as a wizard — search
 * with the draft's current Grundpersonalien, decide every similar person, review exactly what will
 * be sent, hand it to the outbox. Each step's heading takes the focus, so screen-reader users hear
 * where they are ("Schritt 2 von 3").
 */
export function PrecheckPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { load, dispatch, reload, session, now } = usePrecheck(id);
  const status = useRegisterStatus();
  const zulassung = status.data?.zulassung;
  // The step the caseworker chose, and the rejection it was chosen under (see `current`).
  const [chosen, setChosen] = useState<
    { readonly step: Step; readonly abweisung: string | undefined } | undefined
  >(undefined);
  const [answer, setAnswer] = useState<AnfrageResponse | undefined>(undefined);
  const [details, setDetails] = useState<ReadonlyMap<string, CandidateDetails>>(new Map());
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const [protocolError, setProtocolError] = useState(false);

  const ready = load.phase === 'ready' ? load : undefined;
  const phase = ready ? precheckPhase(ready.record.state, precheckDraftOf(ready.draft)) : undefined;
  // When the register rejects the Erstmeldung naming persons with equal Grundpersonalien, whatever
  // step was open, the wizard goes back to the decisions, where those persons now wait.
  const abgewiesenAm = ready?.record.state.abweisung?.am;
  const current: Step =
    chosen && chosen.abweisung === abgewiesenAm ? chosen.step : phase ? stepFor(phase) : 'suche';
  const setStep = (next: Step | undefined) =>
    setChosen(next === undefined ? undefined : { step: next, abweisung: abgewiesenAm });
  const stepIndex = STEPS.indexOf(current);

  // Focus the step's heading whenever the step changes (not on the first render: the area's
  // heading has it then).
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    stepHeading.current?.focus();
  }, [current]);

  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const [nummer, d] of details)
      if (d.grundpersonalien) map.set(nummer, personName(d.grundpersonalien));
    return map;
  }, [details]);

  if (!session)
    return (
      <AreaPage title={t('precheck.title')} description={t('precheck.description')}>
        <SessionNotice />
      </AreaPage>
    );
  if (!ready || !phase) {
    return (
      <AreaPage title={t('precheck.title')} description={t('precheck.description')}>
        {load.phase === 'loading' ? (
          <Spinner size="small" label={t('drafts.starting')} />
        ) : (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              {t(load.phase === 'notFound' ? 'draft.notFound' : 'draft.tampered')}
            </MessageBarBody>
          </MessageBar>
        )}
      </AreaPage>
    );
  }

  const { draft, record } = ready;
  const precheckDraft = precheckDraftOf(draft);
  const purpose = precheckPurpose(draft.content.geschaeftszeichen, zulassung);
  const sent = record.uebermittlung !== null;
  const readOnly = sent || draft.stage !== undefined;
  const draftName = personName(toGrundpersonalien(draft.content));
  const offen = offeneKandidaten(record.state).length;

  const act = (event: PrecheckEvent) => dispatch(event);

  const onAnswer = async (response: AnfrageResponse) => {
    setAnswer(response);
    if (response.ergebnis !== 'antwort') return undefined;
    const error = await dispatch({
      type: 'searchCompleted',
      gesucht: precheckSuchkriterium(precheckDraft).grundpersonalien,
      antwort: response.antwort,
    });
    if (error) return t(`precheck.errors.${error.code}`);
    setDetails(detailsFromAnswer(response.antwort));
    setStep('entscheidung');
    return undefined;
  };

  const onDecide = (azrNummer: string, eingabe: EntscheidungEingabe) =>
    dispatch(
      { type: 'decide', azrNummer, entscheidung: eingabe },
      {
        // The decision is protocolled first: one that the protocol does not have is not recorded.
        beforeSave: async (state) => {
          const kandidat = state.kandidaten.find((k) => k.azrNummer === azrNummer);
          if (!kandidat?.entscheidung) return;
          setProtocolError(false);
          try {
            await unwrap(
              getBridge().protocol.vorpruefung({
                ...summarizeForProtocol({ ...kandidat, entscheidung: kandidat.entscheidung }),
                geschaeftszeichen: draft.content.geschaeftszeichen.trim(),
              }),
            );
          } catch (error) {
            setProtocolError(true);
            throw error;
          }
        },
      },
    ).catch(() => undefined);

  const submit = async (pending: PendingMeldung) => {
    await handOverMeldung(session, draft.id, pending, draftName, purpose.abrufzweck, now);
    await reload();
  };

  const sendDatenpflege = async () => {
    const built = buildDatenpflegeAnfrage(record.state, precheckDraft, { absender: NO_ABSENDER });
    if (!built.ok) throw new Error(built.missing.map((m) => m.code).join(','));
    await handOverDatenpflege(session, draft.id, pendingDatenpflege(built.anfrage), draftName, now);
    await reload();
  };

  const stepTitle = t(`precheck.step.${current}`);

  return (
    <AreaPage
      title={t('precheck.titleFor', { name: draftName || t('drafts.noName') })}
      description={t('precheck.description')}
      wide
    >
      <nav aria-label={t('precheck.stepsLabel')}>
        <ol className={styles.steps}>
          {STEPS.map((s, index) => (
            <li
              key={s}
              className={mergeClasses(styles.stepItem, s === current && styles.stepCurrent)}
              aria-current={s === current ? 'step' : undefined}
            >
              {t('precheck.stepOf', { n: index + 1, total: STEPS.length })}:{' '}
              {t(`precheck.step.${s}`)}
            </li>
          ))}
        </ol>
      </nav>

      {record.abschluss ? (
        <MessageBar intent="success" layout="multiline" role="status">
          <MessageBarBody>
            <MessageBarTitle>{t('precheck.done.title')}</MessageBarTitle>
            {t('precheck.done.body', {
              azrNummer: record.abschluss.azrNummer,
              date: isoToGerman(record.abschluss.am),
            })}
          </MessageBarBody>
        </MessageBar>
      ) : sent ? (
        <MessageBar intent="info" layout="multiline" role="status">
          <MessageBarBody>
            <MessageBarTitle>{t('precheck.sent.title')}</MessageBarTitle>
            {t('precheck.sent.body')} <Link href="#/postausgang">{t('precheck.sent.link')}</Link>
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {record.state.abweisung && !sent && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t('precheck.rejected.title')}</MessageBarTitle>
            {t('precheck.rejected.body', { list: record.state.abweisung.azrNummern.join(', ') })}
          </MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.body}>
        <h2 ref={stepHeading} tabIndex={-1} className={styles.stepHeading}>
          {t('precheck.stepOf', { n: stepIndex + 1, total: STEPS.length })}: {stepTitle}
        </h2>

        {current === 'suche' && (
          <SearchStep
            draft={draft}
            phase={phase}
            zulassung={zulassung}
            answer={answer}
            readOnly={readOnly}
            onAnswer={onAnswer}
          />
        )}

        {current === 'entscheidung' && (
          <div className={styles.candidates}>
            {record.state.geparkt && !readOnly && (
              <ParkedBanner
                geparkt={record.state.geparkt}
                onUnpark={() => act({ type: 'unpark' })}
              />
            )}
            {phase.phase === 'searchPending' || phase.phase === 'draftIncomplete' ? (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  {t(
                    `precheck.errors.${
                      phase.phase === 'draftIncomplete'
                        ? 'DRAFT_INCOMPLETE'
                        : phase.grund === 'grundpersonalienGeaendert'
                          ? 'SEARCH_OUTDATED'
                          : 'SEARCH_MISSING'
                    }`,
                  )}
                </MessageBarBody>
              </MessageBar>
            ) : record.state.kandidaten.length === 0 ? (
              <Text as="p">{t('precheck.candidates.none')}</Text>
            ) : (
              <>
                {!record.state.geparkt && (
                  <Text as="p">
                    {offen > 0
                      ? t('precheck.candidates.open', { count: offen })
                      : t('precheck.candidates.allDecided')}
                  </Text>
                )}
                {record.state.kandidaten.map((kandidat) => (
                  <CandidateCard
                    key={kandidat.azrNummer}
                    kandidat={kandidat}
                    details={details.get(kandidat.azrNummer)}
                    draftGrundpersonalien={toGrundpersonalien(draft.content)}
                    purpose={purpose}
                    readOnly={readOnly || phase.phase === 'parked'}
                    onDetails={(found) =>
                      setDetails((prev) => new Map(prev).set(kandidat.azrNummer, found))
                    }
                    onDecide={(eingabe) => onDecide(kandidat.azrNummer, eingabe)}
                    onWithdraw={() =>
                      act({ type: 'withdrawDecision', azrNummer: kandidat.azrNummer })
                    }
                  />
                ))}
              </>
            )}
            {protocolError && (
              <MessageBar intent="error" layout="multiline" role="alert">
                <MessageBarBody>{t('precheck.decision.protocolFailed')}</MessageBarBody>
              </MessageBar>
            )}
            {!readOnly && record.state.suche !== null && (
              <ParkAndDuplicate
                state={record.state}
                names={names}
                datenpflegeSent={record.datenpflege?.am}
                onPark={(grund) => act({ type: 'park', grund })}
                onReportDuplicate={(azrNummern, begruendung) =>
                  act({ type: 'reportDuplicate', azrNummern, begruendung })
                }
                onWithdrawDuplicate={() => act({ type: 'withdrawDuplicate' })}
                onSendDatenpflege={sendDatenpflege}
              />
            )}
          </div>
        )}

        {current === 'pruefen' &&
          (readOnly ? (
            <Text as="p">{t('precheck.review.readOnly')}</Text>
          ) : (
            <ReviewStep
              draft={draft}
              record={record}
              phase={phase}
              purpose={purpose}
              onSubmit={submit}
            />
          ))}

        <div className={styles.nav}>
          {stepIndex > 0 && (
            <Button icon={<ArrowLeftRegular />} onClick={() => setStep(STEPS[stepIndex - 1])}>
              {t('precheck.back')}
            </Button>
          )}
          {stepIndex < STEPS.length - 1 && (
            <Button
              appearance={current === 'entscheidung' ? 'primary' : 'secondary'}
              icon={<ArrowRightRegular />}
              iconPosition="after"
              disabled={
                current === 'suche'
                  ? phase.phase === 'searchPending' || phase.phase === 'draftIncomplete'
                  : phase.phase !== 'ready'
              }
              onClick={() => setStep(STEPS[stepIndex + 1])}
            >
              {t('precheck.next')}
            </Button>
          )}
          <Button appearance="subtle" onClick={() => void navigate(`/entwuerfe/${draft.id}`)}>
            {t('precheck.toDraft')}
          </Button>
        </div>
      </div>
    </AreaPage>
  );
}

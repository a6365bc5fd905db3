import { useEffect, useState } from 'react';
import {
  Badge,
  Button,
  Caption1,
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
import { ArrowSyncRegular, CheckmarkRegular, MailUnreadRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useDraftSession } from '../../app/session/DraftSessionProvider';
import type { DraftRepository } from '../../data/drafts/repository';
import type { NoticePoller, NoticePollerState } from '../../data/notices/poller';
import type { Notice, NoticeRepository } from '../../data/notices/repository';
import { AreaPage } from '../../ui/AreaPage';
import { useNoticeQuery, useNotices, usePollerState } from './NoticesProvider';

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    flexWrap: 'wrap',
  },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalM,
  },
  item: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  unread: {
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorCompoundBrandStroke}`,
  },
  itemHeader: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
  },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(160px, max-content) 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0 },
  // AZR-Nummern are compared digit by digit: equal-width digits.
  nummer: { fontVariantNumeric: 'tabular-nums' },
  drafts: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

// One formatter per language (building one is the expensive part).
const formats = new Map<string, Intl.DateTimeFormat>();
const formatDateTime = (date: Date, language: string) => {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    formats.set(language, format);
  }
  return format.format(date);
};
const formatTime = (date: Date, language: string) =>
  date.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' });

/**
 * "Mitteilungen": the register's change notices (090030) for this authority, newest first — what
 * happened, the register's recommendation, what azr-desk did locally — with their read state.
 */
export function NoticesArea() {
  const { t } = useTranslation();
  const { state } = useDraftSession();
  const { repository, poller } = useNotices();
  return (
    <AreaPage title={t('areas.notices.title')} description={t('areas.notices.description')} wide>
      {state.phase === 'unlocked' && repository && poller ? (
        <Inbox repository={repository} poller={poller} drafts={state.repository} />
      ) : state.phase === 'failed' ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t('notices.keyError')}</MessageBarBody>
        </MessageBar>
      ) : (
        <Spinner size="small" label={t('notices.starting')} />
      )}
    </AreaPage>
  );
}

const listNotices = (repository: NoticeRepository) => repository.list();

function Inbox({
  repository,
  poller,
  drafts,
}: {
  readonly repository: NoticeRepository;
  readonly poller: NoticePoller;
  readonly drafts: DraftRepository;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const pollerState = usePollerState(poller);
  const { value, error } = useNoticeQuery(repository, listNotices);

  return (
    <>
      <div className={styles.toolbar}>
        <Button
          appearance="primary"
          icon={<ArrowSyncRegular />}
          disabledFocusable={pollerState.polling}
          onClick={() => void poller.pollNow()}
        >
          {t('notices.fetchNow')}
        </Button>
        <PollStatus state={pollerState} />
      </div>
      <PollFailure state={pollerState} />
      {error !== undefined ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t('notices.loadError')}</MessageBarBody>
        </MessageBar>
      ) : value === undefined ? (
        <Spinner size="small" label={t('notices.starting')} />
      ) : (
        <>
          {value.unreadable > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                {t('notices.unreadable', { count: value.unreadable })}
              </MessageBarBody>
            </MessageBar>
          )}
          {value.notices.length === 0 ? (
            <Text as="p">{t('notices.empty')}</Text>
          ) : (
            <ul className={styles.list} aria-label={t('notices.listLabel')}>
              {value.notices.map((notice) => (
                <NoticeItem
                  key={notice.id}
                  notice={notice}
                  repository={repository}
                  drafts={drafts}
                />
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}

/** One polite line: fetching, when last fetched, or not yet. */
function PollStatus({ state }: { readonly state: NoticePollerState }) {
  const { t, i18n } = useTranslation();
  return (
    <Caption1
      role="status"
      aria-live="polite"
      data-testid="notices-poll-status"
      data-last-success={state.lastSuccessAt?.getTime()}
    >
      {state.polling
        ? t('notices.fetching')
        : state.lastSuccessAt
          ? t('notices.lastFetched', { time: formatDateTime(state.lastSuccessAt, i18n.language) })
          : state.failure
            ? ''
            : t('notices.notYetFetched')}
    </Caption1>
  );
}

/** Why the last poll failed, that nothing is lost, and when it is tried again. */
function PollFailure({ state }: { readonly state: NoticePollerState }) {
  const { t, i18n } = useTranslation();
  const { failure } = state;
  if (!failure || state.polling) return null;
  const variant =
    failure.kind === 'register'
      ? failure.code === 'REGISTER_UNREACHABLE'
        ? 'unreachable'
        : 'register'
      : failure.kind;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="notices-poll-failure">
      <MessageBarBody>
        <MessageBarTitle>
          {variant === 'register' && failure.kind === 'register'
            ? t(`registerFailure.title.${failure.code}`)
            : t(`notices.failure.${variant}Title`)}
        </MessageBarTitle>
        {t(`notices.failure.${variant}`)}
        {state.nextPollAt && (
          <> {t('notices.nextAttempt', { time: formatTime(state.nextPollAt, i18n.language) })}</>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

function NoticeItem({
  notice,
  repository,
  drafts,
}: {
  readonly notice: Notice;
  readonly repository: NoticeRepository;
  readonly drafts: DraftRepository;
}) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const [failed, setFailed] = useState(false);
  const { mitteilung, verarbeitung } = notice;
  const headingId = `notice-${notice.id}`;
  const merge = mitteilung.mitteilungsAusloeser === 'ZUSAMMENFUEHRUNG';
  const unread = notice.status === 'neu';

  const setStatus = (status: Notice['status']) => {
    setFailed(false);
    repository.setStatus(notice.id, status).catch(() => setFailed(true));
  };

  return (
    <li
      className={mergeClasses(styles.item, unread && styles.unread)}
      aria-labelledby={headingId}
      data-testid="notice"
    >
      <div className={styles.itemHeader}>
        <h2 id={headingId} className={styles.heading}>
          {t('notices.heading', {
            ausloeser: t(`notices.ausloeser.${mitteilung.mitteilungsAusloeser}`),
            date: formatDateTime(new Date(mitteilung.erstelltAm), i18n.language),
          })}
        </h2>
        <Badge
          appearance={unread ? 'filled' : 'outline'}
          color={unread ? 'brand' : 'success'}
          icon={unread ? <MailUnreadRegular /> : <CheckmarkRegular />}
        >
          {t(`notices.status.${notice.status}`)}
        </Badge>
      </div>
      <dl className={styles.facts}>
        {merge && mitteilung.wegfallendeAzrNummer ? (
          <>
            <dt className={styles.term}>{t('notices.wegfallend')}</dt>
            <dd className={mergeClasses(styles.value, styles.nummer)}>
              {mitteilung.wegfallendeAzrNummer}
            </dd>
            <dt className={styles.term}>{t('notices.aktuell')}</dt>
            <dd className={mergeClasses(styles.value, styles.nummer)}>{mitteilung.azrNummer}</dd>
          </>
        ) : (
          <>
            <dt className={styles.term}>{t('notices.azrNummer')}</dt>
            <dd className={mergeClasses(styles.value, styles.nummer)}>{mitteilung.azrNummer}</dd>
          </>
        )}
        <dt className={styles.term}>{t('notices.empfehlung')}</dt>
        <dd className={styles.value}>
          {mitteilung.handlungsempfehlung ?? t('notices.keineEmpfehlung')}
        </dd>
        <dt className={styles.term}>{t('notices.lokal')}</dt>
        <dd className={styles.value} data-testid="notice-local">
          {!verarbeitung ? (
            t('notices.inArbeit')
          ) : !merge ? (
            t('notices.keineLokaleAenderung')
          ) : verarbeitung.entwuerfe.length === 0 && verarbeitung.vorpruefungen === 0 ? (
            t('notices.nichtsBetroffen')
          ) : (
            <>
              {verarbeitung.entwuerfe.length > 0 && (
                <Text as="p" className={styles.value}>
                  {t('notices.entwuerfe', { count: verarbeitung.entwuerfe.length })}
                </Text>
              )}
              {verarbeitung.vorpruefungen > 0 && (
                <Text as="p" className={styles.value}>
                  {t('notices.vorpruefungen', { count: verarbeitung.vorpruefungen })}
                </Text>
              )}
              {verarbeitung.entwuerfe.length > 0 && (
                <ul className={styles.drafts} aria-label={t('notices.betroffeneEntwuerfe')}>
                  {verarbeitung.entwuerfe.map((id) => (
                    <li key={id}>
                      <DraftLink id={id} drafts={drafts} />
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </dd>
      </dl>
      <div>
        <Button
          icon={unread ? <CheckmarkRegular /> : <MailUnreadRegular />}
          onClick={() => setStatus(unread ? 'erledigt' : 'neu')}
        >
          {t(unread ? 'notices.markDone' : 'notices.markUnread')}
        </Button>
      </div>
      {failed && (
        <MessageBar intent="error">
          <MessageBarBody>{t('notices.markFailed')}</MessageBarBody>
        </MessageBar>
      )}
    </li>
  );
}

/** A re-keyed draft, named as in the drafts list (decrypted only for this link). */
function DraftLink({ id, drafts }: { readonly id: string; readonly drafts: DraftRepository }) {
  const { t } = useTranslation();
  const [name, setName] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let active = true;
    drafts.listEntry(id).then(
      (entry) => {
        if (!active) return;
        const summary = entry.summary;
        const label = summary
          ? [summary.familienname, summary.vorname].filter((part) => part.trim() !== '').join(', ')
          : '';
        setName(label);
      },
      () => active && setName(null),
    );
    return () => {
      active = false;
    };
  }, [drafts, id]);
  if (name === undefined) return null;
  if (name === null) return <Text>{t('notices.draftGone')}</Text>;
  return (
    <Link href={`#/entwuerfe/${id}`}>
      {t('notices.openDraft', { name: name || t('notices.draftUnnamed') })}
    </Link>
  );
}

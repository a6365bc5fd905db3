import { useCallback, useEffect, useState } from 'react';
import {
  Badge,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { BadgeProps } from '@fluentui/react-components';
import { SendRegular, WarningRegular } from '@fluentui/react-icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { OutboxStatus } from '../../data/outbox/model';
import { outboxStatuses } from '../../data/outbox/model';
import type { OutboxCounts, OutboxEntry, OutboxRepository } from '../../data/outbox/repository';
import { useDraftSession } from '../../app/session/DraftSessionProvider';
import { useOutboxControl } from '../../app/session/OutboxWorkerHost';
import { AreaPage } from '../../ui/AreaPage';
import { KonfliktPanel } from './KonfliktPanel';
import { useDataTableStyles } from '../../ui/data-table';

const PAGE = 50;
/** The list follows the worker's writes, but at most this often (a drain writes hundreds). */
const RELOAD_MS = 400;

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    gap: tokens.spacingHorizontalL,
    alignItems: 'end',
    flexWrap: 'wrap',
  },
  small: { color: tokens.colorNeutralForeground3, display: 'block' },
});

const statusColor: Record<OutboxStatus, BadgeProps['color']> = {
  wartet: 'informative',
  'wird-gesendet': 'brand',
  bestaetigt: 'success',
  abgelehnt: 'danger',
  konflikt: 'warning',
};

const timeFormat = new Intl.DateTimeFormat('de-DE', { timeStyle: 'medium' });

/** "Postausgang": the confirmed Meldungen on their way to the register and what became of them. */
export function OutboxArea() {
  const { t } = useTranslation();
  const { state } = useDraftSession();
  return (
    <AreaPage title={t('areas.outbox.title')} description={t('areas.outbox.description')} wide>
      {state.phase === 'unlocked' ? (
        <OutboxWorkspace repository={state.outbox} />
      ) : state.phase === 'failed' ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t('outbox.keyError')}</MessageBarBody>
        </MessageBar>
      ) : state.phase === 'locked' ? (
        <Text as="p">{t('outbox.locked')}</Text>
      ) : (
        <Spinner size="small" label={t('outbox.loading')} />
      )}
    </AreaPage>
  );
}

function OutboxWorkspace({ repository }: { readonly repository: OutboxRepository }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const tableStyles = useDataTableStyles();
  const control = useOutboxControl();
  const [filter, setFilter] = useState<'' | OutboxStatus>('');
  const [limit, setLimit] = useState(PAGE);
  const [data, setData] = useState<
    | {
        counts: OutboxCounts;
        entries: OutboxEntry[];
        total: number;
        waitingBecause: string | undefined;
      }
    | undefined
  >(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [open, setOpen] = useState<string | undefined>(undefined);
  const [version, setVersion] = useState(0);

  // Reload on every write of the repository, throttled.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = repository.subscribe(() => {
      timer ??= setTimeout(() => {
        timer = undefined;
        setVersion((v) => v + 1);
      }, RELOAD_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [repository]);

  useEffect(() => {
    let active = true;
    void Promise.all([
      repository.counts(),
      repository.page({ ...(filter ? { status: filter } : {}), limit }),
      repository.waitingBecause(),
    ]).then(
      ([counts, page, waitingBecause]) => {
        if (!active) return;
        setFailure(undefined);
        setData({ counts, entries: page.entries, total: page.total, waitingBecause });
      },
      () => {
        if (active) setFailure(t('outbox.unreadable'));
      },
    );
    return () => {
      active = false;
    };
  }, [repository, filter, limit, version, t]);

  const act = useCallback(
    async (action: () => Promise<unknown>, done?: string) => {
      setFailure(undefined);
      try {
        await action();
        if (done) setNotice(done);
      } catch {
        setFailure(t('outbox.actionFailed'));
      }
    },
    [t],
  );

  const counts = data?.counts;
  const konfliktEntry = data?.entries.find((e) => e.id === open && e.status === 'konflikt');

  return (
    <>
      <div className={styles.toolbar}>
        <Button
          appearance="primary"
          icon={<SendRegular />}
          disabled={!counts || counts.wartet === 0}
          onClick={() => void act(() => control.sendNow(), t('outbox.sendNowDone'))}
        >
          {t('outbox.sendNow')}
        </Button>
        <Field label={t('outbox.filter')}>
          <Select
            value={filter}
            onChange={(_e, d) => {
              setFilter(d.value as '' | OutboxStatus);
              setLimit(PAGE);
            }}
          >
            <option value="">{t('outbox.all')}</option>
            {outboxStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`outbox.status.${status}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      {/* One polite live region: the counts change as the worker sends; actions say what they did. */}
      <div
        role="status"
        aria-live="polite"
        aria-atomic="true"
        aria-label={t('outbox.summaryLabel')}
      >
        {counts && (
          <Text as="p" data-testid="outbox-summary">
            {t('outbox.summary', {
              wartet: counts.wartet,
              sending: counts['wird-gesendet'],
              bestaetigt: counts.bestaetigt,
              abgelehnt: counts.abgelehnt,
              konflikt: counts.konflikt,
            })}
          </Text>
        )}
        {notice && <Text as="p">{notice}</Text>}
      </div>
      {failure && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}
      {data?.waitingBecause !== undefined && CERTIFICATE_ERRORS.has(data.waitingBecause) && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t(`outbox.certificate.${data.waitingBecause}`)}</MessageBarBody>
        </MessageBar>
      )}

      {konfliktEntry && (
        <KonfliktPanel
          key={konfliktEntry.revision}
          entry={konfliktEntry}
          repository={repository}
          onDone={(message) => {
            setOpen(undefined);
            setNotice(message);
            control.sendNow().catch(() => undefined);
          }}
          onClose={() => setOpen(undefined)}
        />
      )}

      {!data ? (
        <Spinner size="small" label={t('outbox.loading')} />
      ) : data.entries.length === 0 ? (
        <Text as="p">{filter ? t('outbox.noMatch') : t('outbox.empty')}</Text>
      ) : (
        <div className={tableStyles.scroller}>
          <table className={tableStyles.table} aria-label={t('outbox.listLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('outbox.column.geschaeftszeichen')}</th>
                <th scope="col">{t('outbox.column.name')}</th>
                <th scope="col">{t('outbox.column.art')}</th>
                <th scope="col">{t('outbox.column.status')}</th>
                <th scope="col">{t('outbox.column.versuche')}</th>
                <th scope="col">{t('outbox.column.antwort')}</th>
                <th scope="col">{t('outbox.column.aktionen')}</th>
              </tr>
            </thead>
            <tbody>
              {data.entries.map((entry) => (
                <tr key={entry.id} data-outbox-id={entry.id} data-status={entry.status}>
                  <td>{entry.geschaeftszeichen}</td>
                  <td>{entry.anzeige.name}</td>
                  <td>{t(`outbox.art.${entry.art}`)}</td>
                  <td>
                    <Badge appearance="tint" color={statusColor[entry.status]}>
                      {t(`outbox.status.${entry.status}`)}
                    </Badge>
                  </td>
                  <td>
                    {t('outbox.attempts', { count: entry.attempts })}
                    {entry.status === 'wartet' && entry.attempts > 0 && (
                      <span className={styles.small}>
                        {lastErrorText(t, entry.lastError)} ·{' '}
                        {t('outbox.nextAttempt', {
                          time: timeFormat.format(entry.nextAttemptAt),
                        })}
                      </span>
                    )}
                  </td>
                  <td>{answerText(t, entry)}</td>
                  <td>
                    {entry.status === 'wartet' && (
                      <Button
                        size="small"
                        icon={<SendRegular />}
                        aria-label={t('outbox.sendNowEntry', { name: entry.anzeige.name })}
                        onClick={() =>
                          void act(async () => {
                            await repository.retryNow(entry.id);
                            await control.sendNow();
                          }, t('outbox.sendNowDone'))
                        }
                      />
                    )}
                    {entry.status === 'konflikt' && (
                      <Button
                        size="small"
                        icon={<WarningRegular />}
                        onClick={() => setOpen(entry.id)}
                        aria-label={t('outbox.konflikt.open', { name: entry.anzeige.name })}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Text as="p">{t('outbox.shown', { shown: data.entries.length, total: data.total })}</Text>
          {data.entries.length < data.total && (
            <Button onClick={() => setLimit((n) => n + PAGE)}>{t('outbox.more')}</Button>
          )}
        </div>
      )}
    </>
  );
}

const KNOWN_ERRORS = new Set([
  'REGISTER_UNREACHABLE',
  'MALFORMED_ANSWER',
  'CERTIFICATE_MISSING',
  'CERTIFICATE_REJECTED',
  'SERVER_UNTRUSTED',
  'INTERNER_FEHLER',
]);

/** Failures that do not pass by themselves: the IT has to act, the Meldungen wait meanwhile. */
const CERTIFICATE_ERRORS = new Set([
  'CERTIFICATE_MISSING',
  'CERTIFICATE_REJECTED',
  'SERVER_UNTRUSTED',
]);

const lastErrorText = (t: TFunction, code: string | undefined) =>
  t(`outbox.lastError.${code && KNOWN_ERRORS.has(code) ? code : 'other'}`);

const KNOWN_REFUSALS = new Set(['AZR_NUMMER_UNKNOWN', 'PURPOSE_NOT_ADMITTED', 'INVALID_REQUEST']);

/** The register's answer in words: the number it confirmed, or why it refused. */
function answerText(t: TFunction, entry: OutboxEntry): string {
  const outcome = entry.ergebnis?.outcome;
  if (!outcome) return '';
  switch (outcome.status) {
    case 'bestaetigt':
      return outcome.wegfallendeAzrNummer
        ? t('outbox.answer.zusammengefuehrt', {
            azrNummer: outcome.antwort.azrNummer,
            alt: outcome.wegfallendeAzrNummer,
          })
        : t('outbox.answer.bestaetigt', { azrNummer: outcome.antwort.azrNummer });
    case 'konflikt':
      return t('outbox.answer.konflikt', {
        text: outcome.antwort.fehlerfall.map((f) => f.fehlertext).join(' '),
      });
    case 'abgelehnt':
      switch (outcome.grund) {
        case 'personalienGleich':
          return `${outcome.antwort.fehlerfall.map((f) => f.fehlertext).join(' ')} ${t(
            'outbox.answer.personalienGleich',
            { nummern: outcome.antwort.personalienGleich.join(', ') },
          )}`;
        case 'register':
          return outcome.antwort.fehlerfall.map((f) => f.fehlertext).join(' ');
        case 'vorgaenger':
          return t('outbox.answer.vorgaenger');
        case 'fehler':
          return [
            t(`outbox.answer.fehler.${KNOWN_REFUSALS.has(outcome.code) ? outcome.code : 'other'}`),
            ...outcome.registerFehler.map((f) => f.fehlertext),
          ].join(' ');
      }
  }
}

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Badge,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CopyRegular, DeleteRegular, DocumentAddRegular } from '@fluentui/react-icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { DraftKind, DraftStatus } from '../../../shared/domain/draft';
import type { DraftIndexRow } from '../../data/drafts/db';
import type {
  DraftQuery,
  DraftRepository,
  DraftSort,
  DraftSummary,
} from '../../data/drafts/repository';

type ListEntry =
  { readonly row: DraftIndexRow; readonly summary: DraftSummary | undefined } | 'gone';
import { useDraftSession } from '../../app/session/DraftSessionProvider';
import { AreaPage } from '../../ui/AreaPage';
import { SessionNotice } from './SessionNotice';

const ROW_HEIGHT = 64;
const FIRST_PAGE = 40;
const DAY_MS = 24 * 60 * 60 * 1000;

const useStyles = makeStyles({
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  filters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))',
    alignItems: 'start',
    gap: tokens.spacingHorizontalM,
    border: 'none',
    padding: 0,
    margin: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalS },
  scroller: {
    height: '60vh',
    minHeight: '240px',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: {
    position: 'absolute',
    left: 0,
    right: 0,
    display: 'grid',
    gridTemplateColumns: 'minmax(200px, 2fr) minmax(160px, 1.5fr) auto',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `0 ${tokens.spacingHorizontalM}`,
    boxSizing: 'border-box',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  cell: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS },
});

interface Filters {
  readonly name: string;
  readonly geschaeftszeichen: string;
  readonly kind: '' | DraftKind;
  readonly status: '' | DraftStatus;
  readonly age: '' | '7' | '14' | '21';
  readonly sort: DraftSort;
}

const initialFilters: Filters = {
  name: '',
  geschaeftszeichen: '',
  kind: '',
  status: '',
  age: '',
  sort: 'updatedAt',
};

const formatDate = (millis: number, language: string) =>
  new Date(millis).toLocaleDateString(language, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  });

/** The "Entwürfe" area: the virtualized list with filters, new/open/duplicate/discard. */
export function DraftsArea() {
  const { t } = useTranslation();
  const { state } = useDraftSession();
  return (
    <AreaPage title={t('areas.drafts.title')} description={t('areas.drafts.description')}>
      {state.phase === 'unlocked' ? (
        <DraftsWorkspace repository={state.repository} revision={state.revision} />
      ) : (
        <SessionNotice />
      )}
    </AreaPage>
  );
}

function DraftsWorkspace({
  repository,
  revision,
}: {
  readonly repository: DraftRepository;
  readonly revision: number;
}) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const navigate = useNavigate();
  const { policy, now } = useDraftSession();
  const [filters, setFilters] = useState<Filters>(initialFilters);
  // Fixed when the list opens (the policy is loaded before the key): a stable effect dependency.
  const [warnFrom] = useState(
    () => now().getTime() - (policy.retentionDays - policy.warnDays) * DAY_MS,
  );
  const [ids, setIds] = useState<string[] | undefined>(undefined);
  const [complete, setComplete] = useState(false);
  const [expiring, setExpiring] = useState(0);
  const [total, setTotal] = useState(0);
  const [reload, setReload] = useState(0);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [discarding, setDiscarding] = useState<{ id: string; name: string } | undefined>(undefined);
  const [entries] = useState(() => new Map<string, ListEntry>());

  const query = useMemo<DraftQuery>(
    () => ({
      ...(filters.name.trim() ? { name: filters.name } : {}),
      ...(filters.geschaeftszeichen.trim() ? { geschaeftszeichen: filters.geschaeftszeichen } : {}),
      ...(filters.kind ? { kind: filters.kind } : {}),
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.age ? { olderThanDays: Number(filters.age) } : {}),
      sort: filters.sort,
    }),
    [filters],
  );

  useEffect(() => {
    let active = true;
    const unfiltered = Object.keys(query).every((key) => key === 'sort');
    // Unfiltered (how the area opens): paint the first screen from a key cursor at once, then
    // load the full order. With 10,000 drafts the first paint does not wait for all of them.
    const first = unfiltered
      ? repository.firstIds(query, FIRST_PAGE).then((found) => {
          if (active) setIds((current) => (current === undefined ? found : current));
        })
      : Promise.resolve();
    void Promise.all([
      repository.count(),
      repository.countUnchangedSince(new Date(warnFrom)),
      first,
    ]).then(([count, soon]) => {
      if (!active) return;
      setTotal(count);
      setExpiring(soon);
    });
    // The full order only after the first screen painted: it must not queue in front of it.
    void first
      .then(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))))
      .then(() => repository.listIds(query))
      .then((found) => {
        if (!active) return;
        setIds(found);
        setComplete(true);
      });
    return () => {
      active = false;
    };
  }, [repository, query, reload, revision, warnFrom]);

  const act = useCallback(
    async (action: () => Promise<unknown>) => {
      setFailure(undefined);
      try {
        await action();
      } catch {
        setFailure(t('drafts.actionFailed'));
      }
    },
    [t],
  );

  const create = (kind: DraftKind) =>
    act(async () => {
      const draft = await repository.create(kind);
      void navigate(`/entwuerfe/${draft.id}`);
    });

  const set = <K extends keyof Filters>(key: K, value: Filters[K]) =>
    setFilters((f) => ({ ...f, [key]: value }));

  return (
    <>
      <div className={styles.toolbar}>
        <Button
          appearance="primary"
          icon={<DocumentAddRegular />}
          onClick={() => void create('erstmeldung')}
        >
          {t('drafts.newErstmeldung')}
        </Button>
        <Button icon={<DocumentAddRegular />} onClick={() => void create('folgemeldung')}>
          {t('drafts.newFolgemeldung')}
        </Button>
      </div>

      {expiring > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {t('drafts.retentionWarning', {
              count: expiring,
              days: policy.warnDays,
              retention: policy.retentionDays,
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      {failure && (
        <MessageBar intent="error">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}

      <fieldset className={styles.filters}>
        <legend className={styles.legend}>{t('drafts.filters')}</legend>
        <Field label={t('drafts.filterName')} hint={t('drafts.filterNameHint')}>
          <Input value={filters.name} onChange={(_e, d) => set('name', d.value)} type="search" />
        </Field>
        <Field label={t('drafts.filterGeschaeftszeichen')}>
          <Input
            value={filters.geschaeftszeichen}
            onChange={(_e, d) => set('geschaeftszeichen', d.value)}
            type="search"
          />
        </Field>
        <Field label={t('drafts.filterKind')}>
          <Select
            value={filters.kind}
            onChange={(_e, d) => set('kind', d.value as Filters['kind'])}
          >
            <option value="">{t('drafts.all')}</option>
            <option value="erstmeldung">{t('drafts.kind.erstmeldung')}</option>
            <option value="folgemeldung">{t('drafts.kind.folgemeldung')}</option>
          </Select>
        </Field>
        <Field label={t('drafts.filterStatus')}>
          <Select
            value={filters.status}
            onChange={(_e, d) => set('status', d.value as Filters['status'])}
          >
            <option value="">{t('drafts.all')}</option>
            <option value="offen">{t('drafts.status.offen')}</option>
            <option value="bereit">{t('drafts.status.bereit')}</option>
          </Select>
        </Field>
        <Field label={t('drafts.filterAge')}>
          <Select value={filters.age} onChange={(_e, d) => set('age', d.value as Filters['age'])}>
            <option value="">{t('drafts.ageAll')}</option>
            <option value="7">{t('drafts.age7')}</option>
            <option value="14">{t('drafts.age14')}</option>
            <option value="21">{t('drafts.age21')}</option>
          </Select>
        </Field>
        <Field label={t('drafts.sort')}>
          <Select value={filters.sort} onChange={(_e, d) => set('sort', d.value as DraftSort)}>
            <option value="updatedAt">{t('drafts.sortUpdated')}</option>
            <option value="createdAt">{t('drafts.sortCreated')}</option>
            <option value="kind">{t('drafts.sortKind')}</option>
            <option value="status">{t('drafts.sortStatus')}</option>
          </Select>
        </Field>
      </fieldset>

      {ids === undefined ? null : ids.length === 0 ? (
        <Text as="p">{total === 0 ? t('drafts.empty') : t('drafts.noMatch')}</Text>
      ) : (
        <>
          <Caption1 aria-live="polite">
            {t('drafts.count', { count: complete ? ids.length : Math.max(total, ids.length) })}
          </Caption1>
          <VirtualList
            ids={ids}
            count={complete ? ids.length : Math.max(total, ids.length)}
            repository={repository}
            entries={entries}
            expiresAt={(row) => repository.expiresAt(row, policy.retentionDays)}
            warnFrom={warnFrom}
            language={i18n.language}
            onDuplicate={(id) =>
              void act(async () => {
                await repository.duplicate(id);
                setReload((n) => n + 1);
              })
            }
            onDiscard={(id, name) => setDiscarding({ id, name })}
          />
        </>
      )}

      <Dialog
        open={discarding !== undefined}
        onOpenChange={(_e, d) => !d.open && setDiscarding(undefined)}
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('drafts.discardTitle')}</DialogTitle>
            <DialogContent>
              {t('drafts.discardBody', { name: discarding?.name ?? '' })}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  const target = discarding;
                  setDiscarding(undefined);
                  if (target)
                    void act(async () => {
                      await repository.discard(target.id);
                      entries.delete(target.id);
                      setReload((n) => n + 1);
                    });
                }}
              >
                {t('drafts.discardConfirm')}
              </Button>
              <Button onClick={() => setDiscarding(undefined)}>{t('drafts.cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}

interface VirtualListProps {
  readonly ids: readonly string[];
  /** Rows the list has (the full count while only the first ids are loaded). */
  readonly count: number;
  readonly repository: DraftRepository;
  readonly entries: Map<string, ListEntry>;
  readonly expiresAt: (row: DraftIndexRow) => Date;
  readonly warnFrom: number;
  readonly language: string;
  readonly onDuplicate: (id: string) => void;
  readonly onDiscard: (id: string, name: string) => void;
}

/**
 * Only the rows on screen exist in the DOM, and only they are decrypted: the list of 10,000
 * drafts paints from the clear index alone (architecture §6: first paint ≤ 200 ms).
 */
function VirtualList(props: VirtualListProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer's functions change with every scroll; the React Compiler must not memoize them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: props.count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    initialRect: { width: 900, height: 600 },
  });
  const painted = useRef(false);
  useEffect(() => {
    if (painted.current) return;
    painted.current = true;
    requestAnimationFrame(() => performance.mark('azr:drafts-list-painted'));
  }, []);

  return (
    <div
      ref={scroller}
      className={styles.scroller}
      tabIndex={0}
      role="region"
      aria-label={t('drafts.listLabel')}
    >
      <ul
        aria-label={t('drafts.listLabel')}
        style={{
          height: virtualizer.getTotalSize(),
          position: 'relative',
          listStyle: 'none',
          margin: 0,
          padding: 0,
        }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const id = props.ids[item.index];
          if (!id) return null;
          return (
            <DraftRow
              key={id}
              id={id}
              index={item.index}
              size={props.count}
              top={item.start}
              {...props}
            />
          );
        })}
      </ul>
    </div>
  );
}

function DraftRow({
  id,
  index,
  size,
  top,
  repository,
  entries,
  expiresAt,
  warnFrom,
  language,
  onDuplicate,
  onDiscard,
}: VirtualListProps & {
  readonly id: string;
  readonly index: number;
  readonly size: number;
  readonly top: number;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [entry, setEntry] = useState(() => entries.get(id));
  useEffect(() => {
    if (entry !== undefined) return;
    let active = true;
    repository.listEntry(id).then(
      (found) => {
        entries.set(id, found);
        if (active) setEntry(found);
      },
      () => {
        entries.set(id, 'gone');
        if (active) setEntry('gone');
      },
    );
    return () => {
      active = false;
    };
  }, [repository, id, entries, entry]);
  const row = entry !== undefined && entry !== 'gone' ? entry.row : undefined;
  const summary =
    entry === undefined
      ? undefined
      : entry === 'gone' || !entry.summary
        ? 'unreadable'
        : entry.summary;

  const name =
    summary === undefined
      ? t('drafts.decrypting')
      : summary === 'unreadable'
        ? t('drafts.unreadable')
        : [summary.familienname, summary.vorname].filter((s) => s.trim()).join(', ') ||
          t('drafts.noName');
  const details =
    summary && summary !== 'unreadable'
      ? [summary.geburtsdatum, summary.geschaeftszeichen].filter((s) => s.trim()).join(' · ')
      : '';
  const expiring = row !== undefined && row.updatedAt <= warnFrom;

  return (
    <li
      className={styles.row}
      style={{ top, height: ROW_HEIGHT }}
      aria-setsize={size}
      aria-posinset={index + 1}
      data-draft-id={id}
    >
      <div className={styles.cell}>
        <Link href={`#/entwuerfe/${id}`}>{name}</Link>
        <Caption1>{details}</Caption1>
      </div>
      <div className={styles.cell}>
        {row && (
          <>
            <div className={styles.badges}>
              <Badge appearance="outline" color="informative">
                {t(`drafts.kind.${row.kind}`)}
              </Badge>
              <Badge appearance="tint" color={row.status === 'bereit' ? 'success' : 'warning'}>
                {t(`drafts.status.${row.status}`)}
              </Badge>
              {expiring && (
                <Badge appearance="filled" color="danger">
                  {t('drafts.expiresOn', { date: formatDate(expiresAt(row).getTime(), language) })}
                </Badge>
              )}
            </div>
            <Caption1>
              {t('drafts.changed', { date: formatDate(row.updatedAt, language) })}
            </Caption1>
          </>
        )}
      </div>
      <div className={styles.actions}>
        <Button
          size="small"
          icon={<CopyRegular />}
          aria-label={`${t('drafts.duplicate')}: ${name}`}
          onClick={() => onDuplicate(id)}
        />
        <Button
          size="small"
          icon={<DeleteRegular />}
          aria-label={`${t('drafts.discard')}: ${name}`}
          onClick={() => onDiscard(id, name)}
        />
      </div>
    </li>
  );
}

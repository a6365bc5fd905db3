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
  DraftFirstPage,
  DraftListEntry,
  DraftQuery,
  DraftRepository,
  DraftSort,
} from '../../data/drafts/repository';
import { useDraftSession } from '../../app/session/DraftSessionProvider';
import { AreaPage } from '../../ui/AreaPage';
import { SessionNotice } from './SessionNotice';

type ListEntry = DraftListEntry | 'gone';

declare module 'react' {
  // Merges into React's own declaration, whose type parameter is named T.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface HTMLAttributes<T> {
    /** Element Timing API (Chromium): reports when the element's text is first painted. */
    elementtiming?: string | undefined;
  }
}

const ROW_HEIGHT = 64;
const OVERSCAN = 6;
/** The list's height (60vh, at least 240 px; see `scroller`) and the rows it shows at once. */
const listHeight = () => Math.max(240, Math.round(window.innerHeight * 0.6));
const rowsInView = () => Math.ceil(listHeight() / ROW_HEIGHT) + 1;
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
  // A block of its own: Element Timing reports text by its containing block.
  name: { display: 'block' },
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

// One formatter per language: toLocaleDateString with options builds a new one on every call, which
// was the most expensive part of rendering a screenful of rows.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const formatDate = (millis: number, language: string) => {
  let format = dateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    });
    dateFormats.set(language, format);
  }
  return format.format(millis);
};
// Building the first formatter loads locale data: do it when this module loads (the app preloads
// it while idle), not while the first rows render.
if (typeof document !== 'undefined') formatDate(0, document.documentElement.lang || 'de');

const NO_IDS: readonly string[] = [];

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
  // The ids on screen and whether they are the whole list for `query` or only its first screen.
  const [loaded, setLoaded] = useState<
    | { readonly query: DraftQuery; readonly ids: readonly string[]; readonly complete: boolean }
    | undefined
  >(undefined);
  const [expiring, setExpiring] = useState(0);
  const [total, setTotal] = useState<number | undefined>(undefined);
  const [reload, setReload] = useState(0);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [discarding, setDiscarding] = useState<{ id: string; name: string } | undefined>(undefined);
  // Rows this list has read (decrypted summaries live in the repository's session cache as well).
  const [entries] = useState(() => new Map<string, ListEntry>());
  // The first screen is read as soon as the area renders, not after its first commit: IndexedDB
  // and decryption then overlap React rendering the page. The effect below takes it over.
  const [opening] = useState(() => ({
    repository,
    sort: initialFilters.sort,
    page: repository
      .firstPage({ sort: initialFilters.sort }, rowsInView())
      .catch((): DraftFirstPage | undefined => undefined),
  }));
  const openingTaken = useRef(false);

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
    // Unfiltered (how the area opens): the first screen comes from a key cursor over the clear
    // index, and only its rows are read and decrypted — independent of how many drafts exist. It
    // is shown unless this very list is already on screen (a reload after duplicate or discard).
    const early =
      !openingTaken.current && opening.repository === repository && opening.sort === query.sort
        ? opening.page
        : undefined;
    openingTaken.current = true;
    const first = unfiltered
      ? (early ?? repository.firstPage(query, rowsInView()).catch(() => undefined)).then((page) => {
          if (!active || !page) return;
          for (const [id, entry] of page.entries) entries.set(id, entry);
          setLoaded((current) =>
            current?.query === query ? current : { query, ids: page.ids, complete: false },
          );
        })
      : Promise.resolve();
    // Everything else waits until the first screen has painted: IndexedDB answers requests in
    // order, and the full key list of 10,000 drafts must not queue in front of the first screen.
    void first
      .then(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))))
      .then(async () => {
        if (!active) return;
        const [count, soon] = await Promise.all([
          repository.count(),
          repository.countUnchangedSince(new Date(warnFrom)),
        ]);
        if (!active) return;
        setTotal(count);
        setExpiring(soon);
        const ids = await repository.listIds(query);
        if (active) setLoaded({ query, ids, complete: true });
      })
      .catch(() => {
        if (active) setFailure(t('drafts.actionFailed'));
      });
    return () => {
      active = false;
    };
  }, [repository, query, reload, revision, warnFrom, entries, opening, t]);

  // Until the full order for the current filters is loaded, the list shows what it has (the
  // first screen, or the previous result while filters change) and says that it is loading.
  const complete = loaded?.query === query && loaded.complete;
  const ids = loaded?.ids ?? NO_IDS;
  const rowCount = complete ? ids.length : Math.max(total ?? 0, ids.length);

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

      {complete && ids.length === 0 ? (
        <Text as="p">{total === 0 ? t('drafts.empty') : t('drafts.noMatch')}</Text>
      ) : (
        // Mounted (empty) while the first screen is read: its layout and measuring then happen
        // during that wait, and the rows are all that is left to render when they arrive.
        <>
          <Caption1 aria-live="polite" aria-busy={!complete}>
            {complete
              ? t('drafts.count', { count: ids.length })
              : total === undefined
                ? t('drafts.loading')
                : `${t('drafts.count', { count: rowCount })} · ${t('drafts.loading')}`}
          </Caption1>
          <VirtualList
            ids={ids}
            count={rowCount}
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

/** The list's translate function, handed to the rows (one hook for the list, not one per row). */
type Translate = ReturnType<typeof useTranslation>['t'];

/**
 * Only the rows on screen exist in the DOM, and only they are decrypted: the list of 10,000
 * drafts paints from the clear index alone (architecture §6: first paint ≤ 200 ms).
 */
function VirtualList(props: VirtualListProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  // Marks the first frame with decrypted rows (not placeholders) — what "first paint" means here.
  const [painted, setPainted] = useState(false);
  const marked = useRef(false);
  const onContent = useCallback(() => {
    if (marked.current) return;
    marked.current = true;
    requestAnimationFrame(() => {
      performance.mark('azr:drafts-list-painted');
      setTimeout(() => setPainted(true), 0);
    });
  }, []);
  // The virtualizer's functions change with every scroll; the React Compiler must not memoize them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: props.count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    // The first frame renders only the rows in view; the overscan follows once it has painted.
    overscan: painted ? OVERSCAN : 0,
    // The scroller's height is 60vh: start from that, so measuring it does not change the rows.
    initialRect: { width: 900, height: listHeight() },
  });

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
          // Scrolled past the first screen before the full order arrived: a placeholder row.
          if (!id)
            return (
              <li
                key={`pending-${item.index}`}
                className={styles.row}
                style={{ top: item.start, height: ROW_HEIGHT }}
                aria-setsize={props.count}
                aria-posinset={item.index + 1}
                aria-busy
              >
                <Caption1>{t('drafts.loading')}</Caption1>
              </li>
            );
          return (
            <DraftRow
              key={id}
              id={id}
              index={item.index}
              size={props.count}
              top={item.start}
              onContent={onContent}
              t={t}
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
  onContent,
  t,
}: VirtualListProps & {
  readonly id: string;
  readonly index: number;
  readonly size: number;
  readonly top: number;
  readonly onContent: () => void;
  readonly t: Translate;
}) {
  const styles = useStyles();
  const [entry, setEntry] = useState(() => entries.get(id) ?? repository.cachedEntry(id));
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
  useEffect(() => {
    if (entry !== undefined) onContent();
  }, [entry, onContent]);
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
        <Link href={`#/entwuerfe/${id}`}>
          {/* Marked only once decrypted: the bench's "first paint" is the paint of real content. */}
          {summary !== undefined ? (
            <span className={styles.name} elementtiming="azr-drafts-row">
              {name}
            </span>
          ) : (
            name
          )}
        </Link>
        <Caption1>{details}</Caption1>
      </div>
      <div className={styles.cell}>
        {row && (
          <>
            <div className={styles.badges}>
              <Badge appearance="outline" color="informative">
                {t(`drafts.kind.${row.kind}`)}
              </Badge>
              {row.stage ? (
                <Badge
                  appearance="tint"
                  color={row.stage === 'abgeschlossen' ? 'success' : 'brand'}
                >
                  {t(`drafts.stage.${row.stage}`)}
                </Badge>
              ) : (
                <Badge appearance="tint" color={row.status === 'bereit' ? 'success' : 'warning'}>
                  {t(`drafts.status.${row.status}`)}
                </Badge>
              )}
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

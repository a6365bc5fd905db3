import type { KeyboardEvent } from 'react';
import { useId, useRef, useState } from 'react';
import {
  Badge,
  Button,
  Caption1,
  Text,
  makeStyles,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular, OpenRegular } from '@fluentui/react-icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { Treffer, Zulassung } from '../../../shared/register-api/messages';
import {
  codeLabel,
  geburtsdatum,
  geburtsort,
  personName,
  staatsangehoerigkeiten,
} from '../../ui/person-format';

const ESTIMATED_ROW = 150;

const useStyles = makeStyles({
  scroller: {
    maxHeight: '65vh',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  list: { position: 'relative', listStyle: 'none', margin: 0, padding: 0 },
  plainList: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  plainRow: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    ':last-child': { borderBottom: 'none' },
  },
  row: {
    position: 'absolute',
    top: 0,
    left: 0,
    right: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    boxSizing: 'border-box',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  head: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
  },
  name: { ...typographyStyles.subtitle2, margin: 0 },
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  fact: { display: 'inline-flex', gap: tokens.spacingHorizontalXS },
  term: { color: tokens.colorNeutralForeground3 },
  detail: { margin: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& th, & td': {
      textAlign: 'left',
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
      verticalAlign: 'top',
    },
  },
});

const bandColor = { A: 'brand', B: 'warning', C: 'informative' } as const;

interface HitListProps {
  readonly treffer: readonly Treffer[];
  readonly zulassung: Zulassung | undefined;
  readonly onOpen: (treffer: Treffer) => void;
  readonly label: string;
}

/** Up to this many hits render as a plain list: virtualization pays off only for long lists. */
const VIRTUALIZE_ABOVE = 50;

/**
 * The Trefferliste: per hit who it is, which name form matched, how strongly and why (the
 * register's field-by-field explanation behind a disclosure), who keeps the file, and any Sperre.
 * Long lists are virtualized: a search on a common name can return hundreds of ähnliche Personen.
 */
export function HitList(props: HitListProps) {
  return props.treffer.length > VIRTUALIZE_ABOVE ? (
    <VirtualHitList {...props} />
  ) : (
    <PlainHitList {...props} />
  );
}

/** Arrow keys move between the hits' "open" buttons, so a long list needs no Tab marathon. */
function arrowTarget(event: KeyboardEvent<HTMLLIElement>, index: number, count: number) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return undefined;
  const next = index + (event.key === 'ArrowDown' ? 1 : -1);
  if (next < 0 || next >= count) return undefined;
  event.preventDefault();
  return next;
}

const focusOpen = (root: HTMLElement | null, index: number) =>
  root?.querySelector<HTMLElement>(`[data-hit-open="${index}"]`)?.focus();

function PlainHitList({ treffer, zulassung, onOpen, label }: HitListProps) {
  const styles = useStyles();
  const list = useRef<HTMLUListElement>(null);
  return (
    <ul ref={list} aria-label={label} className={styles.plainList}>
      {treffer.map((hit, index) => (
        <li
          key={hit.azrNummer}
          className={styles.plainRow}
          onKeyDown={(event) => {
            const next = arrowTarget(event, index, treffer.length);
            if (next !== undefined) focusOpen(list.current, next);
          }}
        >
          <HitRow hit={hit} index={index} zulassung={zulassung} onOpen={onOpen} />
        </li>
      ))}
    </ul>
  );
}

function VirtualHitList({ treffer, zulassung, onOpen, label }: HitListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const styles = useStyles();
  // The virtualizer's functions change with every scroll; the React Compiler must not memoize them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: treffer.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ROW,
    overscan: 4,
    initialRect: { width: 900, height: 600 },
  });

  const move = (event: KeyboardEvent<HTMLLIElement>, index: number) => {
    const next = arrowTarget(event, index, treffer.length);
    if (next === undefined) return;
    virtualizer.scrollToIndex(next);
    requestAnimationFrame(() => focusOpen(scroller.current, next));
  };

  return (
    // Focusable so keyboard users can scroll it (axe: scrollable-region-focusable).
    <div ref={scroller} className={styles.scroller} tabIndex={0} role="region" aria-label={label}>
      <ul aria-label={label} className={styles.list} style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const hit = treffer[item.index];
          if (!hit) return null;
          return (
            <li
              key={hit.azrNummer}
              data-index={item.index}
              ref={virtualizer.measureElement}
              aria-setsize={treffer.length}
              aria-posinset={item.index + 1}
              className={styles.row}
              style={{ transform: `translateY(${item.start}px)` }}
              onKeyDown={(event) => move(event, item.index)}
            >
              <HitRow hit={hit} index={item.index} zulassung={zulassung} onOpen={onOpen} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function HitRow({
  hit,
  index,
  zulassung,
  onOpen,
}: {
  readonly hit: Treffer;
  readonly index: number;
  readonly zulassung: Zulassung | undefined;
  readonly onOpen: (treffer: Treffer) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [expanded, setExpanded] = useState(false);
  const explanationId = useId();
  const gp = hit.grundpersonalien;
  const band = hit.erklaerung.band;
  const gesperrt = hit.uebermittlungssperre.length > 0;
  const behoerde = hit.aktenfuehrendeBehoerde;

  const fact = (term: string, detail: string) => (
    <div className={styles.fact}>
      <dt className={styles.term}>{term}:</dt>
      <dd className={styles.detail}>{detail}</dd>
    </div>
  );

  return (
    <>
      <div className={styles.head}>
        <h3 className={styles.name}>{personName(gp)}</h3>
        <Badge appearance="tint" color={bandColor[band]} shape="rounded">
          {t('hits.band', { band, meaning: t(`hits.bandMeaning.${band}`) })}
        </Badge>
        {gesperrt && (
          <Badge appearance="filled" color="danger" shape="rounded">
            {t('hits.sperre')}
          </Badge>
        )}
      </div>
      <dl className={styles.facts}>
        {fact(t('hits.azrNummer'), hit.azrNummer)}
        {fact(t('hits.geboren'), `${geburtsdatum(gp)}, ${geburtsort(gp, t('hits.ortUnbekannt'))}`)}
        {gp.geschlecht && fact(t('hits.geschlecht'), codeLabel('geschlecht', gp.geschlecht))}
        {fact(t('hits.staatsangehoerigkeit'), staatsangehoerigkeiten(gp, t('hits.keine')))}
      </dl>
      <dl className={styles.facts}>
        {fact(t('hits.personalienArt'), codeLabel('personalienArt', hit.personalienArt))}
        {hit.trefferbewertung &&
          fact(t('hits.trefferkategorie'), t(`hits.kategorie.${hit.trefferbewertung}`))}
        {fact(
          t('hits.behoerde'),
          behoerde === undefined
            ? t('hits.behoerdeUnbekannt')
            : behoerde === zulassung?.behoerdenkennzeichen
              ? t('hits.eigeneBehoerde', { kennzeichen: behoerde })
              : behoerde,
        )}
      </dl>
      {hit.erklaerung.regel && (
        <Caption1>{t('hits.regel', { regel: hit.erklaerung.regel })}</Caption1>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<OpenRegular />}
          data-hit-open={index}
          onClick={() => onOpen(hit)}
          aria-label={t('hits.openLabel', { name: personName(gp), azrNummer: hit.azrNummer })}
        >
          {t('hits.open')}
        </Button>
        <Button
          appearance="subtle"
          icon={expanded ? <ChevronDownRegular /> : <ChevronRightRegular />}
          aria-expanded={expanded}
          aria-controls={explanationId}
          onClick={() => setExpanded((value) => !value)}
        >
          {t('hits.explanation')}
        </Button>
      </div>
      <div id={explanationId} hidden={!expanded}>
        {expanded && (
          <table className={styles.table}>
            <caption className={styles.term}>
              {t('hits.explanationCaption', { punktzahl: hit.erklaerung.punktzahl })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('hits.feld')}</th>
                <th scope="col">{t('hits.bewertung')}</th>
                <th scope="col">{t('hits.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {hit.erklaerung.felder.map((feld, i) => (
                <tr key={`${feld.feld}-${i}`}>
                  <th scope="row">{feld.feld}</th>
                  <td>{feld.bewertung}</td>
                  <td>{feld.detail ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Text as="p" size={200}>
          {t('hits.explanationNote')}
        </Text>
      </div>
    </>
  );
}

import type { ReactNode } from 'react';
import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { PrintDocument, PrintHeader } from '../../../shared/bridge/print';
import { ProtocolTable } from '../protocol/ProtocolTable';
import { RecordView } from '../record/RecordView';
import { codeLabel, isoToGerman, personName } from '../../ui/person-format';

const useStyles = makeStyles({
  article: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
  },
  confidential: {
    margin: 0,
    fontWeight: tokens.fontWeightSemibold,
    textTransform: 'uppercase',
    letterSpacing: '0.04em',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorPaletteRedForeground1,
  },
  title: { ...typographyStyles.title3, margin: 0 },
  subject: { ...typographyStyles.subtitle2, margin: 0 },
  header: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  detail: { margin: 0, overflowWrap: 'anywhere' },
  // A4 is narrower than the screen: the record's category grid becomes two columns, and the
  // screen-only sentence "nur angezeigt, nicht gespeichert" (the last line of RecordView) is left
  // out — a saved PDF would contradict it.
  record: {
    '& > div > div:nth-child(2)': { gridTemplateColumns: 'repeat(2, minmax(0, 1fr))' },
    '& > div > span:last-child': { display: 'none' },
    '& section': { padding: tokens.spacingHorizontalM },
  },
  protocol: {
    '& table': { fontSize: tokens.fontSizeBase200 },
    '& thead': { display: 'table-header-group' },
    '& tr': { breakInside: 'avoid' },
  },
  note: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  footer: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
});

/** "Ausländerbehörde Musterstadt (100001)" → "100001": lets RecordView say "Ihre Behörde". */
const kennzeichenOf = (behoerde: string) => /\((\d+)\)$/.exec(behoerde)?.[1];

function HeaderFacts({ header, kind }: { header: PrintHeader; kind: PrintDocument['kind'] }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const time = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'de-DE', {
    dateStyle: 'medium',
    timeStyle: 'medium',
  }).format(new Date(header.erstelltAm));
  const fact = (term: string, detail: ReactNode) => (
    <>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.detail}>{detail}</dd>
    </>
  );
  return (
    <dl className={styles.facts} aria-label={t('print.headerLabel')}>
      {fact(t('print.behoerde'), header.behoerde || t('print.unbekannt'))}
      {fact(t('print.sachbearbeiter'), header.sachbearbeiter || t('print.unbekannt'))}
      {fact(t('print.erstelltAm'), time)}
      {kind === 'auskunft' &&
        fact(
          t('print.abrufzweck'),
          header.abrufzweck
            ? codeLabel('abrufzweck', header.abrufzweck)
            : t('print.ohneAbrufzweck'),
        )}
      {fact(t('print.geschaeftszeichen'), header.geschaeftszeichen ?? t('print.keines'))}
    </dl>
  );
}

/** One printout: header block, the content, the confidentiality note. Print and screen alike. */
export function PrintDocumentView({ document }: { readonly document: PrintDocument }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <article className={styles.article} lang="de">
      <header className={styles.header}>
        <p className={styles.confidential}>{t('print.confidential')}</p>
        <h1 className={styles.title}>
          {document.kind === 'auskunft' ? t('print.titleAuskunft') : t('print.titleProtokoll')}
        </h1>
        {document.kind === 'auskunft' && (
          <p className={styles.subject}>
            {personName(document.auskunft.grundpersonalien.inhalt)} · {document.auskunft.azrNummer}
          </p>
        )}
        <HeaderFacts header={document.header} kind={document.kind} />
      </header>
      {document.kind === 'auskunft' ? (
        <div className={styles.record}>
          <RecordView
            auskunft={document.auskunft}
            eigeneBehoerde={kennzeichenOf(document.header.behoerde)}
          />
        </div>
      ) : (
        <ProtocolExtract document={document} />
      )}
      <footer className={styles.footer}>
        <strong>{t('print.confidential')}.</strong> {t('print.footer')}
      </footer>
    </article>
  );
}

function ProtocolExtract({
  document,
}: {
  readonly document: Extract<PrintDocument, { kind: 'protokoll' }>;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { query, list } = document;
  const parts = [
    query.von && t('print.filterVon', { date: isoToGerman(query.von) }),
    query.bis && t('print.filterBis', { date: isoToGerman(query.bis) }),
    query.operation &&
      t('print.filterOperation', { operation: t(`protocol.operations.${query.operation}`) }),
    query.geschaeftszeichen &&
      t('print.filterGeschaeftszeichen', { value: query.geschaeftszeichen }),
    query.azrNummer && t('print.filterAzrNummer', { value: query.azrNummer }),
  ].filter((part): part is string => typeof part === 'string' && part !== '');
  return (
    <div className={styles.protocol}>
      <p className={styles.note}>
        {t('print.filter')}: {parts.length > 0 ? parts.join(' · ') : t('print.filterAlle')} —{' '}
        {t('print.count', { count: list.entries.length, total: list.total })}
      </p>
      <p className={styles.note} data-testid="print-verification">
        {list.verification.intact
          ? t('print.intact', { count: list.verification.lines })
          : t('print.broken', { line: list.verification.line, reason: list.verification.reason })}
      </p>
      <ProtocolTable entries={list.entries} />
    </div>
  );
}

import { useEffect, useRef } from 'react';
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStaticStyles,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowLeftRegular, PrintRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { PrintDocument } from '../../../shared/bridge/print';
import { PDF_MARGINS_MM } from '../../../shared/bridge/print';
import { getBridge, unwrap } from '../../data/bridge';
import { BridgeErrorNotice } from '../../ui/RegisterFailureNotice';
import { PrintDocumentView } from './PrintDocumentView';

const m = PDF_MARGINS_MM;

// The page box of every printout: A4 with the same margins the PDF options name (printToPDF and
// page.pdf draw the footer with "Seite X von Y" into the bottom margin). The app frame's full-height
// layout would clip the flow across pages, so html/body/#root grow with the content here.
const usePrintStaticStyles = makeStaticStyles(`
  @page { size: A4; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }
  @media print {
    html, body, #root { height: auto !important; overflow: visible !important; background: #fff; }
  }
`);

const useStyles = makeStyles({
  page: {
    boxSizing: 'border-box',
    maxWidth: '210mm',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    '@media print': { maxWidth: 'none', padding: 0 },
  },
  toolbar: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
    alignItems: 'center',
    marginBottom: tokens.spacingVerticalL,
    '@media print': { display: 'none' },
  },
  hint: { color: tokens.colorNeutralForeground2, flexBasis: '100%' },
});

/** Loads the document behind the token once (the token is single-use; StrictMode mounts twice). */
function usePrintDocument(token: string) {
  return useQuery<PrintDocument>({
    queryKey: ['print', token],
    queryFn: () => unwrap(getBridge().print.document({ token })),
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

/**
 * `#/druck/:token`: one printout, outside the app frame. Electron loads it in a hidden window and
 * makes the PDF with printToPDF once the page says it is ready; the browser host shows it in the
 * caseworker's tab with a screen-only toolbar (the browser's print makes the PDF).
 */
export function PrintPage() {
  usePrintStaticStyles();
  const { t } = useTranslation();
  const styles = useStyles();
  const navigate = useNavigate();
  const { token = '' } = useParams();
  const printDocument = usePrintDocument(token);
  const signalled = useRef(false);
  const ready = printDocument.isSuccess || printDocument.isError;

  // The PDF takes the page title as its title: the kind of printout, never the person's name.
  const kind = printDocument.data?.kind;
  useEffect(() => {
    if (!kind) return;
    document.title = `${kind === 'auskunft' ? t('print.titleAuskunft') : t('print.titleProtokoll')} – azr-desk`;
  }, [kind, t]);

  useEffect(() => {
    if (!printDocument.isSuccess || signalled.current) return;
    signalled.current = true;
    // After layout and fonts: only then is the page what the PDF should show.
    const fontsReady = 'fonts' in document ? document.fonts.ready : Promise.resolve();
    void fontsReady.then(() => getBridge().print.ready({ token }));
  }, [printDocument.isSuccess, token]);

  return (
    <div className={styles.page} data-print-ready={ready ? 'true' : 'false'}>
      <div className={styles.toolbar}>
        <Button icon={<ArrowLeftRegular />} onClick={() => void navigate(-1)}>
          {t('print.back')}
        </Button>
        {printDocument.isSuccess && (
          <Button appearance="primary" icon={<PrintRegular />} onClick={() => window.print()}>
            {t('print.printNow')}
          </Button>
        )}
        <span className={styles.hint}>{t('print.previewHint')}</span>
      </div>
      {printDocument.isPending && <Spinner size="small" label={t('print.loading')} />}
      {printDocument.isError &&
        (printDocument.error instanceof Error &&
        'code' in printDocument.error &&
        printDocument.error.code === 'INVALID_REQUEST' ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t('print.gone')}</MessageBarBody>
          </MessageBar>
        ) : (
          <BridgeErrorNotice error={printDocument.error} />
        ))}
      {printDocument.data && <PrintDocumentView document={printDocument.data} />}
    </div>
  );
}

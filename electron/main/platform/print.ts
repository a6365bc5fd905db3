import { BrowserWindow } from 'electron';
import type { PrintToPDFOptions } from 'electron';
import {
  PDF_FOOTER_TEMPLATE,
  PDF_HEADER_TEMPLATE,
  PDF_MARGINS_MM,
} from '../../../shared/bridge/print';
import { APP_ENTRY_URL } from '../services/app-origin';
import type { MainWindowOptions } from './window';
import { mainWindowWebPreferences } from './window';

const inches = (mm: number) => mm / 25.4;

/** A4, tagged (accessible) PDF with the document outline, backgrounds and "Seite X von Y". */
export const PRINT_TO_PDF_OPTIONS: PrintToPDFOptions = {
  pageSize: 'A4',
  landscape: false,
  printBackground: true,
  generateTaggedPDF: true,
  generateDocumentOutline: true,
  displayHeaderFooter: true,
  headerTemplate: PDF_HEADER_TEMPLATE,
  footerTemplate: PDF_FOOTER_TEMPLATE,
  preferCSSPageSize: false,
  margins: {
    top: inches(PDF_MARGINS_MM.top),
    right: inches(PDF_MARGINS_MM.right),
    bottom: inches(PDF_MARGINS_MM.bottom),
    left: inches(PDF_MARGINS_MM.left),
  },
};

export interface PdfRendererOptions extends MainWindowOptions {
  /** Give up when the print route has not signalled ready by then (default 20 s). */
  readonly timeoutMs?: number;
}

/**
 * Renders a print route to PDF in a hidden window with exactly the main window's webPreferences
 * (same preload, sandbox, context isolation; locked down like every WebContents by `installLockdown`).
 * The window is never shown and always destroyed; the PDF comes back as bytes and is not written
 * anywhere by this function.
 */
export function createPdfRenderer(options: PdfRendererOptions) {
  const timeoutMs = options.timeoutMs ?? 20_000;
  return async (route: string, ready: Promise<void>): Promise<Uint8Array> => {
    const window = new BrowserWindow({
      show: false,
      width: 794, // A4 at 96 dpi: the layout the printout is designed for
      height: 1123,
      webPreferences: mainWindowWebPreferences(options),
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const timedOut = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(
          () => reject(new Error('the print route did not signal ready in time')),
          timeoutMs,
        );
      });
      await Promise.race([window.loadURL(`${APP_ENTRY_URL}#${route}`), timedOut]);
      await Promise.race([ready, timedOut]);
      const pdf = await window.webContents.printToPDF(PRINT_TO_PDF_OPTIONS);
      return new Uint8Array(pdf);
    } finally {
      if (timer) clearTimeout(timer);
      if (!window.isDestroyed()) window.destroy();
    }
  };
}

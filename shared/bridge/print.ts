import { z } from 'zod';
import { abrufzweckCode, text } from '../register-api/common';
import { gesamtauskunft } from '../register-api/messages';
import { protocolListSchema, protocolQuerySchema } from './register';
import { deepStrict } from './strict';

// Printouts (issue 8, item 5): an Auskunft or a protocol extract as an A4 PDF. The renderer hands
// main what to print; main completes the header (who, which authority, when), keeps the document in
// memory under a one-time token and renders the print route `#/druck/<token>` — in Electron in a
// hidden window with `printToPDF`, in the browser host in the caseworker's own tab (`preview`).
// Nothing of it touches the disk except the PDF the caseworker saves.

/** A one-time print token: 32 random bytes, base64url. */
export const printToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** The print route of a token (hash route, both hosts). */
export const printRoute = (token: string) => `/druck/${token}`;

/** `print.pdf`: what to print. The Auskunft is the answer the renderer holds; main keeps none. */
export const printRequestSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('auskunft'),
      abrufzweck: abrufzweckCode.optional(),
      geschaeftszeichen: text(80).optional(),
      auskunft: deepStrict(gesamtauskunft),
    })
    .strict(),
  z
    .object({
      kind: z.literal('protokoll'),
      /** The protocol filter in effect; main reads the entries itself from its own protocol. */
      query: protocolQuerySchema,
    })
    .strict(),
]);

/** The header every printout carries; filled by main, not claimed by the renderer. */
export const printHeaderSchema = z
  .object({
    /** "Ausländerbehörde Musterstadt (100001)", or '' while the Zulassung is unknown. */
    behoerde: z.string().max(260),
    /** The OS account, as in the AnAZR and the protocol. */
    sachbearbeiter: z.string().max(200),
    erstelltAm: z.iso.datetime(),
    abrufzweck: abrufzweckCode.optional(),
    geschaeftszeichen: z.string().max(80).optional(),
  })
  .strict();

/** `print.document`: the document behind a token, handed out once. */
export const printDocumentSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('auskunft'),
      header: printHeaderSchema,
      auskunft: deepStrict(gesamtauskunft),
    })
    .strict(),
  z
    .object({
      kind: z.literal('protokoll'),
      header: printHeaderSchema,
      query: protocolQuerySchema,
      list: protocolListSchema,
    })
    .strict(),
]);

export const printTokenRequestSchema = z.object({ token: printToken }).strict();

export const printPdfResponseSchema = z.discriminatedUnion('status', [
  /** Electron: the PDF was rendered and saved where the caseworker chose. */
  z.object({
    status: z.literal('saved'),
    fileName: z.string().min(1),
    location: z.string().min(1),
  }),
  z.object({ status: z.literal('cancelled') }),
  /**
   * Browser host (no Chromium of its own): the renderer opens the print route itself; the browser's
   * print function (or Playwright's `page.pdf`) makes the PDF from it.
   */
  z.object({
    status: z.literal('preview'),
    route: z.string().regex(/^\/druck\/[A-Za-z0-9_-]{43}$/),
  }),
]);

export const printReadySchema = z.object({ acknowledged: z.boolean() }).strict();

/**
 * Header and footer of the PDF (Chromium's print templates: `printToPDF` in Electron, `page.pdf` in
 * the e2e tests). Chromium fills the spans `pageNumber` and `totalPages`; the templates need their
 * own font size, they inherit nothing from the page.
 */
export const PDF_HEADER_TEMPLATE = '<div></div>';
export const PDF_FOOTER_TEMPLATE =
  '<div style="font-size:8pt;font-family:Arial,Helvetica,sans-serif;width:100%;margin:0 15mm;' +
  'display:flex;justify-content:space-between;color:#333">' +
  '<span>Vertraulich – personenbezogene Daten</span>' +
  '<span>Seite <span class="pageNumber"></span> von <span class="totalPages"></span></span></div>';
/** A4 margins of the PDF (mm); the bottom one leaves room for the footer. */
export const PDF_MARGINS_MM = { top: 15, right: 15, bottom: 20, left: 15 } as const;

export type PrintRequest = z.input<typeof printRequestSchema>;
export type PrintHeader = z.infer<typeof printHeaderSchema>;
export type PrintDocument = z.infer<typeof printDocumentSchema>;
export type PrintPdfResponse = z.infer<typeof printPdfResponseSchema>;

import type { z } from 'zod';
import type { PrintDocument, PrintHeader } from '../../../../shared/bridge/print';
import { printDocumentSchema, printRoute } from '../../../../shared/bridge/print';
import { BridgeFailure } from '../../../../shared/bridge/result';
import type { ProtocolLog } from '../audit';
import type { PrintJobs } from '../print';
import { printFileName } from '../print';
import type { BridgeHandlers } from './dispatcher';

type PrintChannels = 'print.pdf' | 'print.document' | 'print.ready';

/**
 * How a host turns the print route into a PDF. Electron renders it in a hidden window and saves it
 * through the save dialog; the browser host has no Chromium of its own and lets the renderer show
 * the route (`preview`), where the browser prints it.
 */
export type PrintOutput =
  | {
      readonly kind: 'pdf';
      /** Renders `#/druck/<token>` once `ready` resolved; the bytes stay in memory. */
      readonly render: (route: string, ready: Promise<void>) => Promise<Uint8Array>;
      /** Offers the PDF to the caseworker (save dialog); undefined when cancelled. */
      readonly save: (
        fileName: string,
        bytes: Uint8Array,
      ) => Promise<{ readonly location: string } | undefined>;
    }
  | { readonly kind: 'preview' };

export interface PrintHandlerDeps {
  readonly jobs: PrintJobs;
  readonly output: PrintOutput;
  readonly now: () => Date;
  /** The OS account (as in the AnAZR). */
  readonly userName: () => string;
  /** The authority of the Zulassung, "Name (Kennzeichen)"; undefined while unknown. */
  readonly behoerde: () => Promise<string | undefined>;
  /** The local protocol, for extracts; absent: a protocol extract is UNAVAILABLE. */
  readonly protocol?: Pick<ProtocolLog, 'list'>;
}

/**
 * Printouts (issue 8, item 5). Main completes the header itself — caseworker, authority and time are
 * facts of this host, not claims of the renderer — and reads a protocol extract from its own
 * protocol. The document lives in memory under a one-time token until the PDF exists.
 */
export function createPrintHandlers(
  deps: PrintHandlerDeps | undefined,
): Pick<BridgeHandlers, PrintChannels> {
  if (!deps) {
    const unavailable = () => {
      throw new BridgeFailure('UNAVAILABLE', 'no print service in this host');
    };
    return { 'print.pdf': unavailable, 'print.document': unavailable, 'print.ready': unavailable };
  }
  return {
    'print.pdf': async (request) => {
      const now = deps.now();
      const header: PrintHeader = {
        behoerde: (await deps.behoerde().catch(() => undefined)) ?? '',
        sachbearbeiter: deps.userName(),
        erstelltAm: now.toISOString(),
      };
      let input: z.input<typeof printDocumentSchema>;
      if (request.kind === 'auskunft') {
        input = {
          kind: 'auskunft',
          header: {
            ...header,
            ...(request.abrufzweck ? { abrufzweck: request.abrufzweck } : {}),
            ...(request.geschaeftszeichen ? { geschaeftszeichen: request.geschaeftszeichen } : {}),
          },
          auskunft: request.auskunft,
        };
      } else {
        if (!deps.protocol) throw new BridgeFailure('UNAVAILABLE', 'no protocol in this host');
        const list = await deps.protocol.list(request.query);
        const geschaeftszeichen = request.query.geschaeftszeichen?.trim();
        input = {
          kind: 'protokoll',
          header: { ...header, ...(geschaeftszeichen ? { geschaeftszeichen } : {}) },
          query: request.query,
          list,
        };
      }
      // With its defaults applied, as the print route will get it.
      const document: PrintDocument = printDocumentSchema.parse(input);
      const { token, ready } = deps.jobs.open(document);
      const route = printRoute(token);
      if (deps.output.kind === 'preview') return { status: 'preview', route };
      let bytes: Uint8Array;
      try {
        bytes = await deps.output.render(route, ready);
      } finally {
        deps.jobs.close(token);
      }
      const saved = await deps.output.save(printFileName(document, now), bytes);
      if (!saved) return { status: 'cancelled' };
      return {
        status: 'saved',
        fileName: printFileName(document, now),
        location: saved.location,
      };
    },
    'print.document': ({ token }) => {
      const document = deps.jobs.take(token);
      if (!document) throw new BridgeFailure('INVALID_REQUEST', 'unknown or used print token');
      return document;
    },
    'print.ready': ({ token }) => {
      const acknowledged = deps.jobs.markReady(token);
      // The browser host's job ends here: the page has its document, main keeps nothing.
      if (deps.output.kind === 'preview') deps.jobs.close(token);
      return { acknowledged };
    },
  };
}

import { z } from 'zod';
import type { BridgeChannel } from './channels';
import {
  diagnosticsExportSchema,
  logLineSchema,
  logWriteResponseSchema,
} from '../diagnostics/contract';
import { settingChangeSchema, settingsResponseSchema } from '../policy/contract';
import { draftKeysSchema } from './drafts';
import {
  datenpflegeRequestSchema,
  erstmeldungRequestSchema,
  folgemeldungRequestSchema,
  meldungResponseSchema,
  mitteilungenRequestSchema,
  mitteilungenResponseSchema,
  vorpruefungRequestSchema,
  vorpruefungResponseSchema,
} from './meldungen';
import {
  printDocumentSchema,
  printPdfResponseSchema,
  printReadySchema,
  printRequestSchema,
  printTokenRequestSchema,
} from './print';
import {
  anfrageRequestSchema,
  anfrageResponseSchema,
  certificateChooseSchema,
  certificateStatusSchema,
  lichtbildRequestSchema,
  lichtbildResponseSchema,
  protocolExportSchema,
  protocolListSchema,
  protocolQuerySchema,
  registerStatusSchema,
} from './register';

/** What the app tells about itself: shown in the status bar and the "Über azr-desk" dialog. */
export const appInfoSchema = z.object({
  name: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/),
  environment: z.enum(['production', 'development', 'test']),
});

export const healthSchema = z.object({
  status: z.literal('ok'),
  /** The main process's clock (ISO 8601, UTC): lets the renderer see a skewed or frozen host. */
  time: z.iso.datetime(),
});

/** The request of a channel that takes no argument: anything else is INVALID_REQUEST. */
const noRequest = z.undefined();

/**
 * Every renderer ↔ main channel with its request and response schema. Main parses every request with
 * these before a handler runs and every response before it leaves; the renderer gets the types.
 */
export const bridgeContract = {
  'app.info': { request: noRequest, response: appInfoSchema },
  'health.ping': { request: noRequest, response: healthSchema },
  'settings.get': { request: noRequest, response: settingsResponseSchema },
  'settings.set': { request: settingChangeSchema, response: settingsResponseSchema },
  'diagnostics.export': { request: noRequest, response: diagnosticsExportSchema },
  'log.write': { request: logLineSchema, response: logWriteResponseSchema },
  'drafts.keys': { request: noRequest, response: draftKeysSchema },
  'register.status': { request: noRequest, response: registerStatusSchema },
  'register.anfrage': { request: anfrageRequestSchema, response: anfrageResponseSchema },
  'register.lichtbild': { request: lichtbildRequestSchema, response: lichtbildResponseSchema },
  'register.erstmeldung': { request: erstmeldungRequestSchema, response: meldungResponseSchema },
  'register.folgemeldung': { request: folgemeldungRequestSchema, response: meldungResponseSchema },
  'register.datenpflege': { request: datenpflegeRequestSchema, response: meldungResponseSchema },
  'register.mitteilungen': {
    request: mitteilungenRequestSchema,
    response: mitteilungenResponseSchema,
  },
  'certificate.status': { request: noRequest, response: certificateStatusSchema },
  'certificate.choose': { request: certificateChooseSchema, response: certificateStatusSchema },
  'protocol.list': { request: protocolQuerySchema, response: protocolListSchema },
  'protocol.export': { request: protocolQuerySchema, response: protocolExportSchema },
  'protocol.vorpruefung': {
    request: vorpruefungRequestSchema,
    response: vorpruefungResponseSchema,
  },
  'print.pdf': { request: printRequestSchema, response: printPdfResponseSchema },
  'print.document': { request: printTokenRequestSchema, response: printDocumentSchema },
  'print.ready': { request: printTokenRequestSchema, response: printReadySchema },
} as const satisfies Record<BridgeChannel, { request: z.ZodType; response: z.ZodType }>;

export type BridgeContract = typeof bridgeContract;
export type RequestOf<C extends BridgeChannel> = z.input<BridgeContract[C]['request']>;
export type ResponseOf<C extends BridgeChannel> = z.output<BridgeContract[C]['response']>;

export type AppInfo = z.infer<typeof appInfoSchema>;
export type Health = z.infer<typeof healthSchema>;

import { z } from 'zod';

/**
 * The closed set of error codes a bridge call can answer with. The renderer maps each to a German
 * sentence; the technical `message` goes to logs only, never to the caseworker.
 */
export const bridgeErrorCodes = [
  /** The payload did not match the channel's request schema (never coerced). */
  'INVALID_REQUEST',
  /** The call came from a frame that is not the app's own page. */
  'FORBIDDEN_SENDER',
  /** No such channel. */
  'UNKNOWN_CHANNEL',
  /** The handler produced something its response schema rejects: a bug in main, not user input. */
  'INVALID_RESPONSE',
  /** The handler failed unexpectedly. */
  'HANDLER_FAILED',
  /** The main process (or the browser host) could not be reached at all. */
  'UNAVAILABLE',
  /** The setting is fixed by the organisation (policy, or not changeable by users at all). */
  'SETTING_LOCKED',
  /** The drafts' keys could not be unwrapped (OS secret store unavailable, profile damaged). */
  'KEY_UNAVAILABLE',
] as const;

export type BridgeErrorCode = (typeof bridgeErrorCodes)[number];

export const bridgeErrorSchema = z.object({
  code: z.enum(bridgeErrorCodes),
  message: z.string(),
});

export type BridgeError = z.infer<typeof bridgeErrorSchema>;

export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

export const bridgeResultSchema = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: bridgeErrorSchema }),
  ]);

export const bridgeOk = <T>(value: T): BridgeResult<T> => ({ ok: true, value });

export const bridgeFail = (code: BridgeErrorCode, message: string): BridgeResult<never> => ({
  ok: false,
  error: { code, message },
});

/** Thrown by a handler to answer with a specific code instead of HANDLER_FAILED. */
export class BridgeFailure extends Error {
  constructor(
    readonly code: BridgeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BridgeFailure';
  }
}

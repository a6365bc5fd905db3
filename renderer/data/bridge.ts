import type { AzrApi } from '../../shared/bridge/api';
import type { BridgeErrorCode, BridgeResult } from '../../shared/bridge/result';

/** A failed bridge call, carrying the typed code the UI turns into a German sentence. */
export class BridgeCallError extends Error {
  constructor(
    readonly code: BridgeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BridgeCallError';
  }
}

/** The host's bridge; missing only if the page was opened outside azr-desk. */
export function getBridge(): AzrApi {
  const bridge = window.azr;
  if (!bridge) throw new BridgeCallError('UNAVAILABLE', 'window.azr is not defined');
  return bridge;
}

/** Resolves to the value of a successful call and rejects with a BridgeCallError otherwise. */
export async function unwrap<T>(call: Promise<BridgeResult<T>>): Promise<T> {
  const result = await call;
  if (result.ok) return result.value;
  throw new BridgeCallError(result.error.code, result.error.message);
}

import { z } from 'zod';
import type { BridgeChannel } from '../../../../shared/bridge/channels';
import { bridgeChannels, isBridgeChannel } from '../../../../shared/bridge/channels';
import type { RequestOf, ResponseOf } from '../../../../shared/bridge/contract';
import { bridgeContract } from '../../../../shared/bridge/contract';
import type { BridgeResult } from '../../../../shared/bridge/result';
import { BridgeFailure, bridgeFail, bridgeOk } from '../../../../shared/bridge/result';
import type { BridgeSender, TrustedSenderCheck } from './sender';

export type BridgeHandler<C extends BridgeChannel> = (
  request: RequestOf<C>,
) => Promise<ResponseOf<C>> | ResponseOf<C>;

export type BridgeHandlers = { readonly [C in BridgeChannel]: BridgeHandler<C> };

export interface BridgeDispatcher {
  readonly channels: readonly BridgeChannel[];
  /** Never throws: every outcome is a `BridgeResult`, so no stack trace crosses the bridge. */
  dispatch(channel: string, payload: unknown, sender: BridgeSender): Promise<BridgeResult<unknown>>;
}

export interface BridgeDispatcherOptions {
  readonly handlers: BridgeHandlers;
  readonly isTrustedSender: TrustedSenderCheck;
  /** Told about every refused or failed call; the bridge itself stays silent towards the sender. */
  readonly onError?: (channel: string, code: string, detail: unknown) => void;
}

/**
 * The one wrapper every bridge handler runs behind, in both hosts: sender check, request schema,
 * handler, response schema. A schema failure is an error, never a coercion.
 */
export function createBridgeDispatcher(options: BridgeDispatcherOptions): BridgeDispatcher {
  const { handlers, isTrustedSender, onError = () => undefined } = options;

  async function dispatch(
    channel: string,
    payload: unknown,
    sender: BridgeSender,
  ): Promise<BridgeResult<unknown>> {
    if (!isBridgeChannel(channel)) {
      onError(channel, 'UNKNOWN_CHANNEL', undefined);
      return bridgeFail('UNKNOWN_CHANNEL', `Unknown bridge channel "${channel}".`);
    }
    if (!isTrustedSender(sender)) {
      onError(channel, 'FORBIDDEN_SENDER', sender.url);
      return bridgeFail('FORBIDDEN_SENDER', 'The call did not come from the app page.');
    }
    const schemas = bridgeContract[channel];
    const request = schemas.request.safeParse(payload);
    if (!request.success) {
      onError(channel, 'INVALID_REQUEST', request.error.issues);
      return bridgeFail('INVALID_REQUEST', z.prettifyError(request.error));
    }
    let value: unknown;
    try {
      const handler = handlers[channel] as (request: unknown) => unknown;
      value = await handler(request.data);
    } catch (error) {
      if (error instanceof BridgeFailure) {
        onError(channel, error.code, error.message);
        return bridgeFail(error.code, error.message);
      }
      onError(channel, 'HANDLER_FAILED', error);
      return bridgeFail('HANDLER_FAILED', `The handler of "${channel}" failed.`);
    }
    const response = schemas.response.safeParse(value);
    if (!response.success) {
      onError(channel, 'INVALID_RESPONSE', response.error.issues);
      return bridgeFail('INVALID_RESPONSE', `The answer of "${channel}" broke its schema.`);
    }
    return bridgeOk(response.data);
  }

  return { channels: bridgeChannels, dispatch };
}

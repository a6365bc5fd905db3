import type { BridgeChannel } from './channels';
import { bridgeChannels } from './channels';
import type { RequestOf, ResponseOf } from './contract';
import type { BridgeResult } from './result';

type AreaOf<C extends string> = C extends `${infer A}.${string}` ? A : never;
type CallOf<C extends string, A extends string> = C extends `${A}.${infer Call}` ? Call : never;

type BridgeFunction<C extends BridgeChannel> =
  undefined extends RequestOf<C>
    ? (request?: RequestOf<C>) => Promise<BridgeResult<ResponseOf<C>>>
    : (request: RequestOf<C>) => Promise<BridgeResult<ResponseOf<C>>>;

/** `window.azr`: one object per area, one function per call, e.g. `azr.app.info()`. */
export type AzrApi = {
  readonly [A in AreaOf<BridgeChannel>]: {
    readonly [Call in CallOf<BridgeChannel, A>]: BridgeFunction<
      Extract<`${A}.${Call}`, BridgeChannel>
    >;
  };
};

/** Sends one call to main; the transport (IPC or HTTP) is the host's business. */
export type BridgeInvoke = (channel: BridgeChannel, request: unknown) => Promise<unknown>;

/**
 * Builds `window.azr` from the channel list over any transport. Both hosts use this one function,
 * so the renderer cannot tell them apart and gets exactly the contract's calls, nothing more.
 */
export function createAzrApi(invoke: BridgeInvoke): AzrApi {
  const api: Record<string, Record<string, (request?: unknown) => Promise<unknown>>> = {};
  for (const channel of bridgeChannels) {
    const [area, call] = channel.split('.') as [string, string];
    const areaApi = (api[area] ??= {});
    areaApi[call] = (request?: unknown) => invoke(channel, request);
  }
  for (const area of Object.values(api)) Object.freeze(area);
  return Object.freeze(api) as unknown as AzrApi;
}

export type { BridgeDispatcher, BridgeHandlers } from './dispatcher';
export { createBridgeDispatcher } from './dispatcher';
export { createBridgeHandlers } from './handlers';
export type { BridgeSender, TrustedSenderCheck } from './sender';
export { createTrustedSenderCheck } from './sender';

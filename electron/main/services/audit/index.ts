export type { ProtocolHead, ProtocolLine, Verification } from './chain';
export { GENESIS, verifyChain } from './chain';
export { csvField, protocolCsv } from './csv';
export type { ProtocolExport, ProtocolFs, ProtocolLog, ProtocolLogDeps } from './protocol';
export {
  HEAD_FILE,
  PROTOCOL_FILE,
  createProtocolLog,
  nodeProtocolFs,
  retentionCutoff,
} from './protocol';

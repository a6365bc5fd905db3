export type { DraftKeys, DraftKeyVault, SecretWrapper, WrappedKeyStore } from './key-vault';
export { createDraftKeyVault, DraftKeyError } from './key-vault';
export { createFileKeyStore, nodeRandomBytes, plainKeyFileWrapper } from './file-store';

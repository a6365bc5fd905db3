import { webcrypto } from 'node:crypto';
import { readIfExists, writeFileAtomic } from '../files';
import type { SecretWrapper, WrappedKeyStore } from './key-vault';

/** The wrapped keys in one file, written atomically (temp file + rename), readable by the user only. */
export function createFileKeyStore(path: string): WrappedKeyStore {
  return {
    async read() {
      const bytes = await readIfExists(path);
      return bytes && new Uint8Array(bytes);
    },
    write: (data) => writeFileAtomic(path, data, { file: 0o600, dir: 0o700 }),
  };
}

/**
 * The browser host's stand-in for safeStorage: the key file itself is the secret (mode 0600 in the
 * host's data directory). For tests and `npm run preview` only — Electron always uses safeStorage.
 */
export const plainKeyFileWrapper: SecretWrapper = {
  wrap: (plain) => Promise.resolve(new TextEncoder().encode(plain)),
  unwrap: (blob) => Promise.resolve({ plain: new TextDecoder().decode(blob), rewrap: false }),
};

/** Cryptographically secure random bytes from Node (both hosts). */
export const nodeRandomBytes = (length: number): Uint8Array =>
  new Uint8Array(webcrypto.getRandomValues(new Uint8Array(length)));

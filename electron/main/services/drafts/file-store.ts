import { webcrypto } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SecretWrapper, WrappedKeyStore } from './key-vault';

/** The wrapped keys in one file, written atomically (temp file + rename), readable by the user only. */
export function createFileKeyStore(path: string): WrappedKeyStore {
  return {
    async read() {
      try {
        return new Uint8Array(await readFile(path));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async write(data) {
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      const temp = `${path}.${process.pid}.tmp`;
      await writeFile(temp, data, { mode: 0o600 });
      await rename(temp, path);
    },
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

import { join } from 'node:path';
import { app as electronApp, safeStorage as electronSafeStorage } from 'electron';
import type { App, SafeStorage } from 'electron';
import type { SecretWrapper } from '../services/drafts';

/**
 * The drafts' key wrapper on Electron: safeStorage's async API (DPAPI on Windows, Keychain on
 * macOS, libsecret/kwallet on Linux). Refuses to wrap when the OS offers no secret store, so keys
 * are never written in the clear by the app (architecture §2, domain.md §6).
 */
export function createSafeStorageWrapper(
  safeStorage: Pick<
    SafeStorage,
    'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync'
  > &
    Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>> = electronSafeStorage,
  platform: NodeJS.Platform = process.platform,
): SecretWrapper {
  const ensureAvailable = async () => {
    if (!(await safeStorage.isAsyncEncryptionAvailable()))
      throw new Error('safeStorage: no OS secret store available');
    // On Linux without a keyring Chromium falls back to a fixed, public password ("basic_text"):
    // that would be the key in the clear with extra steps.
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text')
      throw new Error('safeStorage: only basic_text available (no keyring)');
  };
  return {
    async wrap(plain) {
      await ensureAvailable();
      return new Uint8Array(await safeStorage.encryptStringAsync(plain));
    },
    async unwrap(blob) {
      await ensureAvailable();
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(blob));
      return { plain: result, rewrap: shouldReEncrypt };
    },
  };
}

/** The wrapped draft keys live in the user's profile (per Windows user, never roaming data). */
export function draftKeyFilePath(app: Pick<App, 'getPath'> = electronApp): string {
  return join(app.getPath('userData'), 'draft-keys.bin');
}

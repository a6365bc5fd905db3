import { describe, expect, it, vi } from 'vitest';
import { createSafeStorageWrapper, draftKeyFilePath } from './safe-storage';

function fakeSafeStorage(available = true, shouldReEncrypt = false) {
  return {
    isAsyncEncryptionAvailable: vi.fn(() => Promise.resolve(available)),
    encryptStringAsync: vi.fn((plain: string) =>
      Promise.resolve(Buffer.from(`enc:${Buffer.from(plain).toString('hex')}`)),
    ),
    decryptStringAsync: vi.fn((blob: Buffer) =>
      Promise.resolve({
        result: Buffer.from(blob.toString().slice(4), 'hex').toString(),
        shouldReEncrypt,
      }),
    ),
  };
}

describe('safeStorage als Verpackung der Entwurfsschlüssel', () => {
  it('verpackt und entpackt über die asynchrone API', async () => {
    const storage = fakeSafeStorage();
    const wrapper = createSafeStorageWrapper(storage);
    const blob = await wrapper.wrap('geheim');
    expect(storage.encryptStringAsync).toHaveBeenCalledWith('geheim');
    expect(await wrapper.unwrap(blob)).toEqual({ plain: 'geheim', rewrap: false });
  });

  it('verweigert das Verpacken ohne Schlüsselspeicher des Systems statt Klartext zu schreiben', async () => {
    const storage = fakeSafeStorage(false);
    await expect(createSafeStorageWrapper(storage).wrap('geheim')).rejects.toThrow(
      /no OS secret store/,
    );
    expect(storage.encryptStringAsync).not.toHaveBeenCalled();
  });

  it('verweigert unter Linux die Ersatzverschlüsselung ohne Schlüsselbund (basic_text)', async () => {
    const storage = {
      ...fakeSafeStorage(),
      getSelectedStorageBackend: () => 'basic_text' as const,
    };
    await expect(createSafeStorageWrapper(storage, 'linux').wrap('geheim')).rejects.toThrow(
      /basic_text/,
    );
    await expect(createSafeStorageWrapper(storage, 'win32').wrap('geheim')).resolves.toBeDefined();
  });

  it('meldet, wenn das System neu verpacken möchte', async () => {
    const wrapper = createSafeStorageWrapper(fakeSafeStorage(true, true));
    expect((await wrapper.unwrap(await wrapper.wrap('x'))).rewrap).toBe(true);
  });

  it('legt die Schlüsseldatei im Benutzerprofil ab', () => {
    expect(draftKeyFilePath({ getPath: () => '/home/u/.config/azr-desk' })).toBe(
      '/home/u/.config/azr-desk/draft-keys.bin',
    );
  });
});

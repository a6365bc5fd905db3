import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDraftsHandlers } from '../bridge/drafts-handlers';
import { createFileKeyStore, nodeRandomBytes, plainKeyFileWrapper } from './file-store';
import type { SecretWrapper, WrappedKeyStore } from './key-vault';
import { createDraftKeyVault, DraftKeyError } from './key-vault';

function memoryStore(): WrappedKeyStore & { data?: Uint8Array; writes: number } {
  const store = {
    data: undefined as Uint8Array | undefined,
    writes: 0,
    read: () => Promise.resolve(store.data),
    write: (data: Uint8Array) => {
      store.data = data;
      store.writes++;
      return Promise.resolve();
    },
  };
  return store;
}

/** A wrapper that XORs with 0x5a, so a test can tell wrapped from clear bytes. */
const xorWrapper = (rewrap = false): SecretWrapper => ({
  wrap: (plain) => Promise.resolve(new TextEncoder().encode(plain).map((b) => b ^ 0x5a)),
  unwrap: (blob) =>
    Promise.resolve({ plain: new TextDecoder().decode(blob.map((b) => b ^ 0x5a)), rewrap }),
});

describe('Schlüsseltresor der Entwürfe', () => {
  it('erzeugt beim ersten Start zwei verschiedene 256-Bit-Schlüssel und speichert sie nur verpackt', async () => {
    const store = memoryStore();
    const vault = createDraftKeyVault({
      wrapper: xorWrapper(),
      store,
      randomBytes: nodeRandomBytes,
    });
    const keys = await vault.keys();
    expect(Buffer.from(keys.dataKey, 'base64')).toHaveLength(32);
    expect(keys.indexKey).not.toBe(keys.dataKey);
    expect(Buffer.from(store.data!).toString('latin1')).not.toContain(keys.dataKey);
  });

  it('liefert nach einem Neustart dieselben Schlüssel', async () => {
    const store = memoryStore();
    const first = await createDraftKeyVault({
      wrapper: xorWrapper(),
      store,
      randomBytes: nodeRandomBytes,
    }).keys();
    const second = await createDraftKeyVault({
      wrapper: xorWrapper(),
      store,
      randomBytes: nodeRandomBytes,
    }).keys();
    expect(second).toEqual(first);
    expect(store.writes).toBe(1);
  });

  it('gleichzeitige Anfragen beim Start erzeugen nur ein Schlüsselpaar', async () => {
    const store = memoryStore();
    const vault = createDraftKeyVault({
      wrapper: xorWrapper(),
      store,
      randomBytes: nodeRandomBytes,
    });
    const [a, b] = await Promise.all([vault.keys(), vault.keys()]);
    expect(a).toEqual(b);
    expect(store.writes).toBe(1);
  });

  it('ersetzt Schlüssel, die sich nicht entpacken lassen, nie stillschweigend', async () => {
    const store = memoryStore();
    store.data = new Uint8Array([1, 2, 3]);
    const failing: SecretWrapper = {
      ...xorWrapper(),
      unwrap: () => Promise.reject(new Error('DPAPI')),
    };
    const vault = createDraftKeyVault({ wrapper: failing, store, randomBytes: nodeRandomBytes });
    await expect(vault.keys()).rejects.toBeInstanceOf(DraftKeyError);
    expect(store.writes).toBe(0);
  });

  it('eine beschädigte Schlüsseldatei ist ein Fehler, kein Ersatzschlüssel', async () => {
    const store = memoryStore();
    store.data = new TextEncoder().encode('{"v":1,"dataKey":"kurz"}').map((b) => b ^ 0x5a);
    const vault = createDraftKeyVault({
      wrapper: xorWrapper(),
      store,
      randomBytes: nodeRandomBytes,
    });
    await expect(vault.keys()).rejects.toMatchObject({ reason: 'CORRUPT' });
  });

  it('verpackt neu, wenn der Schlüsselspeicher des Systems es verlangt', async () => {
    const store = memoryStore();
    await createDraftKeyVault({
      wrapper: xorWrapper(),
      store,
      randomBytes: nodeRandomBytes,
    }).keys();
    await createDraftKeyVault({
      wrapper: xorWrapper(true),
      store,
      randomBytes: nodeRandomBytes,
    }).keys();
    expect(store.writes).toBe(2);
  });

  it('die Schlüsseldatei des Browser-Hosts ist nur für den Benutzer lesbar und übersteht Neustarts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'azr-keys-'));
    const path = join(dir, 'sub', 'draft-keys.json');
    const make = () =>
      createDraftKeyVault({
        wrapper: plainKeyFileWrapper,
        store: createFileKeyStore(path),
        randomBytes: nodeRandomBytes,
      });
    const first = await make().keys();
    expect(await make().keys()).toEqual(first);
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o077).toBe(0);
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ v: 1 });
  });

  it('drafts.keys antwortet ohne Tresor oder bei Fehler mit KEY_UNAVAILABLE', async () => {
    await expect(createDraftsHandlers(undefined)['drafts.keys'](undefined)).rejects.toMatchObject({
      code: 'KEY_UNAVAILABLE',
    });
    const broken = {
      keyVault: { keys: () => Promise.reject(new DraftKeyError('UNWRAP_FAILED', 'x')) },
    };
    await expect(createDraftsHandlers(broken)['drafts.keys'](undefined)).rejects.toMatchObject({
      code: 'KEY_UNAVAILABLE',
    });
  });
});

import { z } from 'zod';

/**
 * The drafts' data key and blind-index key (architecture §2). Generated once per user profile, kept
 * on disk only wrapped by the platform's secret store (Electron: safeStorage → DPAPI on Windows;
 * browser host: a key file), and handed to the renderer over `drafts.keys`. Main never sees a
 * draft: it only guards the keys.
 */
export interface SecretWrapper {
  /** Encrypts the key material for storage on disk. */
  wrap(plain: string): Promise<Uint8Array>;
  /** Decrypts it; `rewrap` asks the vault to store a freshly wrapped copy (key rotation). */
  unwrap(blob: Uint8Array): Promise<{ readonly plain: string; readonly rewrap: boolean }>;
}

/** Where the wrapped keys live (a file in the user's profile). */
export interface WrappedKeyStore {
  read(): Promise<Uint8Array | undefined>;
  write(data: Uint8Array): Promise<void>;
}

export interface DraftKeys {
  /** 32 bytes, base64: AES-256-GCM key of every draft and outbox record. */
  readonly dataKey: string;
  /** 32 bytes, base64: HMAC-SHA-256 key of the blind index; separate so one never reveals the other. */
  readonly indexKey: string;
}

export class DraftKeyError extends Error {
  constructor(
    readonly reason: 'UNWRAP_FAILED' | 'CORRUPT' | 'UNAVAILABLE',
    message: string,
  ) {
    super(message);
    this.name = 'DraftKeyError';
  }
}

const base64Key = z.base64().regex(/^[A-Za-z0-9+/]{43}=$/, 'expected 32 bytes');
const keysSchema = z.object({ v: z.literal(1), dataKey: base64Key, indexKey: base64Key }).strict();

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

export interface DraftKeyVaultDeps {
  readonly wrapper: SecretWrapper;
  readonly store: WrappedKeyStore;
  readonly randomBytes: (length: number) => Uint8Array;
}

export interface DraftKeyVault {
  keys(): Promise<DraftKeys>;
}

export function createDraftKeyVault(deps: DraftKeyVaultDeps): DraftKeyVault {
  // One load at a time: two windows asking at start must not generate two different key pairs.
  let loading: Promise<DraftKeys> | undefined;

  async function load(): Promise<DraftKeys> {
    const wrapped = await deps.store.read();
    if (wrapped === undefined) {
      const keys = {
        v: 1 as const,
        dataKey: toBase64(deps.randomBytes(32)),
        indexKey: toBase64(deps.randomBytes(32)),
      };
      await deps.store.write(await deps.wrapper.wrap(JSON.stringify(keys)));
      return { dataKey: keys.dataKey, indexKey: keys.indexKey };
    }
    let unwrapped: { plain: string; rewrap: boolean };
    try {
      unwrapped = await deps.wrapper.unwrap(wrapped);
    } catch (error) {
      // Never replace the keys here: a new pair would silently orphan every stored draft.
      throw new DraftKeyError('UNWRAP_FAILED', `cannot unwrap draft keys: ${String(error)}`);
    }
    let parsed: z.infer<typeof keysSchema>;
    try {
      parsed = keysSchema.parse(JSON.parse(unwrapped.plain));
    } catch {
      throw new DraftKeyError('CORRUPT', 'draft key file has an unexpected content');
    }
    if (unwrapped.rewrap) await deps.store.write(await deps.wrapper.wrap(unwrapped.plain));
    return { dataKey: parsed.dataKey, indexKey: parsed.indexKey };
  }

  return {
    keys() {
      loading ??= load().catch((error: unknown) => {
        loading = undefined;
        throw error;
      });
      return loading;
    },
  };
}

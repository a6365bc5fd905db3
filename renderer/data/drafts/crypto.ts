/**
 * Encryption at rest of drafts and outbox records (architecture §2, domain.md §6): AES-256-GCM with
 * a fresh random 96-bit IV per write and the record's table, id and schema version as additional
 * data — a ciphertext moved to another record, table or version fails authentication. Lookups by
 * name use a blind index: HMAC-SHA-256 under a second key, so the index reveals equality only.
 */
export type CryptoFailure = 'TAMPERED' | 'LOCKED';

/** A record that cannot be decrypted: changed on disk, moved, or the key is gone (locked). */
export class DraftCryptoError extends Error {
  constructor(
    readonly reason: CryptoFailure,
    message: string,
  ) {
    super(message);
    this.name = 'DraftCryptoError';
  }
}

export interface SealedRecord {
  readonly iv: Uint8Array;
  readonly ciphertext: Uint8Array;
}

export interface RecordAddress {
  readonly table: string;
  readonly id: string;
  readonly schemaVersion: number;
}

const encoder = new TextEncoder();
const BLIND_CACHE_LIMIT = 20_000;
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Separated by NUL, which neither a table name nor a UUID contains. */
const additionalData = ({ table, id, schemaVersion }: RecordAddress) =>
  encoder.encode(`azr-desk\u0000${table}\u0000${id}\u0000${schemaVersion}`);

const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

const toBase64Url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

export interface DraftCipher {
  seal(address: RecordAddress, value: unknown): Promise<SealedRecord>;
  open(address: RecordAddress, sealed: SealedRecord): Promise<unknown>;
  /** Blind-index entry of a (domain-separated) value; 128 bits, base64url. */
  blind(value: string): Promise<string>;
  /** Forgets both keys; every later call fails with LOCKED. */
  destroy(): void;
}

export interface CipherOptions {
  readonly subtle?: SubtleCrypto;
  readonly randomValues?: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>;
}

/**
 * Imports the raw keys from `drafts.keys` as non-extractable CryptoKeys and overwrites the raw
 * bytes: after this the renderer holds no copy it could leak, only handles the browser guards.
 */
export async function createDraftCipher(
  raw: { readonly dataKey: string; readonly indexKey: string },
  options: CipherOptions = {},
): Promise<DraftCipher> {
  const subtle = options.subtle ?? crypto.subtle;
  const randomValues =
    options.randomValues ?? ((bytes: Uint8Array<ArrayBuffer>) => crypto.getRandomValues(bytes));
  const dataBytes = fromBase64(raw.dataKey);
  const indexBytes = fromBase64(raw.indexKey);
  let dataKey: CryptoKey | undefined = await subtle.importKey(
    'raw',
    dataBytes,
    { name: 'AES-GCM' },
    false,
    ['encrypt', 'decrypt'],
  );
  let indexKey: CryptoKey | undefined = await subtle.importKey(
    'raw',
    indexBytes,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  dataBytes.fill(0);
  indexBytes.fill(0);
  const blindCache = new Map<string, string>();

  const requireKey = <K>(key: K | undefined): K => {
    if (key === undefined) throw new DraftCryptoError('LOCKED', 'draft keys were dropped (locked)');
    return key;
  };

  return {
    async seal(address, value) {
      const iv = randomValues(new Uint8Array(12));
      const plaintext = encoder.encode(JSON.stringify(value));
      const ciphertext = new Uint8Array(
        await subtle.encrypt(
          { name: 'AES-GCM', iv, additionalData: additionalData(address) },
          requireKey(dataKey),
          plaintext,
        ),
      );
      plaintext.fill(0);
      return { iv, ciphertext };
    },
    async open(address, sealed) {
      const key = requireKey(dataKey);
      let plaintext: ArrayBuffer;
      try {
        plaintext = await subtle.decrypt(
          {
            name: 'AES-GCM',
            iv: new Uint8Array(sealed.iv),
            additionalData: additionalData(address),
          },
          key,
          new Uint8Array(sealed.ciphertext),
        );
      } catch {
        throw new DraftCryptoError(
          'TAMPERED',
          `${address.table}/${address.id}: authentication failed (changed, moved or wrong key)`,
        );
      }
      try {
        return JSON.parse(decoder.decode(plaintext)) as unknown;
      } catch {
        throw new DraftCryptoError('TAMPERED', `${address.table}/${address.id}: not JSON`);
      }
    },
    async blind(value) {
      // Autosave re-indexes the same tokens on every keystroke: remember them (memory only,
      // forgotten on lock together with the keys).
      const known = blindCache.get(value);
      if (known !== undefined) return known;
      const mac = await subtle.sign('HMAC', requireKey(indexKey), encoder.encode(value));
      const entry = toBase64Url(new Uint8Array(mac, 0, 16));
      if (blindCache.size >= BLIND_CACHE_LIMIT) blindCache.clear();
      blindCache.set(value, entry);
      return entry;
    },
    destroy() {
      dataKey = undefined;
      indexKey = undefined;
      blindCache.clear();
    },
  };
}

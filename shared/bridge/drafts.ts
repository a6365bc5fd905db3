import { z } from 'zod';

/** 32 random bytes, base64 (44 characters with one padding sign). */
const key256 = z.base64().regex(/^[A-Za-z0-9+/]{43}=$/, { message: 'expected a 256-bit key' });

/**
 * `drafts.keys`: the drafts' data key (AES-256-GCM) and blind-index key (HMAC-SHA-256), unwrapped by
 * main from safeStorage (browser host: key file). The renderer imports them as non-extractable
 * CryptoKeys and drops them on lock.
 */
export const draftKeysSchema = z.object({ dataKey: key256, indexKey: key256 }).strict();

export type DraftKeysResponse = z.infer<typeof draftKeysSchema>;

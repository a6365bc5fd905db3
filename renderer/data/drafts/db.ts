import { Dexie } from 'dexie';
import type { EntityTable } from 'dexie';
import { z } from 'zod';
import type { DraftKind, DraftStatus } from '../../../shared/domain/draft';
import { draftKinds, draftStatuses } from '../../../shared/domain/draft';

/**
 * The renderer's IndexedDB (Dexie 4). Only the repositories in this folder touch it. Personal data
 * exists here only as AES-GCM ciphertext; the clear columns are the non-personal ones the list
 * sorts and filters by (id, kind, status, timestamps) and the blind index.
 */
export interface DraftIndexRow {
  readonly id: string;
  readonly kind: DraftKind;
  readonly status: DraftStatus;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  readonly updatedAt: number;
}

/**
 * Blind-index entries (HMAC) of a draft: name tokens and prefixes, Geschäftszeichen, matching keys.
 * A table of its own so the list reads small rows.
 */
export interface DraftBlindRow {
  readonly id: string;
  readonly blind: readonly string[];
}

export interface DraftBodyRow {
  readonly id: string;
  readonly schemaVersion: number;
  readonly iv: Uint8Array;
  readonly ciphertext: Uint8Array;
}

/** The outbox (next issue): a Meldung ready to send, encrypted like a draft. */
export interface OutboxRow {
  readonly id: string;
  readonly draftId: string;
  readonly status: 'wartet' | 'wird-gesendet' | 'bestaetigt' | 'abgelehnt' | 'konflikt';
  readonly idempotencyKey: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly schemaVersion: number;
  readonly iv: Uint8Array;
  readonly ciphertext: Uint8Array;
}

/** Non-personal bookkeeping (e.g. when the retention purge last ran). */
export interface MetaRow {
  readonly key: string;
  readonly value: string | number;
}

export type AzrDatabase = Dexie & {
  drafts: EntityTable<DraftIndexRow, 'id'>;
  draftBlind: EntityTable<DraftBlindRow, 'id'>;
  draftBodies: EntityTable<DraftBodyRow, 'id'>;
  outbox: EntityTable<OutboxRow, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
};

export const DATABASE_NAME = 'azr-desk';

export interface DatabaseOptions {
  readonly name?: string;
  /** Tests pass fake-indexeddb here. */
  readonly indexedDB?: IDBFactory;
  readonly IDBKeyRange?: typeof IDBKeyRange;
  /** Chromium's commit durability; see openDatabase. Benchmarks compare the settings. */
  readonly durability?: 'strict' | 'relaxed' | 'default';
}

export function openDatabase(options: DatabaseOptions = {}): AzrDatabase {
  const db = new Dexie(options.name ?? DATABASE_NAME, {
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    // A draft marked "gespeichert" must survive a killed process and a power cut: ask Chromium
    // to flush each commit (IndexedDB durability "strict") instead of its relaxed default.
    chromeTransactionDurability: options.durability ?? 'strict',
  }) as AzrDatabase;
  db.version(1).stores({
    drafts: 'id, kind, status, createdAt, updatedAt, [kind+updatedAt], [status+updatedAt]',
    draftBlind: 'id, *blind',
    draftBodies: 'id',
    outbox: 'id, draftId, status, createdAt',
    meta: 'key',
  });
  return db;
}

// Rows are read back through these schemas: IndexedDB is outside the renderer's trust (another
// build, a damaged profile, a manual edit) and a bad row must be an error, never half a draft.
const bytes = z.custom<Uint8Array>(
  (value) => value instanceof Uint8Array || ArrayBuffer.isView(value),
);

export const draftIndexRowSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(draftKinds),
  status: z.enum(draftStatuses),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
});

export const draftBodyRowSchema = z.object({
  id: z.string().min(1),
  schemaVersion: z.number().int().positive(),
  iv: bytes.refine((iv) => iv.byteLength === 12, 'IV must be 96 bits'),
  ciphertext: bytes,
});

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
  /**
   * Where the draft stands after the pre-check (issue 7): its Meldung waits in the outbox, or the
   * register confirmed it. Absent while it is being worked on. A staged draft cannot be edited.
   */
  readonly stage?: DraftStage;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  readonly updatedAt: number;
}

export const draftStages = ['postausgang', 'abgeschlossen'] as const;
export type DraftStage = (typeof draftStages)[number];

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

/**
 * The pre-check of one draft (issue 7; id = the draft's id): the shared/precheck state and what came
 * of it, encrypted like the draft — decisions and their reasons describe the person.
 */
export interface PrecheckRow {
  readonly id: string;
  readonly updatedAt: number;
  readonly schemaVersion: number;
  readonly iv: Uint8Array;
  readonly ciphertext: Uint8Array;
}

/**
 * A Mitteilung zu Datenänderungen (090030) as received (renderer/data/notices): id = the register's
 * notice id, so a notice is stored — and processed — once. Encrypted: the notice (AZR-Nummern,
 * recommendation) and what the app did with it. In clear only the order of arrival, the
 * caseworker's read state and whether it was processed.
 */
export interface NoticeRow {
  readonly id: string;
  /** Order of arrival: notices are processed in it (a chain of merges must re-key in order). */
  readonly seq: number;
  readonly status: 'neu' | 'erledigt';
  readonly receivedAt: number;
  /** The `verarbeitet` marker: set once its local effect (re-keying) is done. Epoch ms. */
  readonly verarbeitetAm?: number;
  readonly schemaVersion: number;
  /**
   * Retention: when the content was deleted (epoch ms). The row stays as a tombstone without `iv`
   * and `ciphertext`, so the register's next delivery of the notice is recognised as known.
   */
  readonly geloeschtAm?: number;
  readonly iv?: Uint8Array;
  readonly ciphertext?: Uint8Array;
}

/**
 * The outbox (renderer/data/outbox): a Meldung ready to send, encrypted like a draft. In clear only
 * what the worker schedules by: ids, art, state, order, attempts, the last failure code, and the
 * target AZR-Nummern as blind-index entries (equality only).
 */
export interface OutboxRow {
  readonly id: string;
  readonly draftId: string;
  readonly art: 'erstmeldung' | 'folgemeldung' | 'datenpflege';
  readonly status: 'wartet' | 'wird-gesendet' | 'bestaetigt' | 'abgelehnt' | 'konflikt';
  /** Also inside the ciphertext; a row whose two copies differ is tampered with. */
  readonly idempotencyKey: string;
  /** Creation order (strictly increasing; timestamps may tie). */
  readonly seq: number;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly attempts: number;
  /** Epoch milliseconds; the worker does not send before. */
  readonly nextAttemptAt: number;
  /** The last transient failure's code (e.g. REGISTER_UNREACHABLE); never a message text. */
  readonly lastError?: string;
  /** The onSettled reaction to the current outcome has finished (false while none is due). */
  readonly handled: boolean;
  /** HMAC blind-index entries of the AZR-Nummern written to (Folgemeldung, Datenpflege). */
  readonly targets: readonly string[];
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
  prechecks: EntityTable<PrecheckRow, 'id'>;
  notices: EntityTable<NoticeRow, 'id'>;
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
  // Issue 7: the pre-check per draft and the register's change notices.
  db.version(2)
    .stores({
      prechecks: 'id',
      notices: 'id, &seq, status',
      // The outbox's rows gained scheduling fields (no version 1 row was ever written).
      outbox: 'id, draftId, status, &seq, *targets',
    })
    // Drafts of version 1 have no `a:` (AZR-Nummer) blind-index entries; the key is not at hand
    // here, so the drafts repository adds them with the first merge it re-keys.
    .upgrade((tx) => tx.table('meta').put({ key: AZR_INDEX_PENDING_KEY, value: 1 }));
  return db;
}

/** meta: set while drafts from before the `a:` blind-index entries may lack theirs. */
export const AZR_INDEX_PENDING_KEY = 'draftBlind.azrNummerPending';

// Rows are read back through these schemas: IndexedDB is outside the renderer's trust (another
// build, a damaged profile, a manual edit) and a bad row must be an error, never half a draft.
const bytes = z.custom<Uint8Array>(
  (value) => value instanceof Uint8Array || ArrayBuffer.isView(value),
);

export const draftIndexRowSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(draftKinds),
  status: z.enum(draftStatuses),
  stage: z.enum(draftStages).optional(),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
});

export const draftBodyRowSchema = z.object({
  id: z.string().min(1),
  schemaVersion: z.number().int().positive(),
  iv: bytes.refine((iv) => iv.byteLength === 12, 'IV must be 96 bits'),
  ciphertext: bytes,
});

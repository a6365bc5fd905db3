import { z } from 'zod';
import type { DraftCipher, SealedRecord } from '../drafts/crypto';
import { DraftCryptoError } from '../drafts/crypto';
import type { AzrDatabase, OutboxRow } from '../drafts/db';
import type {
  OutboxAnzeige,
  OutboxArt,
  OutboxMeldung,
  OutboxOutcome,
  OutboxPayload,
  OutboxStatus,
} from './model';
import {
  ENTSCHIEDENE_STATUS,
  OFFENE_STATUS,
  OutboxPayloadError,
  anzeigeSchema,
  omitKeys,
  geschaeftszeichenOf,
  optionalAbrufzweck,
  outboxArten,
  outboxStatuses,
  outcomeSchema,
  parseMeldung,
  targetsOf,
} from './model';

/**
 * The outbox repository: the only code that reads or writes outbox entries. The Meldung, its
 * display data, its idempotency key and the register's answer are sealed (AES-GCM, table/id/schema
 * version as additional data); the clear columns are what the worker schedules by. Every row read
 * back is checked against its ciphertext, so a changed state or key is an error, not an instruction.
 */
export interface OutboxEntry {
  readonly id: string;
  readonly draftId: string;
  readonly art: OutboxArt;
  readonly status: OutboxStatus;
  readonly idempotencyKey: string;
  readonly seq: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly lastError: string | undefined;
  readonly handled: boolean;
  readonly meldung: OutboxMeldung;
  readonly anzeige: OutboxAnzeige;
  readonly geschaeftszeichen: string;
  readonly abrufzweck: string | undefined;
  /** The register's decision (or main's definitive refusal); null while none came. */
  readonly ergebnis: { readonly outcome: OutboxOutcome; readonly am: Date } | null;
  /** Changes with every sealed write: rebase/remove/markHandled act only on the version seen. */
  readonly revision: string;
}

/** What the worker schedules by, read without decrypting anything. */
export interface OutboxQueueItem {
  readonly id: string;
  readonly draftId: string;
  readonly status: OutboxStatus;
  readonly seq: number;
  readonly nextAttemptAt: number;
  readonly attempts: number;
  readonly targets: readonly string[];
}

/**
 * What a write was: the worker's own state transitions (`worker`: sending, deferred, settled,
 * handled), which the worker already knows of, or anything else (new entries, "Jetzt senden",
 * rebase, removal), after which the worker reads the queue again.
 */
export interface OutboxChange {
  readonly cause: 'worker' | 'other';
}

export type OutboxCounts = Readonly<Record<OutboxStatus, number>>;

/** The draft already has a Meldung in the outbox (waiting, in conflict, or confirmed). */
export class OutboxEntryExistsError extends Error {
  constructor(
    readonly draftId: string,
    readonly existingId: string,
  ) {
    super(`draft ${draftId} already has outbox entry ${existingId}`);
    this.name = 'OutboxEntryExistsError';
  }
}

/** The entry is not in a state that allows this (or changed since it was read). */
export class OutboxStateError extends Error {
  constructor(
    readonly id: string,
    message: string,
  ) {
    super(`outbox entry ${id}: ${message}`);
    this.name = 'OutboxStateError';
  }
}

export interface OutboxRepositoryDeps {
  readonly db: AzrDatabase;
  readonly cipher: DraftCipher;
  readonly now: () => Date;
  readonly newId?: () => string;
  /** The idempotency key of a new or rebased entry (default: crypto.randomUUID). */
  readonly newKey?: () => string;
}

export const OUTBOX_SCHEMA_VERSION = 1;
const TABLE = 'outbox';

const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array || ArrayBuffer.isView(v));

const rowSchema = z.object({
  id: z.string().min(1),
  draftId: z.string().min(1),
  art: z.enum(outboxArten),
  status: z.enum(outboxStatuses),
  idempotencyKey: z.uuid(),
  seq: z.number().int().positive(),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: z.number().int().nonnegative(),
  lastError: z.string().max(60).optional(),
  handled: z.boolean(),
  targets: z.array(z.string().min(1)).max(20),
  schemaVersion: z.number().int().positive(),
  iv: bytes.refine((iv) => iv.byteLength === 12, 'IV must be 96 bits'),
  ciphertext: bytes,
});

const bodySchema = z
  .object({
    art: z.enum(outboxArten),
    meldung: z.unknown(),
    anzeige: anzeigeSchema,
    abrufzweck: optionalAbrufzweck,
    idempotencyKey: z.uuid(),
    ergebnis: z.object({ outcome: outcomeSchema, am: z.iso.datetime() }).strict().nullable(),
  })
  .strict();

type Body = z.infer<typeof bodySchema>;
type Row = z.infer<typeof rowSchema>;

/** A Meldung and a Datenpflege-Anfrage of one draft are independent; two Meldungen are not. */
const groupOf = (art: OutboxArt) => (art === 'datenpflege' ? 'datenpflege' : 'meldung');

/** The entries that keep a draft from getting another of the same group. */
const blocksNew = (row: Pick<OutboxRow, 'art' | 'status'>) =>
  row.status !== 'abgelehnt' && (row.status !== 'bestaetigt' || groupOf(row.art) === 'meldung');

const hex = (value: Uint8Array) =>
  Array.from(value, (byte) => byte.toString(16).padStart(2, '0')).join('');

const sameBytes = (a: Uint8Array, b: Uint8Array) =>
  a.byteLength === b.byteLength && a.every((value, index) => value === b[index]);

export class OutboxRepository {
  private readonly db: AzrDatabase;
  private readonly cipher: DraftCipher;
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly newKey: () => string;
  private readonly listeners = new Set<(change: OutboxChange) => void>();

  constructor(deps: OutboxRepositoryDeps) {
    this.db = deps.db;
    this.cipher = deps.cipher;
    this.now = deps.now;
    this.newId = deps.newId ?? (() => crypto.randomUUID());
    this.newKey = deps.newKey ?? (() => crypto.randomUUID());
  }

  /** Called after every write (the worker's own too), so the Postausgang and the worker follow. */
  subscribe(listener: (change: OutboxChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(cause: OutboxChange['cause'] = 'other') {
    for (const listener of [...this.listeners]) listener({ cause });
  }

  /**
   * Puts a confirmed Meldung into the outbox. Resolves once IndexedDB has committed the entry with
   * its idempotency key (strict durability): only then may anything send it, so every send of this
   * Meldung — the first and each repetition after a lost answer or a crash — carries that key.
   */
  async enqueue(draftId: string, payload: OutboxPayload): Promise<OutboxEntry> {
    const id = this.newId();
    const idempotencyKey = this.newKey();
    const meldung = parseMeldung(payload.art, payload.meldung, idempotencyKey);
    const anzeige = anzeigeSchema.safeParse(payload.anzeige);
    const abrufzweck = optionalAbrufzweck.safeParse(payload.abrufzweck);
    if (!anzeige.success || !abrufzweck.success)
      throw new OutboxPayloadError(['anzeige/abrufzweck: ungültig']);
    const body: Body = {
      art: payload.art,
      meldung: meldung.meldung,
      anzeige: anzeige.data,
      ...(abrufzweck.data !== undefined ? { abrufzweck: abrufzweck.data } : {}),
      idempotencyKey,
      ergebnis: null,
    };
    const [sealed, targets] = await Promise.all([this.seal(id, body), this.blindTargets(meldung)]);
    const at = this.now().getTime();
    await this.db.transaction('rw', this.db.outbox, async () => {
      const existing = (await this.db.outbox.where('draftId').equals(draftId).toArray()).find(
        (row) => groupOf(row.art) === groupOf(payload.art) && blocksNew(row),
      );
      if (existing) throw new OutboxEntryExistsError(draftId, existing.id);
      const last = await this.db.outbox.orderBy('seq').last();
      const row: OutboxRow = {
        id,
        draftId,
        art: payload.art,
        status: 'wartet',
        idempotencyKey,
        seq: (last?.seq ?? 0) + 1,
        createdAt: at,
        updatedAt: at,
        attempts: 0,
        nextAttemptAt: at,
        handled: false,
        targets,
        schemaVersion: OUTBOX_SCHEMA_VERSION,
        ...sealed,
      };
      await this.db.outbox.add(row);
    });
    this.changed();
    return this.getOrThrow(id);
  }

  async get(id: string): Promise<OutboxEntry | undefined> {
    const raw = await this.db.outbox.get(id);
    return raw === undefined ? undefined : this.open(raw);
  }

  private async getOrThrow(id: string): Promise<OutboxEntry> {
    const entry = await this.get(id);
    if (!entry) throw new OutboxStateError(id, 'not found');
    return entry;
  }

  /** Every entry in creation order, decrypted. */
  async list(): Promise<OutboxEntry[]> {
    const rows = await this.db.outbox.orderBy('seq').toArray();
    return Promise.all(rows.map((row) => this.open(row)));
  }

  /** The entries of one draft in creation order (the wizard shows what became of its Meldung). */
  async forDraft(draftId: string): Promise<OutboxEntry[]> {
    const rows = await this.db.outbox.where('draftId').equals(draftId).toArray();
    rows.sort((a, b) => a.seq - b.seq);
    return Promise.all(rows.map((row) => this.open(row)));
  }

  /** One page in creation order, optionally of one state; only its rows are decrypted. */
  async page(query: {
    readonly status?: OutboxStatus;
    readonly offset?: number;
    readonly limit: number;
  }): Promise<{ readonly entries: OutboxEntry[]; readonly total: number }> {
    const ordered = this.db.outbox.orderBy('seq');
    const matching = query.status ? ordered.filter((row) => row.status === query.status) : ordered;
    const total = query.status
      ? await this.db.outbox.where('status').equals(query.status).count()
      : await this.db.outbox.count();
    const rows = await matching
      .offset(query.offset ?? 0)
      .limit(query.limit)
      .toArray();
    return { entries: await Promise.all(rows.map((row) => this.open(row))), total };
  }

  /** How many entries are in each state (clear index only). */
  async counts(): Promise<OutboxCounts> {
    const counts = await Promise.all(
      outboxStatuses.map((status) => this.db.outbox.where('status').equals(status).count()),
    );
    return Object.fromEntries(
      outboxStatuses.map((status, index) => [status, counts[index] ?? 0]),
    ) as Record<OutboxStatus, number>;
  }

  /**
   * Why waiting entries wait: the error of the latest failed attempt among them (clear column, no
   * decryption), or undefined when none has failed. The Postausgang explains certificate problems
   * with it — those do not pass by themselves.
   */
  async waitingBecause(): Promise<string | undefined> {
    let latest: { readonly at: number; readonly code: string } | undefined;
    await this.db.outbox
      .where('status')
      .equals('wartet')
      .each((row) => {
        if (row.lastError !== undefined && (latest === undefined || row.updatedAt > latest.at))
          latest = { at: row.updatedAt, code: row.lastError };
      });
    return latest?.code;
  }

  /** Entries not yet decided (and those in Konflikt, which hold back later ones) by creation order. */
  async queue(): Promise<OutboxQueueItem[]> {
    const rows = await this.db.outbox
      .where('status')
      .anyOf(['wartet', 'wird-gesendet', 'konflikt'])
      .toArray();
    return rows
      .map((raw) => {
        const row = this.checkRow(raw);
        return {
          id: row.id,
          draftId: row.draftId,
          status: row.status,
          seq: row.seq,
          nextAttemptAt: row.nextAttemptAt,
          attempts: row.attempts,
          targets: row.targets,
        };
      })
      .sort((a, b) => a.seq - b.seq);
  }

  /** Decided entries whose onSettled reaction has not finished (e.g. the app crashed during it). */
  async unhandled(): Promise<OutboxEntry[]> {
    const rows = await this.db.outbox
      .where('status')
      .anyOf([...ENTSCHIEDENE_STATUS])
      .filter((row) => !row.handled)
      .toArray();
    rows.sort((a, b) => a.seq - b.seq);
    return Promise.all(rows.map((row) => this.open(row)));
  }

  /**
   * The worker is about to send: state wird-gesendet, one more attempt. Returns the decrypted entry
   * (its Meldung and key). Refuses an entry that is no longer waiting.
   */
  async markSending(id: string): Promise<OutboxEntry> {
    const at = this.now().getTime();
    await this.updateClear(id, (row) => {
      if (!OFFENE_STATUS.has(row.status)) throw new OutboxStateError(id, `is ${row.status}`);
      return {
        ...row,
        status: 'wird-gesendet',
        attempts: row.attempts + 1,
        nextAttemptAt: at,
        updatedAt: at,
      };
    });
    return this.getOrThrow(id);
  }

  /** A transient failure: back to wartet, not before `nextAttemptAt`, with the failure's code. */
  async defer(id: string, code: string, nextAttemptAt: Date): Promise<void> {
    await this.updateClear(id, (row) => {
      if (!OFFENE_STATUS.has(row.status)) throw new OutboxStateError(id, `is ${row.status}`);
      return {
        ...row,
        status: 'wartet',
        lastError: code.slice(0, 60),
        nextAttemptAt: nextAttemptAt.getTime(),
        updatedAt: this.now().getTime(),
      };
    });
  }

  /**
   * Records the register's decision (sealed with the entry) and sets `handled` to false: the
   * onSettled reaction is now due, and stays due across restarts until markHandled.
   */
  async settle(id: string, outcome: OutboxOutcome): Promise<OutboxEntry> {
    return this.rewrite(id, (row, body) => {
      if (!OFFENE_STATUS.has(row.status)) throw new OutboxStateError(id, `is ${row.status}`);
      return {
        row: { ...omitKeys(row, ['lastError']), status: outcome.status, handled: false },
        body: { ...body, ergebnis: { outcome, am: this.now().toISOString() } },
      };
    });
  }

  /** The onSettled reaction to exactly this decision (revision) has finished. */
  async markHandled(id: string, revision: string): Promise<void> {
    await this.markHandledMany([{ id, revision }]);
  }

  /**
   * markHandled for several entries in one transaction: the worker collects finished reactions so
   * that a drain of 1,000 Meldungen does not add 1,000 flushed commits to the outbox's writes.
   * Entries gone or changed meanwhile are skipped (a newer decision waits for its own reaction).
   */
  async markHandledMany(
    items: readonly { readonly id: string; readonly revision: string }[],
  ): Promise<void> {
    if (items.length === 0) return;
    await this.db.transaction('rw', this.db.outbox, async () => {
      for (const { id, revision } of items) {
        const raw = await this.db.outbox.get(id);
        if (!raw) continue;
        const row = this.checkRow(raw);
        if (hex(row.iv) !== revision || !ENTSCHIEDENE_STATUS.has(row.status)) continue;
        await this.db.outbox.put({ ...row, handled: true });
      }
    });
    this.changed('worker');
  }

  /** "Jetzt senden": waiting entries (one, or all) are due now. */
  async retryNow(id?: string): Promise<void> {
    const at = this.now().getTime();
    const ids = id ? [id] : await this.db.outbox.where('status').equals('wartet').primaryKeys();
    await this.db.transaction('rw', this.db.outbox, async () => {
      for (const key of ids) {
        const row = await this.db.outbox.get(key);
        if (row?.status === 'wartet' && row.nextAttemptAt > at)
          await this.db.outbox.put({ ...row, nextAttemptAt: at });
      }
    });
    this.changed();
  }

  /**
   * The caseworker resolved a Konflikt: the Meldung (e.g. with the current Referenz-ID) goes back
   * to wartet under a NEW idempotency key — its content changed, and the register remembers the
   * old key with the old content (it would answer IDEMPOTENZ_KONFLIKT).
   */
  async rebase(id: string, revision: string, meldung: unknown): Promise<OutboxEntry> {
    const idempotencyKey = this.newKey();
    const at = this.now().getTime();
    let targets: readonly string[] = [];
    await this.rewrite(
      id,
      async (row, body) => {
        if (row.status !== 'konflikt' || hex(row.iv) !== revision)
          throw new OutboxStateError(id, 'not the Konflikt that was shown');
        const parsed = parseMeldung(body.art, meldung, idempotencyKey);
        targets = await this.blindTargets(parsed);
        return {
          row: {
            ...omitKeys(row, ['lastError']),
            status: 'wartet',
            idempotencyKey,
            attempts: 0,
            nextAttemptAt: at,
            updatedAt: at,
            handled: false,
            targets,
          },
          body: { ...body, meldung: parsed.meldung, idempotencyKey, ergebnis: null },
        };
      },
      (row) => row.status === 'konflikt' && hex(row.iv) === revision,
      'other',
    );
    return this.getOrThrow(id);
  }

  /**
   * Removes a decided entry (abandoning a Konflikt, or clearing the list). An entry that may still
   * be on its way (wartet, wird-gesendet) is never removed: its answer would be lost.
   */
  async remove(id: string, revision: string): Promise<void> {
    await this.db.transaction('rw', this.db.outbox, async () => {
      const row = await this.db.outbox.get(id);
      if (!row) return;
      if (OFFENE_STATUS.has(row.status) || hex(row.iv) !== revision)
        throw new OutboxStateError(id, 'may not be removed now');
      await this.db.outbox.delete(id);
    });
    this.changed();
  }

  /** Deletes decided, handled entries last changed before `cutoff` (retention). */
  async purgeSettled(cutoff: Date): Promise<number> {
    const limit = cutoff.getTime();
    const removed = await this.db.transaction('rw', this.db.outbox, async () => {
      const ids = await this.db.outbox
        .where('status')
        .anyOf(['bestaetigt', 'abgelehnt'])
        .filter((row) => row.handled && row.updatedAt < limit)
        .primaryKeys();
      await this.db.outbox.bulkDelete(ids);
      return ids.length;
    });
    if (removed > 0) this.changed();
    return removed;
  }

  // ---- internals --------------------------------------------------------------------------------

  private seal(id: string, body: Body): Promise<SealedRecord> {
    return this.cipher.seal({ table: TABLE, id, schemaVersion: OUTBOX_SCHEMA_VERSION }, body);
  }

  private blindTargets(meldung: OutboxMeldung): Promise<string[]> {
    return Promise.all(targetsOf(meldung).map((nummer) => this.cipher.blind(`o:${nummer}`)));
  }

  /** The blind-index entry of an AZR-Nummer as stored in `targets` (for tests and lookups). */
  blindTarget(azrNummer: string): Promise<string> {
    return this.cipher.blind(`o:${azrNummer}`);
  }

  /** Changes clear columns only, in one transaction; `undefined` from change: nothing to do. */
  private async updateClear(
    id: string,
    change: (row: Row) => Row | undefined,
    cause: OutboxChange['cause'] = 'worker',
  ): Promise<void> {
    const wrote = await this.db.transaction('rw', this.db.outbox, async () => {
      const raw = await this.db.outbox.get(id);
      if (!raw) throw new OutboxStateError(id, 'not found');
      const next = change(this.checkRow(raw));
      if (next) await this.db.outbox.put(next);
      return next !== undefined;
    });
    if (wrote) this.changed(cause);
  }

  /**
   * Opens, changes and reseals an entry. WebCrypto cannot run inside an IndexedDB transaction, so
   * the new row is prepared outside and written only if the row is still the one that was opened
   * (same IV); otherwise it is prepared again.
   */
  private async rewrite(
    id: string,
    change: (
      row: Row,
      body: Body,
    ) =>
      | { row: Omit<OutboxRow, 'iv' | 'ciphertext'>; body: Body }
      | Promise<{ row: Omit<OutboxRow, 'iv' | 'ciphertext'>; body: Body }>,
    stillValid: (row: OutboxRow) => boolean = () => true,
    cause: OutboxChange['cause'] = 'worker',
  ): Promise<OutboxEntry> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const raw = await this.db.outbox.get(id);
      if (!raw) throw new OutboxStateError(id, 'not found');
      const row = this.checkRow(raw);
      const body = await this.openBody(row);
      const next = await change(row, body);
      const sealed = await this.seal(id, next.body);
      const written = await this.db.transaction('rw', this.db.outbox, async () => {
        const current = await this.db.outbox.get(id);
        if (!current || !sameBytes(current.iv, row.iv) || !stillValid(current)) return false;
        await this.db.outbox.put({ ...next.row, ...sealed });
        return true;
      });
      if (written) {
        this.changed(cause);
        // What was written, without reading and decrypting it back.
        return this.toEntry(this.checkRow({ ...next.row, ...sealed }), next.body);
      }
    }
    throw new OutboxStateError(id, 'changed concurrently');
  }

  private checkRow(raw: unknown): Row {
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) throw new DraftCryptoError('TAMPERED', 'outbox row is malformed');
    if (parsed.data.schemaVersion !== OUTBOX_SCHEMA_VERSION)
      throw new DraftCryptoError('TAMPERED', 'outbox entry of an unknown version');
    return parsed.data;
  }

  private async openBody(row: Row): Promise<Body> {
    const plain = await this.cipher.open(
      { table: TABLE, id: row.id, schemaVersion: row.schemaVersion },
      row,
    );
    const body = bodySchema.safeParse(plain);
    if (!body.success)
      throw new DraftCryptoError('TAMPERED', `outbox/${row.id}: body is malformed`);
    // The clear copies the worker acts on must agree with the sealed ones.
    if (body.data.idempotencyKey !== row.idempotencyKey || body.data.art !== row.art)
      throw new DraftCryptoError('TAMPERED', `outbox/${row.id}: key or art changed`);
    const decided = body.data.ergebnis?.outcome.status;
    if (ENTSCHIEDENE_STATUS.has(row.status) ? decided !== row.status : decided !== undefined)
      throw new DraftCryptoError('TAMPERED', `outbox/${row.id}: state does not match the answer`);
    return body.data;
  }

  private async open(raw: unknown): Promise<OutboxEntry> {
    const row = this.checkRow(raw);
    return this.toEntry(row, await this.openBody(row));
  }

  private toEntry(row: Row, body: Body): OutboxEntry {
    let meldung: OutboxMeldung;
    try {
      meldung = parseMeldung(body.art, body.meldung, body.idempotencyKey);
    } catch {
      throw new DraftCryptoError('TAMPERED', `outbox/${row.id}: Meldung is malformed`);
    }
    return {
      id: row.id,
      draftId: row.draftId,
      art: row.art,
      status: row.status,
      idempotencyKey: row.idempotencyKey,
      seq: row.seq,
      createdAt: new Date(row.createdAt),
      updatedAt: new Date(row.updatedAt),
      attempts: row.attempts,
      nextAttemptAt: new Date(row.nextAttemptAt),
      lastError: row.lastError,
      handled: row.handled,
      meldung,
      anzeige: body.anzeige,
      geschaeftszeichen: geschaeftszeichenOf(meldung),
      abrufzweck: body.abrufzweck,
      ergebnis: body.ergebnis
        ? { outcome: body.ergebnis.outcome, am: new Date(body.ergebnis.am) }
        : null,
      revision: hex(row.iv),
    };
  }
}

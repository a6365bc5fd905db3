import { z } from 'zod';
import type { MitteilungZuDatenaenderung } from '../../../shared/register-api/messages';
import { mitteilungZuDatenaenderung } from '../../../shared/register-api/messages';
import type { DraftCipher } from '../drafts/crypto';
import { DraftCryptoError } from '../drafts/crypto';
import type { AzrDatabase, NoticeRow } from '../drafts/db';

/**
 * The register's change notices (090030) as this client keeps them: the only code that reads or
 * writes the `notices` table and the notices' cursor. Each notice is sealed like a draft; its id is
 * the register's, so a notice delivered twice is stored once.
 */

/** What the app did locally with a notice (shown in the inbox). */
export interface NoticeVerarbeitung {
  /** ISO time the effect was done. */
  readonly am: string;
  /** Drafts re-keyed from the wegfallende to the current AZR-Nummer (their ids). */
  readonly entwuerfe: readonly string[];
  /** Pre-check records re-keyed likewise. */
  readonly vorpruefungen: number;
}

export type NoticeStatus = NoticeRow['status'];

export interface Notice {
  readonly id: string;
  readonly seq: number;
  readonly status: NoticeStatus;
  readonly receivedAt: Date;
  readonly mitteilung: MitteilungZuDatenaenderung;
  /** Undefined until processed. */
  readonly verarbeitung: NoticeVerarbeitung | undefined;
}

export const NOTICE_SCHEMA_VERSION = 1;
const TABLE = 'notices';
/** meta key of the last page's cursor (opaque, the register's `naechsterCursor`). */
export const NOTICE_CURSOR_KEY = 'notices.cursor';

const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array || ArrayBuffer.isView(v));

const clearSchema = z.object({
  id: z.string().min(1),
  seq: z.number().int().nonnegative(),
  status: z.enum(['neu', 'erledigt']),
  receivedAt: z.number().int().nonnegative(),
  verarbeitetAm: z.number().int().nonnegative().optional(),
  schemaVersion: z.number().int().positive(),
});

const rowSchema = clearSchema.extend({
  iv: bytes.refine((iv) => iv.byteLength === 12, 'IV must be 96 bits'),
  ciphertext: bytes,
});

/** A row whose content the retention deleted (see NoticeRow.geloeschtAm): never shown or opened. */
const isTombstone = (raw: unknown) =>
  typeof raw === 'object' && raw !== null && 'geloeschtAm' in raw;

const verarbeitungSchema = z
  .object({
    am: z.iso.datetime(),
    entwuerfe: z.array(z.string().min(1)).readonly(),
    vorpruefungen: z.number().int().nonnegative(),
  })
  .strict();

const contentSchema = z
  .object({ mitteilung: mitteilungZuDatenaenderung, verarbeitung: verarbeitungSchema.optional() })
  .strict();

type Content = z.infer<typeof contentSchema>;

export class NoticeNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`notice ${id} not found`);
    this.name = 'NoticeNotFoundError';
  }
}

export interface NoticeRepositoryDeps {
  readonly db: AzrDatabase;
  readonly cipher: DraftCipher;
  readonly now: () => Date;
}

export class NoticeRepository {
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deps: NoticeRepositoryDeps) {}

  /** Called after every change (new notices, processed, read state): the inbox and badge reload. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  /** Where the next poll starts; undefined: from the beginning. */
  async cursor(): Promise<string | undefined> {
    const row = await this.deps.db.meta.get(NOTICE_CURSOR_KEY);
    return typeof row?.value === 'string' ? row.value : undefined;
  }

  /**
   * Stores one page: the notices not yet known and — in the same transaction — the cursor after
   * it. A crash before the commit keeps neither (the page is fetched again); after it, both. A
   * known id is left as it is (read state and `verarbeitet` marker stay). `naechsterCursor`
   * undefined (the last page) keeps the stored cursor: the register gives no cursor after its last
   * page, so that page is fetched again next time and its known notices are skipped here.
   * Returns how many notices were new.
   */
  async storePage(
    mitteilungen: readonly MitteilungZuDatenaenderung[],
    naechsterCursor: string | undefined,
  ): Promise<number> {
    const { db, cipher } = this.deps;
    const unique = [...new Map(mitteilungen.map((m) => [m.id, m])).values()];
    const known = new Set(
      (await db.notices.bulkGet(unique.map((m) => m.id))).flatMap((row) => (row ? [row.id] : [])),
    );
    const fresh = unique.filter((m) => !known.has(m.id));
    // Crypto before the transaction: IndexedDB commits on its own while we await anything else.
    const sealed = await Promise.all(
      fresh.map((mitteilung) =>
        cipher.seal({ table: TABLE, id: mitteilung.id, schemaVersion: NOTICE_SCHEMA_VERSION }, {
          mitteilung,
        } satisfies Content),
      ),
    );
    const receivedAt = this.deps.now().getTime();
    const added = await db.transaction('rw', [db.notices, db.meta], async () => {
      let seq = ((await db.notices.orderBy('seq').last())?.seq ?? 0) + 1;
      let count = 0;
      for (const [index, mitteilung] of fresh.entries()) {
        // Stored meanwhile by a concurrent poll (another window): keep the first.
        if (await db.notices.get(mitteilung.id)) continue;
        const row: NoticeRow = {
          id: mitteilung.id,
          seq: seq++,
          status: 'neu',
          receivedAt,
          schemaVersion: NOTICE_SCHEMA_VERSION,
          ...sealed[index]!,
        };
        await db.notices.add(row);
        count++;
      }
      if (naechsterCursor !== undefined)
        await db.meta.put({ key: NOTICE_CURSOR_KEY, value: naechsterCursor });
      return count;
    });
    if (added > 0) this.changed();
    return added;
  }

  /**
   * Notices whose local effect is not done yet, in order of arrival. One that does not decrypt
   * cannot be processed and is left out (the inbox counts it as unreadable).
   */
  async pending(): Promise<Notice[]> {
    const rows = await this.deps.db.notices.orderBy('seq').toArray();
    return (await this.openAll(rows.filter((row) => row.verarbeitetAm === undefined))).notices;
  }

  /**
   * Retention (DSGVO Art. 5(1)(e)): deletes the content of notices received before `cutoff` that
   * are done twice over — their local effect is recorded and the caseworker marked them erledigt.
   * What is new or unprocessed stays, however old. The id stays as a tombstone: the register
   * delivers its last page again at every poll, and a deleted notice must not come back as new.
   */
  async purgeDone(cutoff: Date): Promise<number> {
    const { db } = this.deps;
    const limit = cutoff.getTime();
    const geloeschtAm = this.deps.now().getTime();
    const purged = await db.transaction('rw', db.notices, async () => {
      const rows = await db.notices
        .where('status')
        .equals('erledigt')
        .filter(
          (row) => !isTombstone(row) && row.verarbeitetAm !== undefined && row.receivedAt < limit,
        )
        .toArray();
      // The clear columns only (zod drops the others): iv and ciphertext go.
      await db.notices.bulkPut(rows.map((row) => ({ ...clearSchema.parse(row), geloeschtAm })));
      return rows.length;
    });
    if (purged > 0) this.changed();
    return purged;
  }

  /**
   * Writes the `verarbeitet` marker with what was done. Called after the effect: a crash before
   * it repeats the (idempotent) effect, never skips it. False if it was marked already.
   */
  async markProcessed(id: string, verarbeitung: NoticeVerarbeitung): Promise<boolean> {
    const { db, cipher } = this.deps;
    const current = await this.get(id);
    if (current.verarbeitung) return false;
    const sealed = await cipher.seal({ table: TABLE, id, schemaVersion: NOTICE_SCHEMA_VERSION }, {
      mitteilung: current.mitteilung,
      verarbeitung,
    } satisfies Content);
    const done = await db.transaction('rw', db.notices, async () => {
      const row = await db.notices.get(id);
      if (!row) throw new NoticeNotFoundError(id);
      if (row.verarbeitetAm !== undefined) return false;
      await db.notices.put({
        ...rowSchema.parse(row),
        verarbeitetAm: Date.parse(verarbeitung.am),
        schemaVersion: NOTICE_SCHEMA_VERSION,
        ...sealed,
      });
      return true;
    });
    if (done) this.changed();
    return done;
  }

  /** The caseworker's read state: "Als erledigt markieren" (and back). Only the clear row changes. */
  async setStatus(id: string, status: NoticeStatus): Promise<void> {
    const { db } = this.deps;
    await db.transaction('rw', db.notices, async () => {
      const row = await db.notices.get(id);
      if (!row) throw new NoticeNotFoundError(id);
      await db.notices.put({ ...rowSchema.parse(row), status });
    });
    this.changed();
  }

  /** Unread notices, from the clear index alone (the navigation's badge). */
  async countUnread(): Promise<number> {
    return this.deps.db.notices.where('status').equals('neu').count();
  }

  async get(id: string): Promise<Notice> {
    const row = await this.deps.db.notices.get(id);
    if (!row) throw new NoticeNotFoundError(id);
    return this.open(row);
  }

  /**
   * Every notice, newest first (the inbox; a handful a week, so all are decrypted), and how many
   * could not be decrypted (changed on disk): those are counted, never shown half.
   */
  async list(): Promise<{ readonly notices: Notice[]; readonly unreadable: number }> {
    return this.openAll(await this.deps.db.notices.orderBy('seq').reverse().toArray());
  }

  private async openAll(rows: readonly unknown[]) {
    const opened = await Promise.all(
      rows
        .filter((row) => !isTombstone(row))
        .map((row) =>
          this.open(row).catch((error: unknown) => {
            if (error instanceof DraftCryptoError && error.reason === 'TAMPERED') return undefined;
            throw error;
          }),
        ),
    );
    const notices = opened.filter((notice) => notice !== undefined);
    return { notices, unreadable: opened.length - notices.length };
  }

  private async open(raw: unknown): Promise<Notice> {
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) throw new DraftCryptoError('TAMPERED', 'notice row is malformed');
    const row = parsed.data;
    if (row.schemaVersion !== NOTICE_SCHEMA_VERSION)
      throw new DraftCryptoError('TAMPERED', 'notice of an unknown version');
    const plain = await this.deps.cipher.open(
      { table: TABLE, id: row.id, schemaVersion: row.schemaVersion },
      row,
    );
    const content = contentSchema.safeParse(plain);
    // The register's id is inside the sealed notice too: a row renamed on disk does not pass.
    if (!content.success || content.data.mitteilung.id !== row.id)
      throw new DraftCryptoError('TAMPERED', 'notice content is malformed');
    if ((row.verarbeitetAm === undefined) !== (content.data.verarbeitung === undefined))
      throw new DraftCryptoError('TAMPERED', 'notice marker and content disagree');
    return {
      id: row.id,
      seq: row.seq,
      status: row.status,
      receivedAt: new Date(row.receivedAt),
      mitteilung: content.data.mitteilung,
      verarbeitung: content.data.verarbeitung,
    };
  }
}

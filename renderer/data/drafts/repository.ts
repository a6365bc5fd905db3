import { normalizeAzrNummer } from '../../../shared/domain/azr-nummer';
import type { CodeListRegistry } from '../../../shared/domain/codelists';
import { CODE_LIST_URIS, isoDay } from '../../../shared/domain/codelists';
import type { DraftContent, DraftKind, DraftStatus } from '../../../shared/domain/draft';
import {
  DRAFT_SCHEMA_VERSION,
  emptyDraftContent,
  migrateDraftContent,
  draftValidationSchema,
  readGeburtsdatum,
} from '../../../shared/domain/draft';
// Module by module, not the package index: the index also loads the transliteration tables,
// which the renderer does not need.
import { computeMatchKeys } from '../../../shared/matching/keys';
import { toSearchForm } from '../../../shared/matching/normalize';
import { scoreCandidate } from '../../../shared/matching/score';
import type { MatchPerson } from '../../../shared/matching/types';
import type { DraftCipher } from './crypto';
import { DraftCryptoError } from './crypto';
import type { AzrDatabase, DraftBodyRow, DraftIndexRow, DraftStage } from './db';
import { AZR_INDEX_PENDING_KEY, draftBodyRowSchema, draftIndexRowSchema } from './db';

/**
 * The drafts repository: the only code that reads or writes drafts. Every write seals the content
 * (AES-GCM) and stores it with the clear index row in one transaction; every read checks the row,
 * opens the ciphertext, migrates old schema versions forward and validates the result.
 */
export interface Draft {
  readonly id: string;
  readonly kind: DraftKind;
  readonly status: DraftStatus;
  /** Set once its Meldung is in the outbox or confirmed: the draft is then read-only. */
  readonly stage: DraftStage | undefined;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly content: DraftContent;
}

/** What the list shows of a draft once it is decrypted (only for rows on screen). */
export interface DraftSummary {
  readonly familienname: string;
  readonly vorname: string;
  readonly geburtsdatum: string;
  readonly geschaeftszeichen: string;
}

/** One row of the list: the clear index fields and, decrypted, the summary (undefined: unreadable). */
export interface DraftListEntry {
  readonly row: DraftIndexRow;
  readonly summary: DraftSummary | undefined;
}

/** The list's first screen: the first ids in display order, with their rows decrypted. */
export interface DraftFirstPage {
  readonly ids: readonly string[];
  readonly entries: ReadonlyMap<string, DraftListEntry>;
}

export type DraftSort = 'updatedAt' | 'createdAt' | 'kind' | 'status';

export interface DraftQuery {
  readonly kind?: DraftKind;
  readonly status?: DraftStatus;
  /** Only drafts not changed for at least this many days. */
  readonly olderThanDays?: number;
  /** Name (or its beginning, ≥ 3 letters per word), looked up through the blind index. */
  readonly name?: string;
  /** Geschäftszeichen (or its beginning, ≥ 3 characters), through the blind index. */
  readonly geschaeftszeichen?: string;
  readonly sort?: DraftSort;
  readonly descending?: boolean;
}

/** A draft that looks like the same person as another (local duplicate hint). */
export interface DuplicateHint {
  readonly id: string;
  readonly band: 'A' | 'B' | 'C';
  readonly summary: DraftSummary;
}

/** A draft whose Meldung is in the outbox or confirmed: what was checked and sent stays as it was. */
export class DraftLockedError extends Error {
  constructor(
    readonly id: string,
    readonly stage: DraftStage,
  ) {
    super(`draft ${id} is ${stage}: read-only`);
    this.name = 'DraftLockedError';
  }
}

/** The draft was saved (e.g. by its open form) between reading and writing it back. */
export class DraftChangedError extends Error {
  constructor(readonly id: string) {
    super(`draft ${id} changed meanwhile`);
    this.name = 'DraftChangedError';
  }
}

export class DraftNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`draft ${id} not found`);
    this.name = 'DraftNotFoundError';
  }
}

export interface DraftRepositoryDeps {
  readonly db: AzrDatabase;
  readonly cipher: DraftCipher;
  readonly now: () => Date;
  readonly codeLists: CodeListRegistry;
  readonly newId?: () => string;
}

const TABLE = 'drafts';
const DAY_MS = 24 * 60 * 60 * 1000;
const MIN_PREFIX = 3;

const searchTokens = (text: string) =>
  toSearchForm(text)
    .split(' ')
    .filter((t) => t !== '');

const sameBytes = (a: Uint8Array, b: Uint8Array) =>
  a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i]);

const normalizeGeschaeftszeichen = (text: string) =>
  text.normalize('NFC').trim().toUpperCase().replace(/\s+/g, ' ');

/**
 * Plain-text blind-index inputs, domain-separated by prefix (n: name, g: Geschäftszeichen, m: key,
 * a: AZR-Nummer — a merge in the register re-keys the drafts naming the old number).
 */
function blindInputs(content: DraftContent): string[] {
  const out = new Set<string>();
  const g = content.grundpersonalien;
  const names = [
    g.familienname,
    g.vorname,
    g.geburtsname,
    ...content.weiterePersonalien.weitereNamen.flatMap((n) => [n.familienname, n.vorname]),
  ];
  for (const token of names.flatMap(searchTokens)) {
    out.add(`n:${token}`);
    for (let len = MIN_PREFIX; len < token.length; len++) out.add(`np:${token.slice(0, len)}`);
  }
  const gz = normalizeGeschaeftszeichen(content.geschaeftszeichen);
  if (gz !== '') {
    out.add(`g:${gz}`);
    for (let len = MIN_PREFIX; len < gz.length; len++) out.add(`gp:${gz.slice(0, len)}`);
  }
  const person = toMatchPerson(content);
  if (person) for (const key of computeMatchKeys(person).all) out.add(`m:${key}`);
  const azrNummer = normalizeAzrNummer(content.azrNummer);
  if (azrNummer !== '') out.add(`a:${azrNummer}`);
  return [...out];
}

/** The draft as a matching person, once it has a family name. */
function toMatchPerson(content: DraftContent): MatchPerson | undefined {
  const g = content.grundpersonalien;
  if (g.familienname.trim() === '') return undefined;
  return {
    familienname: g.familienname,
    vornamen: g.vorname,
    ...(g.geburtsname.trim() ? { geburtsname: g.geburtsname } : {}),
    geburtsdatum: readGeburtsdatum(g.geburtsdatum) ?? {},
    ...(g.geburtsort.trim() ? { geburtsort: g.geburtsort } : {}),
    ...(g.geschlecht ? { geschlecht: g.geschlecht } : {}),
    staatsangehoerigkeiten: g.staatsangehoerigkeit,
    weitereNamen: content.weiterePersonalien.weitereNamen
      .filter((n) => n.familienname.trim() || n.vorname.trim())
      .map((n) => ({
        personalienArt: n.personalienArt,
        familienname: n.familienname,
        vornamen: n.vorname,
      })),
    dokumentnummern: content.weiterePersonalien.ausweispapiere
      .map((a) => a.nummer)
      .filter((n) => n.trim() !== ''),
  };
}

/** The clear index a sort reads, and its direction. */
function indexFor(query: Pick<DraftQuery, 'sort' | 'descending'>) {
  const sort = query.sort ?? 'updatedAt';
  // Kind and status sort with the most recently changed first within each group.
  const index = sort === 'kind' || sort === 'status' ? `[${sort}+updatedAt]` : sort;
  return { index, descending: query.descending ?? sort !== 'kind' };
}

const summaryOf = (content: DraftContent): DraftSummary => ({
  familienname: content.grundpersonalien.familienname,
  vorname: content.grundpersonalien.vorname,
  geburtsdatum: content.grundpersonalien.geburtsdatum,
  geschaeftszeichen: content.geschaeftszeichen,
});

export class DraftRepository {
  private readonly db: AzrDatabase;
  private readonly cipher: DraftCipher;
  private readonly now: () => Date;
  private readonly codeLists: CodeListRegistry;
  private readonly newId: () => string;

  /**
   * What the list showed of drafts during this session (decrypted summaries), so reopening the list
   * or scrolling back does not decrypt again. Memory only — never IndexedDB or localStorage — and
   * dropped by forget(), which the session calls when it locks.
   */
  private readonly entryCache = new Map<string, DraftListEntry>();
  /** Counts writes and deletions; `changedAt` remembers the count of each id's last one. */
  private changes = 0;
  private readonly changedAt = new Map<string, number>();
  private forgotten = false;
  /** Merges seen in this session (number that disappeared → current one); see save(). */
  private readonly merged = new Map<string, string>();
  private readonly mergeListeners = new Set<(wegfallend: string, bleibend: string) => void>();
  /** Ids asked for by listEntry() in the same task, read and decrypted together. */
  private pendingEntries:
    | Map<string, { resolve: (e: DraftListEntry) => void; reject: (e: unknown) => void }[]>
    | undefined;

  constructor(deps: DraftRepositoryDeps) {
    this.db = deps.db;
    this.cipher = deps.cipher;
    this.now = deps.now;
    this.codeLists = deps.codeLists;
    this.newId = deps.newId ?? (() => crypto.randomUUID());
  }

  /** The status a content gets: `bereit` only when every input rule passes. */
  statusOf(content: DraftContent): DraftStatus {
    const today = isoDay(this.now());
    // The rule set is a tree of zod schemas: build it once per day, not on every keystroke.
    if (this.validation?.today !== today)
      this.validation = {
        today,
        schema: draftValidationSchema({ today, codeLists: this.codeLists }),
      };
    return this.validation.schema.safeParse(content).success ? 'bereit' : 'offen';
  }

  private validation:
    { today: string; schema: ReturnType<typeof draftValidationSchema> } | undefined;

  /** Code-list versions new drafts are entered under. */
  currentCodelisten(): DraftContent['codelisten'] {
    const day = isoDay(this.now());
    return {
      staatsangehoerigkeit:
        this.codeLists.currentVersion(CODE_LIST_URIS.staatsangehoerigkeit, day)?.version ?? '',
      geschlecht: this.codeLists.currentVersion(CODE_LIST_URIS.geschlecht, day)?.version ?? '',
    };
  }

  async create(kind: DraftKind, content?: DraftContent): Promise<Draft> {
    const id = this.newId();
    const now = this.now();
    const initial = content ?? emptyDraftContent(kind, this.currentCodelisten());
    await this.write(id, { ...initial, kind }, now, now);
    return this.get(id);
  }

  /**
   * Saves a content as it is, valid or not (autosave). Resolves once IndexedDB has committed: only
   * then may the UI say "gespeichert".
   */
  async save(id: string, content: DraftContent): Promise<{ updatedAt: Date; status: DraftStatus }> {
    const updatedAt = this.now();
    // A form opened before a merge still holds the number that disappeared: its saves must not
    // write it back over the re-keyed draft.
    const current = this.merged.get(normalizeAzrNummer(content.azrNummer));
    const status = await this.write(
      id,
      current === undefined ? content : { ...content, azrNummer: current },
      undefined,
      updatedAt,
    );
    return { updatedAt, status };
  }

  private async write(
    id: string,
    content: DraftContent,
    /** Undefined: keep the stored one (the draft must exist). */
    createdAt: Date | undefined,
    updatedAt: Date,
    /** `restage`: write even a staged draft and give it this stage (undefined: editable again). */
    options: {
      readonly restage?: { readonly stage: DraftStage | undefined };
      /**
       * Write only if the stored body is still the one with this IV (every write draws a fresh
       * one), else DraftChangedError: a read-modify-write must not undo a save in between.
       */
      readonly unchangedBody?: Uint8Array;
    } = {},
  ): Promise<DraftStatus> {
    const status = this.statusOf(content);
    const [sealed, blind] = await Promise.all([
      this.cipher.seal({ table: TABLE, id, schemaVersion: DRAFT_SCHEMA_VERSION }, content),
      Promise.all(blindInputs(content).map((input) => this.cipher.blind(input))),
    ]);
    const body: DraftBodyRow = { id, schemaVersion: DRAFT_SCHEMA_VERSION, ...sealed };
    // Crypto is done before the transaction: an IndexedDB transaction commits on its own as soon
    // as it waits for anything that is not IndexedDB.
    await this.db.transaction(
      'rw',
      [this.db.drafts, this.db.draftBlind, this.db.draftBodies],
      async () => {
        const existing = await this.db.drafts.get(id);
        if (createdAt === undefined && !existing) throw new DraftNotFoundError(id);
        if (existing?.stage !== undefined && !options.restage)
          throw new DraftLockedError(id, existing.stage);
        if (options.unchangedBody !== undefined) {
          const stored = (await this.db.draftBodies.get(id))?.iv;
          if (!stored || !sameBytes(stored, options.unchangedBody)) throw new DraftChangedError(id);
        }
        const stage = options.restage ? options.restage.stage : existing?.stage;
        const row: DraftIndexRow = {
          id,
          kind: content.kind,
          status,
          ...(stage !== undefined ? { stage } : {}),
          createdAt: createdAt?.getTime() ?? existing?.createdAt ?? updatedAt.getTime(),
          updatedAt: updatedAt.getTime(),
        };
        await this.db.drafts.put(row);
        await this.db.draftBlind.put({ id, blind });
        await this.db.draftBodies.put(body);
      },
    );
    this.changed([id]);
    return status;
  }

  /** Opens a draft; an old schema version is migrated and written back under the current one. */
  async get(id: string): Promise<Draft> {
    const [indexRaw, bodyRaw] = await this.db.transaction(
      'r',
      this.db.drafts,
      this.db.draftBodies,
      () => Promise.all([this.db.drafts.get(id), this.db.draftBodies.get(id)]),
    );
    if (!indexRaw || !bodyRaw) throw new DraftNotFoundError(id);
    const index = this.checkIndex(indexRaw);
    const content = await this.openBody(bodyRaw, new Date(index.createdAt));
    if (draftBodyRowSchema.parse(bodyRaw).schemaVersion !== DRAFT_SCHEMA_VERSION)
      await this.write(id, content, new Date(index.createdAt), new Date(index.updatedAt), {
        restage: { stage: index.stage },
      });
    return {
      id,
      kind: content.kind,
      status: this.statusOf(content),
      stage: index.stage,
      createdAt: new Date(index.createdAt),
      updatedAt: new Date(index.updatedAt),
      content,
    };
  }

  /**
   * A merge in the register (Zusammenführung, domain.md §2): every draft naming the number that
   * disappears names the current one instead. Found through the blind index (`a:`), so no other
   * draft is decrypted. Staged drafts too — they keep their stage — and every draft keeps its
   * updatedAt: the register changed it, not the caseworker, so its retention does not restart.
   * Idempotent. Returns the ids of the drafts changed.
   */
  async rekeyAzrNummer(wegfallend: string, bleibend: string): Promise<string[]> {
    const alt = normalizeAzrNummer(wegfallend);
    const neu = normalizeAzrNummer(bleibend);
    if (alt === '' || neu === '' || alt === neu) return [];
    this.merged.set(alt, neu);
    await this.indexAzrNummern();
    const entry = await this.cipher.blind(`a:${alt}`);
    const ids = await this.db.draftBlind.where('blind').equals(entry).primaryKeys();
    const changed: string[] = [];
    for (const id of ids) if (await this.rekeyOne(id, alt, neu)) changed.push(id);
    for (const listener of this.mergeListeners) listener(alt, neu);
    return changed;
  }

  /**
   * Called after each merge re-keyed the stored drafts (numbers normalised): an open form shows
   * the current number instead of the one that disappeared.
   */
  onMerged(listener: (wegfallend: string, bleibend: string) => void): () => void {
    this.mergeListeners.add(listener);
    return () => this.mergeListeners.delete(listener);
  }

  private async rekeyOne(id: string, alt: string, neu: string): Promise<boolean> {
    // An open form may save between our read and our write: then read again (its save wins the
    // race, our change is applied on top of it).
    for (let attempt = 1; ; attempt++) {
      const [indexRaw, bodyRaw] = await this.db.transaction(
        'r',
        this.db.drafts,
        this.db.draftBodies,
        () => Promise.all([this.db.drafts.get(id), this.db.draftBodies.get(id)]),
      );
      if (!indexRaw || !bodyRaw) return false;
      let index: DraftIndexRow;
      let content: DraftContent;
      try {
        index = this.checkIndex(indexRaw);
        content = await this.openBody(bodyRaw, new Date(index.createdAt));
      } catch (error) {
        // Unreadable (changed on disk): it cannot be opened, so nothing in it can be re-keyed.
        if (error instanceof DraftCryptoError && error.reason === 'TAMPERED') return false;
        throw error;
      }
      if (normalizeAzrNummer(content.azrNummer) !== alt) return false;
      try {
        await this.write(
          id,
          { ...content, azrNummer: neu },
          new Date(index.createdAt),
          new Date(index.updatedAt),
          { restage: { stage: index.stage }, unchangedBody: bodyRaw.iv },
        );
        return true;
      } catch (error) {
        if (!(error instanceof DraftChangedError) || attempt >= 3) throw error;
      }
    }
  }

  /**
   * Drafts saved before the `a:` entries existed (database version 1) have none: read each once
   * and add it. Runs with the first merge after the update; a new database never needs it.
   */
  private async indexAzrNummern(): Promise<void> {
    if ((await this.db.meta.get(AZR_INDEX_PENDING_KEY)) === undefined) return;
    for (const id of await this.db.drafts.toCollection().primaryKeys()) {
      let azrNummer: string;
      try {
        azrNummer = normalizeAzrNummer((await this.get(id)).content.azrNummer);
      } catch (error) {
        if (error instanceof DraftNotFoundError) continue;
        if (error instanceof DraftCryptoError && error.reason === 'TAMPERED') continue;
        throw error;
      }
      if (azrNummer === '') continue;
      const entry = await this.cipher.blind(`a:${azrNummer}`);
      await this.db.transaction('rw', this.db.draftBlind, async () => {
        const row = await this.db.draftBlind.get(id);
        // A stale extra entry is harmless: rekeyAzrNummer checks the decrypted number.
        if (row && !row.blind.includes(entry))
          await this.db.draftBlind.put({ id, blind: [...row.blind, entry] });
      });
    }
    await this.db.meta.delete(AZR_INDEX_PENDING_KEY);
  }

  /**
   * Moves a draft into or out of the outbox stage (undefined: editable again, e.g. after the
   * register rejected its Meldung). Only the clear index row changes; the content stays as sent.
   */
  async setStage(id: string, stage: DraftStage | undefined): Promise<void> {
    await this.db.transaction('rw', this.db.drafts, async () => {
      const existing = await this.db.drafts.get(id);
      if (!existing) throw new DraftNotFoundError(id);
      const row = this.checkIndex(existing);
      await this.db.drafts.put({
        id: row.id,
        kind: row.kind,
        status: row.status,
        ...(stage !== undefined ? { stage } : {}),
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
      });
    });
    this.changed([id]);
  }

  private checkIndex(raw: unknown): DraftIndexRow {
    const parsed = draftIndexRowSchema.safeParse(raw);
    if (!parsed.success) throw new DraftCryptoError('TAMPERED', 'draft index row is malformed');
    return parsed.data;
  }

  private async openBody(raw: unknown, createdAt: Date): Promise<DraftContent> {
    const parsed = draftBodyRowSchema.safeParse(raw);
    if (!parsed.success) throw new DraftCryptoError('TAMPERED', 'draft body row is malformed');
    const body = parsed.data;
    const plain = await this.cipher.open(
      { table: TABLE, id: body.id, schemaVersion: body.schemaVersion },
      body,
    );
    return migrateDraftContent(plain, body.schemaVersion, { createdAt, codeLists: this.codeLists });
  }

  /**
   * The list as ids in display order, from IndexedDB indexes and keys alone — no row values, no
   * decryption — so it stays fast with 10,000 drafts. Names and Geschäftszeichen are looked up
   * through the blind index; kind, status and age through their clear indexes.
   */
  async listIds(query: DraftQuery = {}): Promise<string[]> {
    const sets: Set<string>[] = [];
    for (const token of searchTokens(query.name ?? '')) {
      const entries = await Promise.all([
        this.cipher.blind(`n:${token}`),
        this.cipher.blind(`np:${token}`),
      ]);
      sets.push(new Set(await this.db.draftBlind.where('blind').anyOf(entries).primaryKeys()));
    }
    const gz = normalizeGeschaeftszeichen(query.geschaeftszeichen ?? '');
    if (gz !== '') {
      const entries = await Promise.all([
        this.cipher.blind(`g:${gz}`),
        this.cipher.blind(`gp:${gz}`),
      ]);
      sets.push(new Set(await this.db.draftBlind.where('blind').anyOf(entries).primaryKeys()));
    }
    if (query.kind !== undefined)
      sets.push(new Set(await this.db.drafts.where('kind').equals(query.kind).primaryKeys()));
    if (query.status !== undefined)
      sets.push(new Set(await this.db.drafts.where('status').equals(query.status).primaryKeys()));
    if (query.olderThanDays !== undefined) {
      const cutoff = this.now().getTime() - query.olderThanDays * DAY_MS;
      sets.push(
        new Set(await this.db.drafts.where('updatedAt').belowOrEqual(cutoff).primaryKeys()),
      );
    }
    const { index, descending } = indexFor(query);
    // Ascending key lists come from one native getAllKeys(); a reversed Dexie collection would walk
    // a cursor entry by entry (~10× slower with 10,000 drafts), so reverse in memory instead.
    const ascending = await this.keysInIndexOrder(index);
    const ids = descending ? ascending.reverse() : ascending;
    return sets.length === 0 ? ids : ids.filter((id) => sets.every((set) => set.has(id)));
  }

  /** Primary keys in the order of an index, by one native getAllKeys() call. */
  private async keysInIndexOrder(index: string): Promise<string[]> {
    if (!this.db.isOpen()) await this.db.open();
    const idb = this.db.backendDB();
    return new Promise<string[]>((resolve, reject) => {
      const request = idb
        .transaction('drafts', 'readonly')
        .objectStore('drafts')
        .index(index)
        .getAllKeys();
      request.onsuccess = () => resolve(request.result.filter((key) => typeof key === 'string'));
      request.onerror = () => reject(request.error ?? new Error('getAllKeys failed'));
    });
  }

  /** The list with its clear index rows (tests and small lists; the screen uses listIds). */
  async list(query: DraftQuery = {}): Promise<DraftIndexRow[]> {
    const rows = await this.db.drafts.bulkGet(await this.listIds(query));
    return rows.filter((row) => row !== undefined);
  }

  /** How many drafts were not changed since `before` (the retention warning). */
  async countUnchangedSince(before: Date): Promise<number> {
    return this.db.drafts.where('updatedAt').belowOrEqual(before.getTime()).count();
  }

  /**
   * One row of the list: its clear index fields and, decrypted, what it shows of the person. Rows
   * asked for in the same task (a screenful of rows mounting) are read in one transaction.
   */
  listEntry(id: string): Promise<DraftListEntry> {
    const cached = this.entryCache.get(id);
    if (cached) return Promise.resolve(cached);
    return new Promise((resolve, reject) => {
      if (!this.pendingEntries) {
        const pending = new Map<
          string,
          { resolve: (e: DraftListEntry) => void; reject: (e: unknown) => void }[]
        >();
        this.pendingEntries = pending;
        queueMicrotask(() => {
          this.pendingEntries = undefined;
          this.listEntries([...pending.keys()]).then(
            (found) => {
              for (const [key, waiting] of pending) {
                const entry = found.get(key);
                for (const w of waiting)
                  if (entry) w.resolve(entry);
                  else w.reject(new DraftNotFoundError(key));
              }
            },
            (error: unknown) => {
              for (const waiting of pending.values()) for (const w of waiting) w.reject(error);
            },
          );
        });
      }
      const waiting = this.pendingEntries.get(id) ?? [];
      waiting.push({ resolve, reject });
      this.pendingEntries.set(id, waiting);
    });
  }

  /** The entry the session already decrypted for this id, if any (memory only). */
  cachedEntry(id: string): DraftListEntry | undefined {
    return this.entryCache.get(id);
  }

  /**
   * The list entries of `ids` (the rows on screen): cached ones from memory, the others read in one
   * transaction and decrypted in parallel. A missing draft is absent from the result; one that does
   * not decrypt has `summary: undefined`.
   */
  async listEntries(ids: readonly string[]): Promise<Map<string, DraftListEntry>> {
    const missing = ids.filter((id) => !this.entryCache.has(id));
    const since = this.changes;
    const [indexes, bodies] =
      missing.length === 0
        ? [[], []]
        : await this.db.transaction('r', this.db.drafts, this.db.draftBodies, () =>
            Promise.all([this.db.drafts.bulkGet(missing), this.db.draftBodies.bulkGet(missing)]),
          );
    const opened = await Promise.all(
      missing.map((id, i) => this.openEntry(id, indexes[i], bodies[i], since)),
    );
    const found = new Map(missing.map((id, i) => [id, opened[i]] as const));
    const result = new Map<string, DraftListEntry>();
    for (const id of ids) {
      const entry = this.entryCache.get(id) ?? found.get(id);
      if (entry) result.set(id, entry);
    }
    return result;
  }

  /**
   * The list's first screen, independent of how many drafts exist: the first `limit` rows of the
   * unfiltered list by a cursor over the clear index, their bodies fetched in the same transaction
   * as the cursor moves, and decrypted in parallel. `listIds` fills in the rest of the order.
   */
  async firstPage(
    query: Pick<DraftQuery, 'sort' | 'descending'>,
    limit: number,
  ): Promise<DraftFirstPage> {
    const { index, descending } = indexFor(query);
    if (!this.db.isOpen()) await this.db.open();
    const since = this.changes;
    const read = await new Promise<{ id: string; index: unknown; body: unknown }[]>(
      (resolve, reject) => {
        const tx = this.db.backendDB().transaction(['drafts', 'draftBodies'], 'readonly');
        const bodyStore = tx.objectStore('draftBodies');
        const found: { id: string; index: unknown; body: unknown }[] = [];
        const request = tx
          .objectStore('drafts')
          .index(index)
          .openCursor(null, descending ? 'prev' : 'next');
        request.onsuccess = () => {
          const cursor = request.result;
          if (!cursor || found.length >= limit) return;
          const id = cursor.primaryKey;
          if (typeof id === 'string') {
            const item = { id, index: cursor.value as unknown, body: undefined as unknown };
            found.push(item);
            if (!this.entryCache.has(id)) {
              const body = bodyStore.get(id);
              body.onsuccess = () => {
                item.body = body.result as unknown;
              };
            }
          }
          cursor.continue();
        };
        tx.oncomplete = () => resolve(found);
        tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('first page failed'));
      },
    );
    const entries = new Map<string, DraftListEntry>();
    const opened = await Promise.all(
      read.map(async (item) => {
        const cached = this.entryCache.get(item.id);
        return cached ?? this.openEntry(item.id, item.index, item.body, since);
      }),
    );
    read.forEach((item, i) => {
      const entry = opened[i];
      if (entry) entries.set(item.id, entry);
    });
    return { ids: read.map((item) => item.id).filter((id) => entries.has(id)), entries };
  }

  /** Decrypts one list entry and remembers it, unless the draft changed meanwhile or we locked. */
  private async openEntry(
    id: string,
    indexRaw: unknown,
    bodyRaw: unknown,
    since: number,
  ): Promise<DraftListEntry | undefined> {
    if (!indexRaw || !bodyRaw) return undefined;
    const row = this.checkIndex(indexRaw);
    let summary: DraftSummary | undefined;
    try {
      summary = summaryOf(await this.openBody(bodyRaw, new Date(row.createdAt)));
    } catch {
      summary = undefined;
    }
    const entry = { row, summary };
    if (!this.forgotten && summary && (this.changedAt.get(id) ?? 0) <= since)
      this.entryCache.set(id, entry);
    return entry;
  }

  /** Drops everything decrypted this session holds; called when the session locks. */
  forget(): void {
    this.forgotten = true;
    this.entryCache.clear();
    this.changedAt.clear();
  }

  private changed(ids: readonly string[]): void {
    this.changes++;
    for (const id of ids) {
      this.entryCache.delete(id);
      if (!this.forgotten) this.changedAt.set(id, this.changes);
    }
  }

  async count(): Promise<number> {
    return this.db.drafts.count();
  }

  /** Decrypts what the list shows, for the rows on screen only. */
  async summary(id: string): Promise<DraftSummary> {
    const [index, body] = await Promise.all([this.db.drafts.get(id), this.db.draftBodies.get(id)]);
    if (!index || !body) throw new DraftNotFoundError(id);
    return summaryOf(await this.openBody(body, new Date(this.checkIndex(index).createdAt)));
  }

  /** A copy as a new draft (e.g. a second family member), with its own id and timestamps. */
  async duplicate(id: string): Promise<Draft> {
    const source = await this.get(id);
    return this.create(source.kind, source.content);
  }

  /** Discards a draft: the record is deleted, not flagged. */
  async discard(id: string): Promise<void> {
    await this.db.transaction(
      'rw',
      [this.db.drafts, this.db.draftBlind, this.db.draftBodies, this.db.prechecks],
      async () => {
        await this.db.drafts.delete(id);
        await this.db.draftBlind.delete(id);
        await this.db.draftBodies.delete(id);
        await this.db.prechecks.delete(id);
      },
    );
    this.changed([id]);
  }

  /** Deletes every draft unchanged for `retentionDays` (DSGVO: delete after the purpose). */
  async purgeExpired(retentionDays: number): Promise<number> {
    const cutoff = this.now().getTime() - retentionDays * DAY_MS;
    const ids = await this.db.transaction(
      'rw',
      [this.db.drafts, this.db.draftBlind, this.db.draftBodies, this.db.prechecks, this.db.meta],
      async () => {
        // A draft whose Meldung still waits in the outbox is kept until the register answered.
        const expired = (await this.db.drafts.where('updatedAt').belowOrEqual(cutoff).toArray())
          .filter((row) => row.stage !== 'postausgang')
          .map((row) => row.id);
        await this.db.drafts.bulkDelete(expired);
        await this.db.draftBlind.bulkDelete(expired);
        await this.db.draftBodies.bulkDelete(expired);
        await this.db.prechecks.bulkDelete(expired);
        await this.db.meta.put({ key: 'lastPurge', value: this.now().getTime() });
        return expired;
      },
    );
    this.changed(ids);
    return ids.length;
  }

  /** The day a draft will be deleted by the retention purge. */
  expiresAt(row: Pick<DraftIndexRow, 'updatedAt'>, retentionDays: number): Date {
    return new Date(row.updatedAt + retentionDays * DAY_MS);
  }

  /**
   * Other drafts that look like the same person: candidates share a matching key in the blind
   * index; only they are decrypted and scored with shared/matching.
   */
  async duplicateHints(id: string, content: DraftContent, limit = 5): Promise<DuplicateHint[]> {
    const person = toMatchPerson(content);
    if (!person) return [];
    const keys = await Promise.all(
      computeMatchKeys(person).all.map((key) => this.cipher.blind(`m:${key}`)),
    );
    if (keys.length === 0) return [];
    const ids = [...new Set(await this.db.draftBlind.where('blind').anyOf(keys).primaryKeys())];
    const rows = (await this.db.draftBlind.bulkGet(ids)).filter((row) => row !== undefined);
    const keySet = new Set(keys);
    const candidates = rows
      .filter((row) => row.id !== id)
      .map((row) => ({ row, shared: row.blind.filter((b) => keySet.has(b)).length }))
      .sort((a, b) => b.shared - a.shared)
      .slice(0, 50);
    const hints: (DuplicateHint & { score: number })[] = [];
    for (const { row } of candidates) {
      let other: DraftContent;
      try {
        other = (await this.get(row.id)).content;
      } catch {
        continue;
      }
      const candidate = toMatchPerson(other);
      if (!candidate) continue;
      const result = scoreCandidate(person, candidate);
      if (result.band === 'A' || result.band === 'B')
        hints.push({
          id: row.id,
          band: result.band,
          score: result.score,
          summary: summaryOf(other),
        });
    }
    return hints
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map(({ score: _score, ...hint }) => hint);
  }
}

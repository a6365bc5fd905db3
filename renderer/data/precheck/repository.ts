import { z } from 'zod';
import { normalizeAzrNummer } from '../../../shared/domain/azr-nummer';
import type { PrecheckState } from '../../../shared/precheck';
import { emptyPrecheckState, migratePrecheckState } from '../../../shared/precheck';
import { azrNummer } from '../../../shared/register-api/common';
import type { DraftCipher } from '../drafts/crypto';
import { DraftCryptoError } from '../drafts/crypto';
import type { AzrDatabase, PrecheckRow } from '../drafts/db';

/**
 * The § 5 pre-check of a draft as stored with it: the decision model's state (shared/precheck) and
 * what became of the pre-check — the Meldung handed to the outbox, the register's confirmation.
 * Encrypted like the draft: decisions and their Begründungen describe the person.
 */
export interface PrecheckRecord {
  readonly state: PrecheckState;
  /** The confirmed Meldung waits in (or went through) the outbox; the draft is read-only. */
  readonly uebermittlung: {
    readonly outboxId: string;
    readonly art: 'erstmeldung' | 'folgemeldung';
    readonly am: string;
  } | null;
  /** A reported suspected duplicate (090040) handed to the outbox. */
  readonly datenpflege: { readonly outboxId: string; readonly am: string } | null;
  /** The register confirmed the Meldung (090098): the person's current AZR-Nummer. */
  readonly abschluss: { readonly azrNummer: string; readonly am: string } | null;
}

export const RECORD_SCHEMA_VERSION = 1;
const TABLE = 'prechecks';

const zeitpunkt = z.iso.datetime();
const recordSchema = z
  .object({
    state: z.unknown(),
    uebermittlung: z
      .object({
        outboxId: z.string().min(1),
        art: z.enum(['erstmeldung', 'folgemeldung']),
        am: zeitpunkt,
      })
      .strict()
      .nullable(),
    datenpflege: z
      .object({ outboxId: z.string().min(1), am: zeitpunkt })
      .strict()
      .nullable(),
    abschluss: z.object({ azrNummer, am: zeitpunkt }).strict().nullable(),
  })
  .strict();

const rowSchema = z.object({
  id: z.string().min(1),
  updatedAt: z.number().int().nonnegative(),
  schemaVersion: z.number().int().positive(),
  iv: z.custom<Uint8Array>((v) => v instanceof Uint8Array || ArrayBuffer.isView(v)),
  ciphertext: z.custom<Uint8Array>((v) => v instanceof Uint8Array || ArrayBuffer.isView(v)),
});

export const emptyPrecheckRecord = (): PrecheckRecord => ({
  state: emptyPrecheckState(),
  uebermittlung: null,
  datenpflege: null,
  abschluss: null,
});

export interface PrecheckRepositoryDeps {
  readonly db: AzrDatabase;
  readonly cipher: DraftCipher;
  readonly now: () => Date;
}

/** The only code that reads or writes pre-check records. */
export class PrecheckRepository {
  constructor(private readonly deps: PrecheckRepositoryDeps) {}

  /** The record of a draft; a draft that was never pre-checked has an empty one. */
  async get(draftId: string): Promise<PrecheckRecord> {
    const raw = await this.deps.db.prechecks.get(draftId);
    return raw === undefined ? emptyPrecheckRecord() : this.open(raw);
  }

  async save(draftId: string, record: PrecheckRecord): Promise<void> {
    const sealed = await this.deps.cipher.seal(
      { table: TABLE, id: draftId, schemaVersion: RECORD_SCHEMA_VERSION },
      record,
    );
    const row: PrecheckRow = {
      id: draftId,
      updatedAt: this.deps.now().getTime(),
      schemaVersion: RECORD_SCHEMA_VERSION,
      ...sealed,
    };
    await this.deps.db.prechecks.put(row);
  }

  /**
   * Reads, changes and writes one record (the change sees the stored record, not a stale copy).
   * A change that returns the record itself writes nothing.
   */
  async update(
    draftId: string,
    change: (record: PrecheckRecord) => PrecheckRecord,
  ): Promise<PrecheckRecord> {
    const current = await this.get(draftId);
    const next = change(current);
    if (next !== current) await this.save(draftId, next);
    return next;
  }

  async remove(draftId: string): Promise<void> {
    await this.deps.db.prechecks.delete(draftId);
  }

  /**
   * A merge in the register (Zusammenführung): every candidate and every result that names the
   * number that disappears names the current one instead. A candidate already present under the
   * current number keeps its own decision (the merged record is that person). Idempotent.
   * Returns how many records changed.
   */
  async rekey(wegfallend: string, bleibend: string): Promise<number> {
    const alt = normalizeAzrNummer(wegfallend);
    const neu = normalizeAzrNummer(bleibend);
    if (alt === neu) return 0;
    const rows = await this.deps.db.prechecks.toArray();
    let changed = 0;
    for (const row of rows) {
      const record = await this.open(row);
      const next = rekeyRecord(record, alt, neu);
      if (next === record) continue;
      await this.save(row.id, next);
      changed++;
    }
    return changed;
  }

  private async open(raw: unknown): Promise<PrecheckRecord> {
    const row = rowSchema.safeParse(raw);
    if (!row.success) throw new DraftCryptoError('TAMPERED', 'pre-check row is malformed');
    if (row.data.schemaVersion !== RECORD_SCHEMA_VERSION)
      throw new DraftCryptoError('TAMPERED', 'pre-check record of an unknown version');
    const plain = await this.deps.cipher.open(
      { table: TABLE, id: row.data.id, schemaVersion: row.data.schemaVersion },
      row.data,
    );
    const parsed = recordSchema.safeParse(plain);
    if (!parsed.success) throw new DraftCryptoError('TAMPERED', 'pre-check record is malformed');
    return { ...parsed.data, state: migratePrecheckState(parsed.data.state) };
  }
}

/** The record with `alt` replaced by `neu`; the same object when it does not name `alt`. */
export function rekeyRecord(record: PrecheckRecord, alt: string, neu: string): PrecheckRecord {
  const { state } = record;
  const names = (n: string) => n === alt;
  const touched =
    state.kandidaten.some((k) => names(k.azrNummer)) ||
    (state.mehrfacherfassung?.azrNummern.some(names) ?? false) ||
    (state.abweisung?.azrNummern.some(names) ?? false) ||
    record.abschluss?.azrNummer === alt;
  if (!touched) return record;
  const swap = (n: string) => (n === alt ? neu : n);
  const unique = (list: readonly string[]) => [...new Set(list.map(swap))];
  const vorher = state.kandidaten.find((k) => k.azrNummer === alt);
  const hasNeu = state.kandidaten.some((k) => k.azrNummer === neu);
  const kandidaten = state.kandidaten
    .filter((k) => !(hasNeu && k.azrNummer === alt))
    .map((k) => {
      if (k.azrNummer === alt) return { ...k, azrNummer: neu };
      // Both numbers were candidates: one person now; an undecided one takes the other's decision.
      if (k.azrNummer === neu && vorher)
        return {
          ...k,
          personalienGleich: k.personalienGleich || vorher.personalienGleich,
          entscheidung: k.entscheidung ?? vorher.entscheidung,
        };
      return k;
    });
  const gruppe = state.mehrfacherfassung;
  const gruppeNeu = gruppe ? unique(gruppe.azrNummern) : [];
  return {
    ...record,
    state: {
      ...state,
      kandidaten,
      // A suspected duplicate of two records the register has merged is settled.
      mehrfacherfassung:
        gruppe && gruppeNeu.length >= 2 ? { ...gruppe, azrNummern: gruppeNeu } : null,
      abweisung: state.abweisung
        ? { ...state.abweisung, azrNummern: unique(state.abweisung.azrNummern) }
        : null,
    },
    abschluss: record.abschluss
      ? { ...record.abschluss, azrNummer: swap(record.abschluss.azrNummer) }
      : null,
  };
}

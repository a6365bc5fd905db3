import type { MeldungResponse } from '../../../shared/bridge/meldungen';
import type { BridgeResult } from '../../../shared/bridge/result';
import type { BackoffPolicy, OutboxOutcome, OutboxSendRequest } from './model';
import { ENTRY_BACKOFF, QUEUE_BACKOFF, backoffDelay, judgeSend } from './model';
import type { OutboxEntry, OutboxQueueItem, OutboxRepository } from './repository';

/**
 * The app's reaction to a decided entry (wired by the pre-check: close the draft and record the
 * AZR-Nummer; reopen the wizard with the personalienGleich candidates; re-key a merged number).
 *
 * Contract:
 * - Called once per decision (bestaetigt, abgelehnt, konflikt) after the decision is committed to
 *   IndexedDB, in creation order, never for two entries at the same time.
 * - Resolving means "done": the worker then sets the entry's `handled` flag. Rejecting (or a
 *   crash, a lock, a closed window before it resolved) leaves `handled` false, and the callback is
 *   called again for that entry at the next start of the worker (next unlock or app start).
 * - It may therefore run more than once for the same decision (a crash after it finished but
 *   before `handled` was written): it must be idempotent.
 * - A rebase after a Konflikt starts a new decision: the next outcome is delivered again.
 */
export type OnSettled = (entry: OutboxEntry, outcome: OutboxOutcome) => Promise<void>;

/** Sends one Meldung over the bridge (`register.erstmeldung|folgemeldung|datenpflege`). */
export type OutboxSend = (request: OutboxSendRequest) => Promise<BridgeResult<MeldungResponse>>;

export interface OutboxWorkerDeps {
  readonly repository: OutboxRepository;
  readonly send: OutboxSend;
  /** Absent: decisions stay unhandled until a worker with a reaction starts. */
  readonly onSettled?: OnSettled;
  readonly now: () => Date;
  /** Resolves after `ms`, or early when `signal` aborts. */
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly random: () => number;
  /**
   * Independent entries in flight at once (1–4, default 4). Each send waits for two strict
   * IndexedDB commits (wird-gesendet, the answer) and a round trip through main and mTLS; with
   * one at a time, 1,000 queued Meldungen need longer than the 60 s budget (architecture §6) on
   * our 2-core machines. Four keep the register busy without crowding Chromium's six connections
   * per host. Order is kept where it matters: same draft or same AZR-Nummer, strictly one by one.
   */
  readonly concurrency?: number;
  readonly entryBackoff?: BackoffPolicy;
  readonly queueBackoff?: BackoffPolicy;
  /** Sends without any answer in a row after which the whole queue pauses (default 3). */
  readonly pauseAfter?: number;
  /** While idle, look for entries written by someone else (another repository instance). */
  readonly idlePollMs?: number;
  readonly log?: (message: string) => void;
}

const MAX_CONCURRENCY = 4;

/**
 * An entry may go when nothing before it (lower seq) that shares its draft or one of its target
 * AZR-Nummern is still open or in Konflikt: those must be decided — or resolved — first. Entries in
 * flight count as open even once their answer is written, until the worker is done with them (a
 * personalienGleich rejection still has to withdraw the later entries of its draft).
 */
export function sendable(
  queue: readonly OutboxQueueItem[],
  inFlight: ReadonlyMap<string, OutboxQueueItem>,
  at: number,
): { readonly due: OutboxQueueItem[]; readonly nextAt: number | undefined } {
  const blockedDrafts = new Set<string>();
  const blockedTargets = new Set<string>();
  const due: OutboxQueueItem[] = [];
  let nextAt: number | undefined;
  const all = [...queue.filter((item) => !inFlight.has(item.id)), ...inFlight.values()].sort(
    (a, b) => a.seq - b.seq,
  );
  for (const item of all) {
    const blocked =
      blockedDrafts.has(item.draftId) || item.targets.some((target) => blockedTargets.has(target));
    // Whatever this entry's fate, it holds back the later ones of its draft and targets.
    blockedDrafts.add(item.draftId);
    for (const target of item.targets) blockedTargets.add(target);
    if (blocked || item.status === 'konflikt' || inFlight.has(item.id)) continue;
    if (item.nextAttemptAt <= at) due.push(item);
    else nextAt = Math.min(nextAt ?? Infinity, item.nextAttemptAt);
  }
  return { due, nextAt };
}

/** How many finished reactions are recorded as handled in one transaction at most. */
const HANDLED_BATCH = 50;

/**
 * The outbox worker: sends entries in creation order whenever the register can be reached; a
 * transient failure is sent again with the SAME idempotency key after an exponential backoff with
 * full jitter; decisions are recorded and handed to onSettled (see its contract). It only ever
 * talks to the register through `send`, and never has two sends of one entry under way.
 */
export class OutboxWorker {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake = new AbortController();
  private readonly stopping = new AbortController();
  private readonly inFlight = new Map<string, { item: OutboxQueueItem; task: Promise<void> }>();
  private queueDirty = true;
  private queue: OutboxQueueItem[] = [];
  private failuresInRow = 0;
  private pauses = 0;
  private pausedUntil = 0;
  /** Reactions run one at a time, in the order decisions were made. */
  private reactions: Promise<void> = Promise.resolve();
  private pendingReactions = 0;
  /** Finished reactions not yet recorded as handled (see react). */
  private readonly handled: { id: string; revision: string }[] = [];
  private unsubscribe: (() => void) | undefined;
  private readonly concurrency: number;

  constructor(private readonly deps: OutboxWorkerDeps) {
    this.concurrency = Math.min(MAX_CONCURRENCY, Math.max(1, deps.concurrency ?? MAX_CONCURRENCY));
  }

  /** Starts sending; first delivers the reactions a previous run did not finish. One-shot. */
  start(): void {
    if (this.running || this.stopping.signal.aborted) return;
    this.running = true;
    this.unsubscribe = this.deps.repository.subscribe((change) => {
      // Its own transitions the worker applies to its copy of the queue (sendOne): reading 1,000
      // rows back after every send would cost more than the send.
      if (change.cause === 'worker') return;
      this.queueDirty = true;
      this.poke();
    });
    this.loop = this.run().catch((error: unknown) => {
      this.deps.log?.(`outbox worker stopped: ${error instanceof Error ? error.name : 'error'}`);
    });
  }

  /** Stops starting sends; resolves when the sends under way and their reactions have ended. */
  async stop(): Promise<void> {
    this.running = false;
    this.stopping.abort();
    this.poke();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    await this.loop;
    await Promise.allSettled([...this.inFlight.values()].map((flight) => flight.task));
    await this.reactions;
  }

  /** "Jetzt senden", or the register is reachable again: forget the pauses and look now. */
  nudge(): void {
    this.pausedUntil = 0;
    this.pauses = 0;
    this.failuresInRow = 0;
    this.queueDirty = true;
    this.poke();
  }

  private poke() {
    this.wake.abort();
  }

  private async run(): Promise<void> {
    await this.redeliver();
    while (this.running) {
      this.wake = new AbortController();
      const signal = AbortSignal.any([this.wake.signal, this.stopping.signal]);
      if (this.queueDirty) {
        this.queueDirty = false;
        this.queue = await this.deps.repository.queue();
      }
      const at = this.deps.now().getTime();
      const { due, nextAt } = sendable(
        this.queue,
        new Map([...this.inFlight].map(([id, flight]) => [id, flight.item])),
        at,
      );
      // While the register is unreachable only one send probes it; the rest wait for the pause.
      const paused = this.pausedUntil > at;
      const limit = this.failuresInRow >= this.pauseAfter ? 1 : this.concurrency;
      let started = 0;
      if (!paused)
        for (const item of due) {
          if (this.inFlight.size >= limit) break;
          this.launch(item);
          started++;
        }
      if (!this.running) break;
      if (started > 0) continue;
      const wakeAt = paused ? Math.min(this.pausedUntil, nextAt ?? Infinity) : nextAt;
      const idle = this.deps.idlePollMs ?? 2_000;
      const waitMs = wakeAt === undefined ? idle : Math.max(0, Math.min(wakeAt - at, idle));
      if (wakeAt === undefined || wakeAt - at > idle) this.queueDirty = true;
      await this.deps.sleep(waitMs, signal);
    }
  }

  private get pauseAfter() {
    return this.deps.pauseAfter ?? 3;
  }

  private launch(item: OutboxQueueItem) {
    const task = this.sendOne(item.id)
      .catch((error: unknown) => {
        this.deps.log?.(`outbox ${item.id}: ${error instanceof Error ? error.name : 'error'}`);
      })
      .finally(() => {
        this.inFlight.delete(item.id);
        this.poke();
      });
    this.inFlight.set(item.id, { item, task });
  }

  /** Applies one of the worker's own transitions to its copy of the queue (undefined: gone). */
  private replaceInQueue(
    id: string,
    change: (item: OutboxQueueItem) => OutboxQueueItem | undefined,
  ) {
    this.queue = this.queue.flatMap((item) => {
      if (item.id !== id) return [item];
      const next = change(item);
      return next ? [next] : [];
    });
  }

  private async sendOne(id: string): Promise<void> {
    const entry = await this.deps.repository.markSending(id);
    const request = { ...entry.meldung.meldung, idempotencyKey: entry.idempotencyKey };
    let result: BridgeResult<MeldungResponse> | { readonly thrown: true };
    try {
      result = await this.deps.send({ art: entry.art, request } as OutboxSendRequest);
    } catch {
      result = { thrown: true };
    }
    const verdict = judgeSend(entry.meldung, result);
    if (verdict.kind === 'retry') {
      if (verdict.unreachable) this.failuresInRow++;
      if (verdict.unreachable && this.failuresInRow >= this.pauseAfter) {
        this.pauses++;
        this.pausedUntil =
          this.deps.now().getTime() +
          backoffDelay(this.pauses, this.deps.random, this.deps.queueBackoff ?? QUEUE_BACKOFF);
      }
      const delay = backoffDelay(
        entry.attempts,
        this.deps.random,
        this.deps.entryBackoff ?? ENTRY_BACKOFF,
      );
      const nextAttemptAt = this.deps.now().getTime() + delay;
      await this.deps.repository.defer(id, verdict.code, new Date(nextAttemptAt));
      this.replaceInQueue(id, (item) => ({ ...item, status: 'wartet', nextAttemptAt }));
      return;
    }
    this.failuresInRow = 0;
    this.pauses = 0;
    this.pausedUntil = 0;
    const settled = await this.deps.repository.settle(id, verdict.outcome);
    this.replaceInQueue(id, (item) =>
      settled.status === 'konflikt' ? { ...item, status: 'konflikt' } : undefined,
    );
    const later: OutboxEntry[] = [];
    if (verdict.outcome.status === 'abgelehnt' && verdict.outcome.grund === 'personalienGleich')
      later.push(...(await this.rejectLaterOfDraft(settled)));
    for (const decided of [settled, ...later]) this.react(decided);
  }

  /**
   * § 5 Abs. 1 AZRG-DV: after a personalienGleich rejection the case goes back to the pre-check;
   * nothing else queued for that draft is sent (it would rest on the rejected finding).
   */
  private async rejectLaterOfDraft(rejected: OutboxEntry): Promise<OutboxEntry[]> {
    const queue = await this.deps.repository.queue();
    const out: OutboxEntry[] = [];
    for (const item of queue)
      if (
        item.draftId === rejected.draftId &&
        item.seq > rejected.seq &&
        item.status !== 'konflikt'
      )
        out.push(
          await this.deps.repository.settle(item.id, {
            status: 'abgelehnt',
            grund: 'vorgaenger',
            vorgaengerId: rejected.id,
          }),
        );
    this.queueDirty = true;
    return out;
  }

  private react(entry: OutboxEntry) {
    const onSettled = this.deps.onSettled;
    const outcome = entry.ergebnis?.outcome;
    if (!onSettled || !outcome) return;
    this.pendingReactions++;
    this.reactions = this.reactions.then(async () => {
      try {
        await onSettled(entry, outcome);
        this.handled.push({ id: entry.id, revision: entry.revision });
      } catch {
        // Stays unhandled: delivered again at the next start (see OnSettled).
        this.deps.log?.(`outbox ${entry.id}: onSettled failed; again at the next start`);
      } finally {
        this.pendingReactions--;
      }
      // Recorded in batches: once no reaction is waiting, or every HANDLED_BATCH. A crash before
      // the batch is written only means those reactions run again (they are idempotent).
      if (this.pendingReactions === 0 || this.handled.length >= HANDLED_BATCH) {
        const batch = this.handled.splice(0);
        await this.deps.repository.markHandledMany(batch).catch(() => undefined);
      }
    });
  }

  /** Decisions whose reaction did not finish last time (crash, lock) get it now, in order. */
  private async redeliver(): Promise<void> {
    if (!this.deps.onSettled) return;
    for (const entry of await this.deps.repository.unhandled()) this.react(entry);
    await this.reactions;
  }
}

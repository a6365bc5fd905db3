import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readTextIfExists, writeFileAtomic } from '../files';
import type {
  ProtocolEntry,
  ProtocolList,
  ProtocolQuery,
} from '../../../../shared/bridge/register';
import { protocolQuerySchema } from '../../../../shared/bridge/register';
import type { ProtocolHead, ProtocolLine, Verification } from './chain';
import {
  headSchema,
  initialHead,
  protocolLineSchema,
  sealLine,
  splitLines,
  verifyChain,
} from './chain';
import { protocolCsv } from './csv';

// The local protocol of register requests (domain.md §6, § 16 AZRG-DV): who asked, when, for which
// purpose and case, about which AZR-Nummern, with what result — never a payload or a name. Append-only
// JSON lines in the user data folder, hash-chained (chain.ts), kept for the policy's retention.

export const PROTOCOL_FILE = 'protocol.jsonl';
export const HEAD_FILE = 'protocol.head.json';

/** The file operations the protocol needs; injected so tests can tamper and crash at will. */
export interface ProtocolFs {
  read(path: string): Promise<string | undefined>;
  append(path: string, text: string): Promise<void>;
  /** Replaces the file as a whole (temp file + rename). */
  replace(path: string, text: string): Promise<void>;
  ensureDir(path: string): Promise<void>;
}

export const nodeProtocolFs: ProtocolFs = {
  read: readTextIfExists,
  append: (path, text) => appendFile(path, text, { encoding: 'utf8', mode: 0o600 }),
  replace: (path, text) => writeFileAtomic(path, text, { file: 0o600, dir: 0o700 }),
  ensureDir: async (path) => {
    await mkdir(path, { recursive: true, mode: 0o700 });
  },
};

export interface ProtocolLogDeps {
  /** `<userData>/protocol` (Electron) or `<dataDir>/protocol` (browser host). */
  readonly dir: string;
  readonly fs: ProtocolFs;
  readonly now: () => Date;
  /** Policy `protocolRetentionMonths`. */
  readonly retentionMonths: () => number;
}

export interface ProtocolExport {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly rows: number;
}

export interface ProtocolLog {
  append(entry: Omit<ProtocolEntry, 'seq'>): Promise<void>;
  list(query: ProtocolQuery): Promise<ProtocolList>;
  verify(): Promise<Verification>;
  /** Every entry matching the query (the limit does not apply), as CSV for the DPO. */
  exportCsv(query: ProtocolQuery): Promise<ProtocolExport>;
  /** Removes entries older than the retention; returns how many. */
  purge(): Promise<number>;
}

/** The instant `months` calendar months before `now` (UTC; day clamped to the month's end). */
export function retentionCutoff(now: Date, months: number): Date {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      year,
      month,
      Math.min(now.getUTCDate(), lastDay),
      now.getUTCHours(),
      now.getUTCMinutes(),
      now.getUTCSeconds(),
      now.getUTCMilliseconds(),
    ),
  );
}

function parseLines(text: string): ProtocolLine[] {
  return splitLines(text).flatMap((raw) => {
    try {
      return [protocolLineSchema.parse(JSON.parse(raw))];
    } catch {
      return [];
    }
  });
}

const toEntry = ({ prev: _prev, hash: _hash, ...entry }: ProtocolLine): ProtocolEntry => entry;

function matches(query: ReturnType<typeof protocolQuerySchema.parse>, line: ProtocolLine): boolean {
  const day = line.time.slice(0, 10);
  if (query.von && day < query.von) return false;
  if (query.bis && day > query.bis) return false;
  if (query.operation && line.operation !== query.operation) return false;
  if (
    query.geschaeftszeichen &&
    !(line.geschaeftszeichen ?? '').toLowerCase().includes(query.geschaeftszeichen.toLowerCase())
  )
    return false;
  if (query.azrNummer && !line.azrNummern.includes(query.azrNummer)) return false;
  return true;
}

export function createProtocolLog(deps: ProtocolLogDeps): ProtocolLog {
  const file = join(deps.dir, PROTOCOL_FILE);
  const headFile = join(deps.dir, HEAD_FILE);
  let state: { head: ProtocolHead } | undefined;
  // One writer at a time: appends and purges must not interleave (both rewrite the head).
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  async function readHead(): Promise<ProtocolHead | undefined> {
    const text = await deps.fs.read(headFile);
    if (text === undefined) return undefined;
    try {
      return headSchema.parse(JSON.parse(text));
    } catch {
      return undefined;
    }
  }

  /** The chain continues from the newest of head and file (the file may be ahead after a crash). */
  async function load(): Promise<{ head: ProtocolHead }> {
    if (state) return state;
    await deps.fs.ensureDir(deps.dir);
    const head = (await readHead()) ?? initialHead();
    const lines = parseLines((await deps.fs.read(file)) ?? '');
    const newest = lines.at(-1);
    if (newest && newest.seq > head.last.seq) head.last = { seq: newest.seq, hash: newest.hash };
    state = { head };
    return state;
  }

  const writeHead = (head: ProtocolHead) =>
    deps.fs.replace(headFile, `${JSON.stringify(head, null, 2)}\n`);

  async function readAll() {
    return { text: (await deps.fs.read(file)) ?? '', head: await readHead() };
  }

  return {
    append: (entry) =>
      serial(async () => {
        const { head } = await load();
        const line = sealLine(entry, head.last.seq + 1, head.last.hash);
        await deps.fs.append(file, `${JSON.stringify(line)}\n`);
        head.last = { seq: line.seq, hash: line.hash };
        await writeHead(head);
      }),

    async list(input) {
      const query = protocolQuerySchema.parse(input);
      await queue;
      const { text, head } = await readAll();
      const matching = parseLines(text).filter((line) => matches(query, line));
      return {
        // Newest first: the caseworker looks for what just happened.
        entries: matching.slice(-query.limit).reverse().map(toEntry),
        total: matching.length,
        verification: verifyChain(text, head),
      };
    },

    async verify() {
      await queue;
      const { text, head } = await readAll();
      return verifyChain(text, head);
    },

    async exportCsv(input) {
      const query = protocolQuerySchema.parse(input);
      await queue;
      const { text, head } = await readAll();
      const rows = parseLines(text)
        .filter((line) => matches(query, line))
        .map(toEntry);
      const stamp = deps.now().toISOString().slice(0, 19).replace(/[:T]/g, '-');
      return {
        fileName: `azr-desk-abrufprotokoll-${stamp}.csv`,
        bytes: protocolCsv(rows, verifyChain(text, head)),
        rows: rows.length,
      };
    },

    purge: () =>
      serial(async () => {
        const { head } = await load();
        const text = (await deps.fs.read(file)) ?? '';
        const lines = parseLines(text);
        // A damaged line makes positions uncertain: keep everything rather than cut in the wrong place.
        if (lines.length !== splitLines(text).length) return 0;
        const cutoff = retentionCutoff(deps.now(), deps.retentionMonths()).getTime();
        // Only a leading run is removed, so what stays is one contiguous piece of the chain.
        const keepFrom = lines.findIndex((line) => new Date(line.time).getTime() >= cutoff);
        const removed = keepFrom === -1 ? lines.length : keepFrom;
        if (removed === 0) return 0;
        const lastRemoved = lines[removed - 1];
        if (!lastRemoved) return 0;
        const rawLines = splitLines(text);
        const next: ProtocolHead = {
          ...head,
          previousAnchor: head.anchor,
          anchor: { seq: lastRemoved.seq + 1, prev: lastRemoved.hash },
          purges: [
            ...head.purges,
            {
              time: deps.now().toISOString(),
              removed,
              firstKeptSeq: lastRemoved.seq + 1,
            },
          ].slice(-50),
        };
        // Head first: a crash before the file is replaced leaves a complete, still verifiable file.
        await writeHead(next);
        const kept = rawLines.slice(removed);
        await deps.fs.replace(file, kept.length > 0 ? `${kept.join('\n')}\n` : '');
        const settled: ProtocolHead = { ...next };
        delete settled.previousAnchor;
        await writeHead(settled);
        state = { head: settled };
        return removed;
      }),
  };
}

import type { PrintDocument } from '../../../../shared/bridge/print';

/** One document waiting to be printed: handed out once, then only its ready signal is awaited. */
interface PrintJob {
  document: PrintDocument | undefined;
  readonly ready: Promise<void>;
  readonly signalReady: () => void;
}

export interface PrintJobs {
  /** Keeps a document in memory under a new one-time token. */
  open(document: PrintDocument): { readonly token: string; readonly ready: Promise<void> };
  /** The document behind a token, once: a second call (or an unknown token) gets undefined. */
  take(token: string): PrintDocument | undefined;
  /** The print route has rendered the document; false for an unknown token. */
  markReady(token: string): boolean;
  /** Forgets a job (after the PDF was made, or when it failed). */
  close(token: string): void;
  /** How many jobs are open (tests: nothing lingers). */
  readonly size: number;
}

export interface PrintJobsDeps {
  /** 32 random bytes; injected so tests can name tokens. */
  readonly randomBytes: (size: number) => Uint8Array;
  /** A job nobody finishes is forgotten after this long (default 2 minutes). */
  readonly ttlMs?: number;
  readonly setTimer?: (callback: () => void, ms: number) => { unref?: () => void };
}

const base64url = (bytes: Uint8Array) =>
  Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/**
 * The print documents of this session, in memory only (architecture §4: register answers never
 * touch the disk). A token is unguessable and single-use: the print route fetches its document once,
 * and the job is dropped as soon as the PDF exists or after `ttlMs` at the latest.
 */
export function createPrintJobs(deps: PrintJobsDeps): PrintJobs {
  const jobs = new Map<string, PrintJob>();
  const ttlMs = deps.ttlMs ?? 2 * 60_000;
  const setTimer = deps.setTimer ?? ((callback, ms) => setTimeout(callback, ms));

  return {
    open(document) {
      const token = base64url(deps.randomBytes(32));
      let signalReady: () => void = () => undefined;
      const ready = new Promise<void>((resolve) => {
        signalReady = resolve;
      });
      jobs.set(token, { document, ready, signalReady });
      setTimer(() => jobs.delete(token), ttlMs).unref?.();
      return { token, ready };
    },
    take(token) {
      const job = jobs.get(token);
      if (!job?.document) return undefined;
      const { document } = job;
      job.document = undefined;
      return document;
    },
    markReady(token) {
      const job = jobs.get(token);
      if (!job) return false;
      job.signalReady();
      return true;
    },
    close(token) {
      jobs.delete(token);
    },
    get size() {
      return jobs.size;
    },
  };
}

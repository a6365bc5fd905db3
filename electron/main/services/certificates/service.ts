import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { CertificateStatus } from '../../../../shared/bridge/register';
import { certificateInfoSchema } from '../../../../shared/bridge/register';
import type { CertificateCandidate, Selection } from './rule';
import { sameFingerprint, selectClientCertificate, toCertificateStatus } from './rule';

// The state around the pure rule: what the keystore offered last, the user's remembered choice, which
// certificate the network stack was actually given, and callers waiting for the user to pick.

/** Where the user's explicit choice is remembered (a fingerprint, nothing secret). */
export interface RememberedCertificateStore {
  load(): Promise<string | undefined>;
  save(fingerprint: string): Promise<void>;
}

export class CertificateChoiceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CertificateChoiceError';
  }
}

export interface CertificateServiceDeps {
  /** Policy `clientCertificateIssuer` (with the development default applied). */
  readonly issuerFilter: () => string;
  readonly remembered: RememberedCertificateStore;
  readonly now: () => Date;
  /**
   * True in Electron: Chromium keeps the certificate it was given for the rest of the session, so a
   * change after one was presented takes effect only after a restart.
   */
  readonly changeNeedsRestart: boolean;
  /**
   * Lets the keystore be asked when nothing is known yet (Electron learns the candidates only from a
   * TLS handshake with the register). Resolves when done or given up; never rejects.
   */
  readonly probe?: () => Promise<void>;
}

/** What the register gateway may know before it sends. */
export type CertificateGate = 'ok' | 'missing' | 'choice-needed' | 'unknown';

export interface CertificateService {
  /** The keystore's current list (Electron: from `select-client-certificate`; host: the PKCS#12). */
  offer(candidates: readonly CertificateCandidate[]): Promise<Selection>;
  /** The decision for the last offer, if any offer was made. */
  current(): Selection | undefined;
  status(): Promise<CertificateStatus>;
  /** The user's explicit pick; refused unless the fingerprint is an eligible candidate. */
  choose(fingerprint: string): Promise<CertificateStatus>;
  /** Resolves with the user's pick (for a handshake waiting while the dialog is open). */
  waitForChoice(): Promise<CertificateCandidate>;
  /** Tells the service which certificate the network stack now holds for this session. */
  presented(fingerprint: string | undefined): void;
  gate(): CertificateGate;
  onChange(listener: (selection: Selection) => void): () => void;
}

export function createCertificateService(deps: CertificateServiceDeps): CertificateService {
  let candidates: readonly CertificateCandidate[] | undefined;
  let selection: Selection | undefined;
  let rememberedCache: string | undefined | null = null;
  let inSession: string | undefined;
  let restartRequired = false;
  const waiting: ((certificate: CertificateCandidate) => void)[] = [];
  const listeners = new Set<(selection: Selection) => void>();

  const remembered = async () => {
    if (rememberedCache === null) rememberedCache = await deps.remembered.load();
    return rememberedCache;
  };

  const decide = async () => {
    if (!candidates) return undefined;
    selection = selectClientCertificate({
      candidates,
      issuerFilter: deps.issuerFilter(),
      remembered: await remembered(),
      now: deps.now(),
    });
    for (const listener of listeners) listener(selection);
    return selection;
  };

  return {
    async offer(list) {
      candidates = [...list];
      const decided = await decide();
      if (!decided) throw new Error('unreachable: candidates were just set');
      return decided;
    },
    current: () => selection,
    async status() {
      if (!candidates && deps.probe) await deps.probe();
      const decided = await decide();
      if (!decided) return { candidates: [], state: 'none', restartRequired };
      return toCertificateStatus(decided, deps.now(), restartRequired);
    },
    async choose(fingerprint) {
      const decided = await decide();
      const eligible = decided && decided.kind !== 'none' ? decided.eligible : [];
      const chosen = eligible.find((candidate) =>
        sameFingerprint(candidate.fingerprint, fingerprint),
      );
      if (!decided || !chosen)
        throw new CertificateChoiceError('not an eligible certificate of the keystore');
      await deps.remembered.save(chosen.fingerprint);
      rememberedCache = chosen.fingerprint;
      if (
        deps.changeNeedsRestart &&
        inSession !== undefined &&
        !sameFingerprint(inSession, chosen.fingerprint)
      )
        restartRequired = true;
      const next = (await decide()) ?? decided;
      for (const resolve of waiting.splice(0)) resolve(chosen);
      return toCertificateStatus(next, deps.now(), restartRequired);
    },
    waitForChoice: () => new Promise((resolve) => waiting.push(resolve)),
    presented(fingerprint) {
      inSession = fingerprint;
    },
    gate() {
      if (!selection) return 'unknown';
      if (selection.kind === 'selected') return 'ok';
      return selection.kind === 'none' ? 'missing' : 'choice-needed';
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const rememberedFileSchema = z.object({ fingerprint: certificateInfoSchema.shape.fingerprint });

/** The remembered fingerprint as a small JSON file in the user data folder. */
export function createFileCertificateStore(path: string): RememberedCertificateStore {
  return {
    async load() {
      try {
        const parsed = rememberedFileSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
        return parsed.success ? parsed.data.fingerprint : undefined;
      } catch {
        return undefined;
      }
    },
    async save(fingerprint) {
      await mkdir(dirname(path), { recursive: true });
      const temp = `${path}.${process.pid}.tmp`;
      await writeFile(temp, `${JSON.stringify({ fingerprint })}\n`, { mode: 0o600 });
      await rename(temp, path);
    },
  };
}

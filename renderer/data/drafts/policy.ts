import { getBridge, unwrap } from '../bridge';

/** The drafts' policy values (machine policy or user setting, defaults per issue 6). */
export interface DraftPolicy {
  readonly retentionDays: number;
  readonly lockAfterMinutes: number;
  /** Days before deletion from which the list warns. */
  readonly warnDays: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** What was last changed before this moment is deleted by the retention (drafts, outbox, notices). */
export const retentionCutoff = (now: Date, policy: Pick<DraftPolicy, 'retentionDays'>): Date =>
  new Date(now.getTime() - policy.retentionDays * DAY_MS);

export const DEFAULT_DRAFT_POLICY: DraftPolicy = {
  retentionDays: 30,
  lockAfterMinutes: 10,
  warnDays: 7,
};

/** Reads the policy through `settings.get`; a host without settings gets the safe defaults. */
export async function loadDraftPolicy(): Promise<DraftPolicy> {
  try {
    const { settings } = await unwrap(getBridge().settings.get());
    const number = (key: string, fallback: number) => {
      const value = settings.find((s) => s.key === key)?.value;
      return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
    };
    return {
      retentionDays: number('draftRetentionDays', DEFAULT_DRAFT_POLICY.retentionDays),
      lockAfterMinutes: number('inactivityLockMinutes', DEFAULT_DRAFT_POLICY.lockAfterMinutes),
      warnDays: DEFAULT_DRAFT_POLICY.warnDays,
    };
  } catch {
    return DEFAULT_DRAFT_POLICY;
  }
}

import type { RekeyResult } from '../rekey';
import type { Notice, NoticeRepository, NoticeVerarbeitung } from './repository';

/**
 * The local effect of the register's change notices, each exactly once: the effect first, then the
 * `verarbeitet` marker. A crash between the two repeats the effect at the next start; the effect is
 * idempotent (re-keying finds nothing left to change), so that is harmless. The only cost: the
 * repeated run reports what it changed itself (possibly nothing) as the notice's result.
 */
export interface ProcessDeps {
  readonly notices: Pick<NoticeRepository, 'pending' | 'markProcessed'>;
  /** `rekeyAzrNummer` from renderer/data/rekey bound to this session's repositories. */
  readonly rekey: (wegfallend: string, bleibend: string) => Promise<RekeyResult>;
  readonly now: () => Date;
}

async function effectOf(notice: Notice, deps: ProcessDeps): Promise<NoticeVerarbeitung> {
  const { mitteilung } = notice;
  const am = () => deps.now().toISOString();
  if (mitteilung.mitteilungsAusloeser === 'ZUSAMMENFUEHRUNG' && mitteilung.wegfallendeAzrNummer) {
    const result = await deps.rekey(mitteilung.wegfallendeAzrNummer, mitteilung.azrNummer);
    return { am: am(), entwuerfe: result.entwuerfe, vorpruefungen: result.vorpruefungen };
  }
  // An AENDERUNG names data that changed in the register: nothing local refers to those data
  // (register answers are never stored), so the notice is for the caseworker to read.
  return { am: am(), entwuerfe: [], vorpruefungen: 0 };
}

/**
 * Processes every pending notice in order of arrival (a chain of merges A→B, B→C must re-key A
 * to B before B to C). Stops at the first failure, leaving it and the later ones pending for the
 * next run, so the order holds. Returns how many were processed.
 */
export async function processPendingNotices(deps: ProcessDeps): Promise<number> {
  let processed = 0;
  for (const notice of await deps.notices.pending()) {
    const verarbeitung = await effectOf(notice, deps);
    if (await deps.notices.markProcessed(notice.id, verarbeitung)) processed++;
  }
  return processed;
}

// Test factories for the notices: a repository over a fresh fake IndexedDB (shared with a drafts
// repository under the same keys), notices as the register sends them, a controllable timer.
import type { MitteilungZuDatenaenderung } from '../../../shared/register-api/messages';
import { setupRepository, testClock } from '../drafts/test-support';
import { NoticeRepository } from './repository';
import type { PollerTimers } from './poller';

export async function setupNotices(clock = testClock()) {
  const drafts = await setupRepository(clock);
  const notices = new NoticeRepository({ db: drafts.db, cipher: drafts.cipher, now: clock.now });
  return { ...drafts, drafts: drafts.repository, notices };
}

export const zusammenfuehrung = (
  id: string,
  wegfallend: string,
  bleibend: string,
  erstelltAm = '2026-11-23T08:30:00.000Z',
): MitteilungZuDatenaenderung => ({
  nachrichtentyp: '090030',
  id,
  erstelltAm,
  azrNummer: bleibend,
  mitteilungsAusloeser: 'ZUSAMMENFUEHRUNG',
  wegfallendeAzrNummer: wegfallend,
  handlungsempfehlung: `Die Datensätze wurden zusammengeführt. Verwenden Sie künftig die AZR-Nummer ${bleibend}.`,
});

export const aenderung = (id: string, azrNummer: string): MitteilungZuDatenaenderung => ({
  nachrichtentyp: '090030',
  id,
  erstelltAm: '2026-11-23T08:45:00.000Z',
  azrNummer,
  mitteilungsAusloeser: 'AENDERUNG',
  handlungsempfehlung: 'Die Anschrift wurde geändert.',
});

/** Timers that fire only when the test says so; remembers each scheduled delay. */
export function manualTimers() {
  let next = 1;
  const pending = new Map<number, { callback: () => void; ms: number }>();
  const delays: number[] = [];
  const timers: PollerTimers = {
    setTimeout(callback, ms) {
      const handle = next++;
      pending.set(handle, { callback, ms });
      delays.push(ms);
      return handle;
    },
    clearTimeout(handle) {
      if (typeof handle === 'number') pending.delete(handle);
    },
  };
  return {
    timers,
    delays,
    pendingCount: () => pending.size,
    /** Runs the timer that is due (there is at most one). */
    fire() {
      const [entry] = [...pending.entries()];
      if (!entry) throw new Error('no timer scheduled');
      pending.delete(entry[0]);
      entry[1].callback();
    },
  };
}

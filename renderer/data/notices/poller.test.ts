import { describe, expect, it, vi } from 'vitest';
import type { MitteilungenRequest, MitteilungenResponse } from '../../../shared/bridge/meldungen';
import type { RegisterFailureCode } from '../../../shared/bridge/register';
import type { MitteilungZuDatenaenderung } from '../../../shared/register-api/messages';
import { BridgeCallError } from '../bridge';
import {
  NOTICE_BACKOFF_START_MS,
  NOTICE_PAGE_SIZE,
  NOTICE_POLL_INTERVAL_MS,
  backoffDelay,
  createNoticePoller,
} from './poller';
import { aenderung, manualTimers, setupNotices } from './test-support';

type Request = NonNullable<MitteilungenRequest>;

/**
 * The training register's paging: notices in id order, `nach` = the last id seen, a next cursor
 * only when more follow. `fail` makes the next calls answer with a failure instead.
 */
function fakeRegister(count: number) {
  const all: MitteilungZuDatenaenderung[] = Array.from({ length: count }, (_, i) =>
    aenderung(String(i + 1), '240301000006'),
  );
  const requests: Request[] = [];
  let failures: (RegisterFailureCode | 'BRIDGE')[] = [];
  const fetchPage = vi.fn((request: Request): Promise<MitteilungenResponse> => {
    requests.push(request);
    const failure = failures.shift();
    if (failure === 'BRIDGE')
      return Promise.reject(new BridgeCallError('UNAVAILABLE', 'main not reachable'));
    if (failure)
      return Promise.resolve({
        ergebnis: 'fehler',
        fehler: { code: failure, registerFehler: [] },
      });
    const start = request.nach === undefined ? 0 : Number(request.nach);
    const anzahl = request.anzahl ?? 50;
    const page = all.slice(start, start + anzahl);
    const more = all.length > start + anzahl;
    return Promise.resolve({
      ergebnis: 'antwort',
      antwort: {
        mitteilungen: page,
        ...(more ? { naechsterCursor: page.at(-1)!.id } : {}),
      },
    });
  });
  return {
    all,
    requests,
    fetchPage,
    failNext: (...codes: (RegisterFailureCode | 'BRIDGE')[]) => {
      failures = codes;
    },
  };
}

async function setup(count: number) {
  const { notices } = await setupNotices();
  const register = fakeRegister(count);
  const timers = manualTimers();
  const process = vi.fn(() => Promise.resolve(0));
  let now = new Date('2026-11-23T10:00:00.000Z').getTime();
  const poller = createNoticePoller({
    fetchPage: register.fetchPage,
    repository: notices,
    process,
    now: () => new Date(now),
    timers: timers.timers,
    random: () => 0.5,
  });
  return {
    notices,
    register,
    timers,
    process,
    poller,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** Lets the poll under way finish (IndexedDB and promises, no timers). */
const settle = async (poller: { store: { getState(): { polling: boolean } } }) => {
  await vi.waitFor(() => expect(poller.store.getState().polling).toBe(false));
};

describe('Abruf der Mitteilungen', () => {
  it('holt beim Start alle Seiten und dann alle fünf Minuten', async () => {
    const { poller, register, notices, timers, process } = await setup(NOTICE_PAGE_SIZE * 2 + 50);
    poller.start();
    await poller.pollNow();
    expect(register.requests).toEqual([
      { anzahl: NOTICE_PAGE_SIZE },
      { nach: String(NOTICE_PAGE_SIZE), anzahl: NOTICE_PAGE_SIZE },
      { nach: String(NOTICE_PAGE_SIZE * 2), anzahl: NOTICE_PAGE_SIZE },
    ]);
    expect((await notices.list()).notices).toHaveLength(NOTICE_PAGE_SIZE * 2 + 50);
    expect(process).toHaveBeenCalledTimes(1);
    expect(timers.delays).toEqual([NOTICE_POLL_INTERVAL_MS]);
    expect(poller.store.getState()).toMatchObject({ failure: undefined, polling: false });
    expect(poller.store.getState().lastSuccessAt).toBeInstanceOf(Date);

    // The next poll starts from the last cursor: only the last page again, nothing twice.
    timers.fire();
    await settle(poller);
    expect(register.requests.at(-1)).toEqual({
      nach: String(NOTICE_PAGE_SIZE * 2),
      anzahl: NOTICE_PAGE_SIZE,
    });
    expect((await notices.list()).notices).toHaveLength(NOTICE_PAGE_SIZE * 2 + 50);
  });

  it('wiederholt nach Fehlern mit wachsendem Abstand und verliert nichts', async () => {
    const { poller, register, notices, timers } = await setup(3);
    register.failNext(
      'REGISTER_UNREACHABLE',
      'REGISTER_UNREACHABLE',
      'BRIDGE',
      'REGISTER_ERROR',
      'REGISTER_UNREACHABLE',
      'REGISTER_UNREACHABLE',
      'REGISTER_UNREACHABLE',
    );
    poller.start();
    await settle(poller);
    expect(poller.store.getState().failure).toEqual({
      kind: 'register',
      code: 'REGISTER_UNREACHABLE',
    });
    for (let i = 0; i < 6; i++) {
      timers.fire();
      await settle(poller);
    }
    // 15 s doubling up to 5 min, each 3/4 of it at random = 0.5 (equal jitter).
    expect(timers.delays).toEqual([15, 30, 60, 120, 240, 300, 300].map((s) => s * 1000 * 0.75));
    expect((await notices.list()).notices).toEqual([]);
    expect(await notices.cursor()).toBeUndefined();

    timers.fire();
    await settle(poller);
    expect(poller.store.getState().failure).toBeUndefined();
    expect((await notices.list()).notices).toHaveLength(3);
    expect(timers.delays.at(-1)).toBe(NOTICE_POLL_INTERVAL_MS);
  });

  it('unterscheidet Register, Anwendungsdienst und lokale Verarbeitung', async () => {
    const { poller, register, timers, process } = await setup(1);
    register.failNext('BRIDGE');
    poller.start();
    await settle(poller);
    expect(poller.store.getState().failure).toEqual({ kind: 'bridge', code: 'UNAVAILABLE' });
    process.mockRejectedValueOnce(new Error('locked'));
    timers.fire();
    await settle(poller);
    expect(poller.store.getState().failure).toEqual({ kind: 'local' });
    // The page was stored; the retry processes it without losing it.
    timers.fire();
    await settle(poller);
    expect(poller.store.getState().failure).toBeUndefined();
    expect(process).toHaveBeenCalledTimes(2);
  });

  it('bricht ein Fehler mitten im Blättern ab, geht es ab der letzten gespeicherten Seite weiter', async () => {
    const { poller, register, notices, timers } = await setup(NOTICE_PAGE_SIZE * 2);
    // The first page answers, the second fails.
    const first = register.fetchPage.getMockImplementation()!;
    let call = 0;
    register.fetchPage.mockImplementation((request) => {
      call++;
      if (call === 2)
        return Promise.resolve({
          ergebnis: 'fehler',
          fehler: { code: 'REGISTER_UNREACHABLE', registerFehler: [] },
        });
      return first(request);
    });
    poller.start();
    await settle(poller);
    expect(await notices.cursor()).toBe(String(NOTICE_PAGE_SIZE));
    expect((await notices.list()).notices).toHaveLength(NOTICE_PAGE_SIZE);
    timers.fire();
    await settle(poller);
    expect(register.requests.at(-1)).toEqual({
      nach: String(NOTICE_PAGE_SIZE),
      anzahl: NOTICE_PAGE_SIZE,
    });
    expect((await notices.list()).notices).toHaveLength(NOTICE_PAGE_SIZE * 2);
  });

  it('„Jetzt abrufen“ während eines Abrufs startet keinen zweiten', async () => {
    const { poller, register } = await setup(1);
    poller.start();
    await Promise.all([poller.pollNow(), poller.pollNow()]);
    expect(register.fetchPage).toHaveBeenCalledTimes(1);
    await poller.pollNow();
    expect(register.fetchPage).toHaveBeenCalledTimes(2);
  });

  it('startet erst mit start() oder pollNow(); nach einem Fehler ruft pollNow() sofort ab', async () => {
    const { poller, register, timers } = await setup(1);
    expect(register.fetchPage).not.toHaveBeenCalled();
    register.failNext('REGISTER_UNREACHABLE');
    await poller.pollNow();
    expect(register.fetchPage).toHaveBeenCalledTimes(1);
    expect(poller.store.getState()).toMatchObject({ active: true });
    expect(poller.store.getState().failure).toBeDefined();
    await poller.pollNow();
    expect(register.fetchPage).toHaveBeenCalledTimes(2);
    expect(poller.store.getState().failure).toBeUndefined();
    expect(timers.pendingCount()).toBe(1);
  });

  it('hält beim Sperren an: kein Timer, nichts gespeichert, kein weiterer Abruf', async () => {
    const { poller, register, notices, timers, process } = await setup(1);
    let answer: ((value: MitteilungenResponse) => void) | undefined;
    register.fetchPage.mockImplementationOnce(
      () =>
        new Promise((resolve) => {
          answer = resolve;
        }),
    );
    poller.start();
    await vi.waitFor(() => expect(answer).toBeDefined());
    poller.stop();
    answer!({ ergebnis: 'antwort', antwort: { mitteilungen: register.all } });
    await settle(poller);
    expect((await notices.list()).notices).toEqual([]);
    expect(process).not.toHaveBeenCalled();
    expect(timers.pendingCount()).toBe(0);
    await poller.pollNow();
    expect(register.fetchPage).toHaveBeenCalledTimes(1);
    expect(poller.store.getState().active).toBe(false);
  });

  it('Backoff: exponentiell, gedeckelt, mit Zufallsanteil', () => {
    expect(backoffDelay(1, () => 0)).toBe(NOTICE_BACKOFF_START_MS / 2);
    expect(backoffDelay(1, () => 0.999999)).toBeCloseTo(NOTICE_BACKOFF_START_MS, -1);
    expect(backoffDelay(3, () => 0)).toBe((NOTICE_BACKOFF_START_MS * 4) / 2);
    expect(backoffDelay(30, () => 0.999999)).toBeLessThanOrEqual(NOTICE_POLL_INTERVAL_MS);
  });
});

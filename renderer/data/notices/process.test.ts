import { describe, expect, it, vi } from 'vitest';
import { folgemeldungContent } from '../drafts/test-support';
import { rekeyAzrNummer } from '../rekey';
import { processPendingNotices } from './process';
import { aenderung, setupNotices, zusammenfuehrung } from './test-support';

const A = '240301000005';
const B = '240301000006';
const C = '240301000001';

async function setup() {
  const env = await setupNotices();
  const prechecks = { rekey: vi.fn(() => Promise.resolve(0)) };
  const rekey = vi.fn((wegfallend: string, bleibend: string) =>
    rekeyAzrNummer({ drafts: env.drafts, prechecks }, wegfallend, bleibend),
  );
  const run = () => processPendingNotices({ notices: env.notices, rekey, now: env.clock.now });
  return { ...env, prechecks, rekey, run };
}

describe('Verarbeitung der Mitteilungen', () => {
  it('schlüsselt bei einer Zusammenführung die Entwürfe um und hält fest, was geschah', async () => {
    const { drafts, notices, prechecks, run, clock } = await setup();
    const draft = await drafts.create('folgemeldung', folgemeldungContent(A));
    prechecks.rekey.mockResolvedValueOnce(1);
    await notices.storePage([zusammenfuehrung('1', A, B)], undefined);
    expect(await run()).toBe(1);
    expect((await drafts.get(draft.id)).content.azrNummer).toBe(B);
    expect((await notices.get('1')).verarbeitung).toEqual({
      am: clock.now().toISOString(),
      entwuerfe: [draft.id],
      vorpruefungen: 1,
    });
    expect(prechecks.rekey).toHaveBeenCalledWith(A, B);
  });

  it('verarbeitet jede Mitteilung genau einmal, auch wenn sie erneut geliefert wird', async () => {
    const { notices, rekey, run } = await setup();
    await notices.storePage([zusammenfuehrung('1', A, B), aenderung('2', C)], undefined);
    expect(await run()).toBe(2);
    await notices.storePage([zusammenfuehrung('1', A, B)], undefined);
    expect(await run()).toBe(0);
    expect(rekey).toHaveBeenCalledTimes(1);
  });

  it('eine Änderungsmitteilung braucht keine lokale Änderung', async () => {
    const { notices, rekey, run } = await setup();
    await notices.storePage([aenderung('2', C)], undefined);
    await run();
    expect(rekey).not.toHaveBeenCalled();
    expect((await notices.get('2')).verarbeitung).toMatchObject({
      entwuerfe: [],
      vorpruefungen: 0,
    });
  });

  it('Zusammenführungen nacheinander (A→B, dann B→C) führen den Entwurf bis C', async () => {
    const { drafts, notices, run } = await setup();
    const draft = await drafts.create('folgemeldung', folgemeldungContent(A));
    await notices.storePage([zusammenfuehrung('7', A, B)], '7');
    await notices.storePage([zusammenfuehrung('8', B, C)], undefined);
    await run();
    expect((await drafts.get(draft.id)).content.azrNummer).toBe(C);
  });

  it('ein Absturz zwischen Wirkung und Vermerk wiederholt nur die Wirkung, die nichts mehr ändert', async () => {
    const { drafts, notices, run } = await setup();
    const draft = await drafts.create('folgemeldung', folgemeldungContent(A));
    await notices.storePage([zusammenfuehrung('1', A, B)], undefined);
    const mark = vi.spyOn(notices, 'markProcessed').mockRejectedValueOnce(new Error('Absturz'));
    await expect(run()).rejects.toThrow('Absturz');
    // Effect done, marker missing: the notice is still pending.
    expect((await drafts.get(draft.id)).content.azrNummer).toBe(B);
    expect((await notices.pending()).map((n) => n.id)).toEqual(['1']);
    mark.mockRestore();
    expect(await run()).toBe(1);
    expect((await drafts.get(draft.id)).content.azrNummer).toBe(B);
    expect(await notices.pending()).toEqual([]);
  });

  it('hält beim ersten Fehler an, damit die Reihenfolge gewahrt bleibt', async () => {
    const { notices, rekey, run } = await setup();
    await notices.storePage([zusammenfuehrung('1', A, B), zusammenfuehrung('2', B, C)], undefined);
    rekey.mockRejectedValueOnce(new Error('gesperrt'));
    await expect(run()).rejects.toThrow('gesperrt');
    expect((await notices.pending()).map((n) => n.id)).toEqual(['1', '2']);
    expect(await run()).toBe(2);
  });
});

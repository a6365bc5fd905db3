import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MeldungResponse } from '../../../shared/bridge/meldungen';
import type { BridgeResult } from '../../../shared/bridge/result';
import type { OutboxOutcome } from './model';
import { ENTRY_BACKOFF, backoffDelay, judgeSend, parseMeldung } from './model';
import type { OutboxEntry } from './repository';
import type { OnSettled, OutboxWorkerDeps } from './worker';
import { OutboxWorker, sendable } from './worker';
import {
  answer,
  bestaetigung,
  datenpflege,
  erstmeldung,
  fehler,
  folgemeldung,
  scriptedRegister,
  setupOutbox,
  unreachable,
  warpSleep,
} from './test-support';

const workers: OutboxWorker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});

function startWorker(deps: OutboxWorkerDeps): OutboxWorker {
  const worker = new OutboxWorker(deps);
  workers.push(worker);
  worker.start();
  return worker;
}

/** What most tests give the worker: the scripted register, the warped clock, the middle draw. */
const asUsual = (
  repository: OutboxWorkerDeps['repository'],
  register: { readonly send: OutboxWorkerDeps['send'] },
  clock: Parameters<typeof warpSleep>[0],
) => ({
  repository,
  send: register.send,
  now: clock.now,
  sleep: warpSleep(clock),
  random: () => 0.5,
});

/** Sequence of random draws (repeats the last). */
const draws = (...values: number[]) => {
  let i = 0;
  return () => values[Math.min(i++, values.length - 1)] ?? 0.5;
};

const settledOf = async (repository: { list(): Promise<OutboxEntry[]> }) =>
  (await repository.list()).filter((e) => e.status !== 'wartet' && e.status !== 'wird-gesendet');

describe('Backoff mit vollem Jitter', () => {
  it('bleibt in [0, min(Obergrenze, Basis·2^(n−1))) und streut über den ganzen Bereich', () => {
    const policy = { baseMs: 1_000, capMs: 60_000 };
    for (let attempt = 1; attempt <= 12; attempt++) {
      const ceiling = Math.min(60_000, 1_000 * 2 ** (attempt - 1));
      for (const r of [0, 0.25, 0.5, 0.999_999, 1]) {
        const delay = backoffDelay(attempt, () => r, policy);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(ceiling);
      }
      // Full jitter: the low and the high end of the range are both reached.
      expect(backoffDelay(attempt, () => 0, policy)).toBe(0);
      expect(backoffDelay(attempt, () => 0.999_999, policy)).toBeGreaterThan(ceiling * 0.99);
    }
    expect(backoffDelay(40, () => 0.999_999, policy)).toBeLessThan(60_000);
    expect(backoffDelay(40, () => 0.999_999, policy)).toBeGreaterThan(59_000);
  });
});

describe('Entscheidung über eine Antwort', () => {
  const erst = parseMeldung('erstmeldung', erstmeldung('Bondarenko').meldung, crypto.randomUUID());
  const folge = parseMeldung(
    'folgemeldung',
    folgemeldung('240301000042').meldung,
    crypto.randomUUID(),
  );
  const fehlerResult = (code: string, registerFehler = []): BridgeResult<MeldungResponse> =>
    answer({
      ergebnis: 'fehler',
      fehler: { code: code as 'REGISTER_ERROR', registerFehler, detail: 'x' },
    });
  const antwort = (f: ReturnType<typeof fehler>) => answer({ ergebnis: 'antwort', antwort: f });

  it.each([
    ['090098', bestaetigung('261123000101'), 'settled', 'bestaetigt'],
    [
      '090099 PERSONALIEN_GLEICH',
      antwort(fehler('PERSONALIEN_GLEICH', ['240301000003'])),
      'settled',
      'abgelehnt',
    ],
    ['090099 REFERENZ_VERALTET', antwort(fehler('REFERENZ_VERALTET')), 'settled', 'konflikt'],
    ['090099 IDEMPOTENZ_KONFLIKT', antwort(fehler('IDEMPOTENZ_KONFLIKT')), 'settled', 'konflikt'],
    ['090099 NACHRICHT_UNGUELTIG', antwort(fehler('NACHRICHT_UNGUELTIG')), 'settled', 'abgelehnt'],
    [
      '090099 INTERNER_FEHLER (500, nicht gespeichert)',
      antwort(fehler('INTERNER_FEHLER')),
      'retry',
      undefined,
    ],
    ['keine Verbindung / 503 / Zeitüberschreitung', unreachable(), 'retry', undefined],
    ['kaputte Antwort', fehlerResult('MALFORMED_ANSWER'), 'retry', undefined],
    ['Zertifikat fehlt', fehlerResult('CERTIFICATE_MISSING'), 'retry', undefined],
    ['unbekannte AZR-Nummer', fehlerResult('AZR_NUMMER_UNKNOWN'), 'settled', 'abgelehnt'],
    [
      'Direkteingabe nicht zugelassen',
      fehlerResult('PURPOSE_NOT_ADMITTED'),
      'settled',
      'abgelehnt',
    ],
    [
      'Anwendungsdienst weg',
      { ok: false, error: { code: 'UNAVAILABLE', message: '' } },
      'retry',
      undefined,
    ],
    [
      'Main lehnt das Schema ab',
      { ok: false, error: { code: 'INVALID_REQUEST', message: '' } },
      'settled',
      'abgelehnt',
    ],
  ] as const)('%s', (_name, result, kind, status) => {
    const verdict = judgeSend(erst, result);
    expect(verdict.kind).toBe(kind);
    if (verdict.kind === 'settled') expect(verdict.outcome.status).toBe(status);
  });

  it('ein geworfener Bridge-Aufruf ist „noch einmal senden“ und zählt als „nicht erreichbar“', () => {
    expect(judgeSend(erst, { thrown: true })).toEqual({
      kind: 'retry',
      code: 'UNAVAILABLE',
      unreachable: true,
    });
  });

  it('eine Folgemeldung an eine zusammengeführte Nummer meldet die wegfallende Nummer', () => {
    const verdict = judgeSend(folge, bestaetigung('240301000099'));
    expect(verdict).toMatchObject({
      kind: 'settled',
      outcome: { status: 'bestaetigt', wegfallendeAzrNummer: '240301000042' },
    });
    expect(judgeSend(folge, bestaetigung('240301000042'))).not.toHaveProperty(
      'outcome.wegfallendeAzrNummer',
    );
  });
});

describe('Reihenfolge', () => {
  const item = (id: string, seq: number, draftId: string, targets: string[] = [], extra = {}) => ({
    id,
    seq,
    draftId,
    targets,
    status: 'wartet' as const,
    nextAttemptAt: 0,
    attempts: 0,
    ...extra,
  });

  it('Einträge desselben Entwurfs oder derselben AZR-Nummer warten auf ihre Vorgänger', () => {
    const queue = [
      item('a', 1, 'd1', ['x']),
      item('b', 2, 'd2', ['x']),
      item('c', 3, 'd1'),
      item('d', 4, 'd3', ['y']),
      item('e', 5, 'd4', ['y', 'x']),
    ];
    expect(sendable(queue, new Map(), 10).due.map((i) => i.id)).toEqual(['a', 'd']);
    // In flight or backing off, a predecessor still holds the others back.
    expect(sendable(queue, new Map([['a', queue[0]!]]), 10).due.map((i) => i.id)).toEqual(['d']);
    const waiting = [item('a', 1, 'd1', [], { nextAttemptAt: 50 }), item('b', 2, 'd1')];
    expect(sendable(waiting, new Map(), 10)).toEqual({ due: [], nextAt: 50 });
  });

  it('ein Konflikt hält die späteren Einträge seines Entwurfs und seiner Nummer zurück', () => {
    const queue = [
      item('a', 1, 'd1', ['x'], { status: 'konflikt' }),
      item('b', 2, 'd2', ['x']),
      item('c', 3, 'd1'),
      item('d', 4, 'd5'),
    ];
    expect(sendable(queue, new Map(), 10).due.map((i) => i.id)).toEqual(['d']);
  });

  it('sendet unabhängige Einträge in der Reihenfolge ihrer Anlage', async () => {
    const { repository, clock } = await setupOutbox();
    const names = ['Aa', 'Bb', 'Cc', 'Dd', 'Ee', 'Ff'];
    for (const name of names) await repository.enqueue(`d-${name}`, erstmeldung(name));
    const register = scriptedRegister({ now: () => clock.millis });
    startWorker({
      ...asUsual(repository, register, clock),
      concurrency: 1,
    });
    await vi.waitFor(async () => expect(await settledOf(repository)).toHaveLength(6));
    expect(register.calls.map((c) => c.name)).toEqual(names);
  });

  it('eine Folgemeldung an dieselbe Nummer geht erst nach der Antwort auf die frühere — auch parallel', async () => {
    const { repository, clock } = await setupOutbox();
    await repository.enqueue('d1', folgemeldung('240301000042', 'Erste'));
    await repository.enqueue('d2', folgemeldung('240301000042', 'Zweite'));
    await repository.enqueue('d3', erstmeldung('Unabhaengig'));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const register = scriptedRegister({
      now: () => clock.millis,
      gate: (call) => (call.name === 'Erste' ? held : Promise.resolve()),
    });
    startWorker({
      ...asUsual(repository, register, clock),
      concurrency: 4,
    });
    await vi.waitFor(() => expect(register.created).toContain('Unabhaengig'));
    expect(register.calls.map((c) => c.name)).not.toContain('Zweite');
    release();
    await vi.waitFor(async () => expect(await settledOf(repository)).toHaveLength(3));
    expect(register.calls.map((c) => c.name).indexOf('Zweite')).toBeGreaterThan(
      register.calls.map((c) => c.name).indexOf('Erste'),
    );
    expect(register.maxInFlight).toBeLessThanOrEqual(4);
  });
});

describe('Wiederholen mit demselben Schlüssel', () => {
  it('vorübergehende Fehler: dieselbe Meldung, derselbe Schlüssel, Wartezeiten im Backoff-Rahmen', async () => {
    const { repository, clock } = await setupOutbox();
    const entry = await repository.enqueue('d1', erstmeldung('Bondarenko'));
    const deferrals: { attempts: number; wait: number }[] = [];
    const original = repository.defer.bind(repository);
    repository.defer = async (id, code, next) => {
      const wait = next.getTime() - clock.millis;
      const current = await repository.get(id);
      deferrals.push({ attempts: current!.attempts, wait });
      return original(id, code, next);
    };
    const register = scriptedRegister({
      now: () => clock.millis,
      // Dropped before, 503, dropped AFTER the register stored it, then through.
      decide: (_call, index) =>
        index === 0 ? unreachable() : index === 1 ? unreachable() : index === 2 ? 'lost' : 'ok',
    });
    startWorker({
      ...asUsual(repository, register, clock),
      random: draws(0.9, 0.9, 0.9, 0.9, 0.9),
      pauseAfter: 10,
    });
    await vi.waitFor(async () =>
      expect((await repository.get(entry.id))?.status).toBe('bestaetigt'),
    );
    expect(register.calls.map((c) => c.key)).toEqual(Array(4).fill(entry.idempotencyKey));
    // Stored once although its first answer was lost.
    expect(register.created).toEqual(['Bondarenko']);
    expect((await repository.get(entry.id))?.attempts).toBe(4);
    expect(deferrals.map((d) => d.attempts)).toEqual([1, 2, 3]);
    for (const { attempts, wait } of deferrals) {
      const ceiling = ENTRY_BACKOFF.baseMs * 2 ** (attempts - 1);
      expect(wait).toBeGreaterThanOrEqual(0);
      expect(wait).toBeLessThan(ceiling);
      expect(wait).toBe(Math.floor(0.9 * ceiling));
    }
  });

  it('nie zwei Sendungen desselben Eintrags gleichzeitig, auch wenn „Jetzt senden“ drängelt', async () => {
    const { repository, clock } = await setupOutbox();
    await repository.enqueue('d1', erstmeldung('Bondarenko'));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const register = scriptedRegister({ now: () => clock.millis, gate: () => held });
    const worker = startWorker({
      ...asUsual(repository, register, clock),
    });
    await vi.waitFor(() => expect(register.calls).toHaveLength(1));
    for (let i = 0; i < 5; i++) {
      worker.nudge();
      await repository.retryNow();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(register.calls).toHaveLength(1);
    release();
    await vi.waitFor(async () => expect(await settledOf(repository)).toHaveLength(1));
    expect(register.maxSameKey).toBe(1);
    expect(register.calls).toHaveLength(1);
  });

  it('ist das Register nicht erreichbar, pausiert die ganze Warteschlange statt jeden Eintrag zu versuchen', async () => {
    const { repository, clock } = await setupOutbox();
    for (let i = 0; i < 20; i++) await repository.enqueue(`d${i}`, erstmeldung(`Name${i}`));
    let down = true;
    const register = scriptedRegister({
      now: () => clock.millis,
      decide: () => (down ? unreachable() : 'ok'),
    });
    const worker = startWorker({
      ...asUsual(repository, register, clock),
      pauseAfter: 3,
      concurrency: 1,
    });
    await vi.waitFor(() => expect(register.calls.length).toBeGreaterThanOrEqual(6));
    // Warped time: only the paused queue's probes went out, not 20 failing sends per round.
    const firstMinute = register.calls.filter((c) => c.at - register.calls[0]!.at < 60_000);
    expect(firstMinute.length).toBeLessThan(20);
    down = false;
    worker.nudge();
    await vi.waitFor(async () => expect(await settledOf(repository)).toHaveLength(20));
    expect(new Set(register.created).size).toBe(20);
    expect(register.created).toHaveLength(20);
  });
});

describe('Ergebnisse', () => {
  async function runOne(
    payloads: { draftId: string; payload: ReturnType<typeof erstmeldung> }[],
    decide: Parameters<typeof scriptedRegister>[0]['decide'],
    onSettled?: OnSettled,
  ) {
    const { repository, clock } = await setupOutbox();
    const entries: OutboxEntry[] = [];
    for (const { draftId, payload } of payloads)
      entries.push(await repository.enqueue(draftId, payload));
    const register = scriptedRegister({ now: () => clock.millis, decide });
    const worker = startWorker({
      ...asUsual(repository, register, clock),
      ...(onSettled ? { onSettled } : {}),
    });
    return { repository, clock, register, entries, worker };
  }

  it('090098: bestätigt, mit der Antwort am Eintrag, und onSettled erhält die neue AZR-Nummer', async () => {
    const seen: OutboxOutcome[] = [];
    const { repository, entries } = await runOne(
      [{ draftId: 'd1', payload: erstmeldung('Bondarenko') }],
      () => bestaetigung('261123000555'),
      (_entry, outcome) => {
        seen.push(outcome);
        return Promise.resolve();
      },
    );
    await vi.waitFor(async () =>
      expect((await repository.get(entries[0]!.id))?.handled).toBe(true),
    );
    expect((await repository.get(entries[0]!.id))?.ergebnis?.outcome).toMatchObject({
      status: 'bestaetigt',
      antwort: { azrNummer: '261123000555' },
    });
    expect(seen).toHaveLength(1);
  });

  it('personalienGleich: abgelehnt mit den Nummern; für diesen Entwurf wird nichts mehr gesendet', async () => {
    const seen: [string, OutboxOutcome][] = [];
    const { repository, register, entries } = await runOne(
      [
        { draftId: 'd1', payload: erstmeldung('Bondarenko') },
        { draftId: 'd1', payload: datenpflege(['240301000003', '240301000004']) },
        { draftId: 'd2', payload: erstmeldung('Andere') },
      ],
      (call) =>
        call.name === 'Bondarenko'
          ? answer({
              ergebnis: 'antwort',
              antwort: fehler('PERSONALIEN_GLEICH', ['240301000003']),
            })
          : 'ok',
      (entry, outcome) => {
        seen.push([entry.id, outcome]);
        return Promise.resolve();
      },
    );
    await vi.waitFor(async () => expect(await repository.unhandled()).toEqual([]), {
      timeout: 3_000,
    });
    await vi.waitFor(async () => expect(await settledOf(repository)).toHaveLength(3));
    const [erst, pflege, andere] = await Promise.all(entries.map((e) => repository.get(e.id)));
    expect(erst?.ergebnis?.outcome).toMatchObject({
      status: 'abgelehnt',
      grund: 'personalienGleich',
      antwort: { personalienGleich: ['240301000003'] },
    });
    expect(pflege?.ergebnis?.outcome).toEqual({
      status: 'abgelehnt',
      grund: 'vorgaenger',
      vorgaengerId: erst!.id,
    });
    expect(andere?.status).toBe('bestaetigt');
    expect(register.calls.map((c) => c.art)).not.toContain('datenpflege');
    expect(seen.map(([id]) => id)).toEqual(expect.arrayContaining([erst!.id, pflege!.id]));
  });

  it.each([
    ['REFERENZ_VERALTET', 'referenzVeraltet'],
    ['IDEMPOTENZ_KONFLIKT', 'idempotenzKonflikt'],
  ] as const)(
    '%s: Konflikt, und die nächste Meldung an diese Nummer wartet',
    async (key, grund) => {
      const { repository, register, entries } = await runOne(
        [
          { draftId: 'd1', payload: folgemeldung('240301000042', 'Erste') },
          { draftId: 'd2', payload: folgemeldung('240301000042', 'Zweite') },
        ],
        (call) =>
          call.name === 'Erste' ? answer({ ergebnis: 'antwort', antwort: fehler(key) }) : 'ok',
      );
      await vi.waitFor(async () =>
        expect((await repository.get(entries[0]!.id))?.status).toBe('konflikt'),
      );
      expect((await repository.get(entries[0]!.id))?.ergebnis?.outcome).toMatchObject({
        status: 'konflikt',
        grund,
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(register.calls.map((c) => c.name)).toEqual(['Erste']);
      expect((await repository.get(entries[1]!.id))?.status).toBe('wartet');
    },
  );

  it('nach dem Neuaufsetzen eines Konflikts geht die Meldung mit neuem Schlüssel, dann die wartende', async () => {
    let konflikt = true;
    const { repository, register, entries } = await runOne(
      [
        { draftId: 'd1', payload: folgemeldung('240301000042', 'Erste') },
        { draftId: 'd2', payload: folgemeldung('240301000042', 'Zweite') },
      ],
      (call) =>
        call.name === 'Erste' && konflikt
          ? answer({ ergebnis: 'antwort', antwort: fehler('REFERENZ_VERALTET') })
          : 'ok',
    );
    await vi.waitFor(async () =>
      expect((await repository.get(entries[0]!.id))?.status).toBe('konflikt'),
    );
    konflikt = false;
    const current = (await repository.get(entries[0]!.id))!;
    const rebased = await repository.rebase(current.id, current.revision, current.meldung.meldung);
    await vi.waitFor(async () => expect(await settledOf(repository)).toHaveLength(2));
    expect(register.calls.map((c) => [c.name, c.key])).toEqual([
      ['Erste', entries[0]!.idempotencyKey],
      ['Erste', rebased.idempotencyKey],
      ['Zweite', entries[1]!.idempotencyKey],
    ]);
  });
});

describe('Absturz und Neustart', () => {
  it('ein Eintrag, der beim Absturz „wird gesendet“ war, geht mit seinem Schlüssel noch einmal — und ist einmal im Register', async () => {
    const { repository, clock } = await setupOutbox();
    const entry = await repository.enqueue('d1', erstmeldung('Bondarenko'));
    const register = scriptedRegister({ now: () => clock.millis });
    // The first run sent it and the register stored it; the app died before the answer was written.
    const sending = await repository.markSending(entry.id);
    await register.send({
      art: 'erstmeldung',
      request: { ...(sending.meldung.meldung as object), idempotencyKey: sending.idempotencyKey },
    } as Parameters<typeof register.send>[0]);
    expect((await repository.get(entry.id))?.status).toBe('wird-gesendet');

    startWorker({
      ...asUsual(repository, register, clock),
    });
    await vi.waitFor(async () =>
      expect((await repository.get(entry.id))?.status).toBe('bestaetigt'),
    );
    expect(register.calls.map((c) => c.key)).toEqual([entry.idempotencyKey, entry.idempotencyKey]);
    expect(register.created).toEqual(['Bondarenko']);
  });

  it('onSettled, das nicht fertig wurde, kommt beim nächsten Start wieder — und danach nicht mehr', async () => {
    const { repository, clock } = await setupOutbox();
    const entry = await repository.enqueue('d1', erstmeldung('Bondarenko'));
    const register = scriptedRegister({ now: () => clock.millis });
    const calls: string[] = [];
    const crashing: OnSettled = (settled) => {
      calls.push(`1:${settled.id}`);
      return Promise.reject(new Error('window closed during the reaction'));
    };
    const first = startWorker({
      ...asUsual(repository, register, clock),
      onSettled: crashing,
    });
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    await first.stop();
    expect(await repository.get(entry.id)).toMatchObject({ status: 'bestaetigt', handled: false });

    const second = startWorker({
      ...asUsual(repository, register, clock),
      onSettled: (settled, outcome) => {
        calls.push(`2:${settled.id}:${outcome.status}`);
        return Promise.resolve();
      },
    });
    await vi.waitFor(async () => expect((await repository.get(entry.id))?.handled).toBe(true));
    await second.stop();

    startWorker({
      ...asUsual(repository, register, clock),
      onSettled: (settled) => {
        calls.push(`3:${settled.id}`);
        return Promise.resolve();
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toEqual([`1:${entry.id}`, `2:${entry.id}:bestaetigt`]);
    // Sent once in all three runs.
    expect(register.calls).toHaveLength(1);
  });

  it('ohne Reaktion (noch nicht verdrahtet) bleibt die Entscheidung unbehandelt, bis eine kommt', async () => {
    const { repository, clock } = await setupOutbox();
    const entry = await repository.enqueue('d1', erstmeldung('Bondarenko'));
    const register = scriptedRegister({ now: () => clock.millis });
    const worker = startWorker({
      ...asUsual(repository, register, clock),
    });
    await vi.waitFor(async () =>
      expect((await repository.get(entry.id))?.status).toBe('bestaetigt'),
    );
    await worker.stop();
    expect((await repository.get(entry.id))?.handled).toBe(false);
  });
});

import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AzrApi } from '../../../shared/bridge/api';
import { createAzrApi } from '../../../shared/bridge/api';
import type { MitteilungenResponse } from '../../../shared/bridge/meldungen';
import type { BridgeResult } from '../../../shared/bridge/result';
import { codeLists } from '../../../shared/domain/codelists';
import { App } from '../../app/App';
import { openDatabase } from '../../data/drafts/db';
import { createDraftSession } from '../../data/drafts/session';
import { createDraftCipher } from '../../data/drafts/crypto';
import { folgemeldungContent, testKeys } from '../../data/drafts/test-support';
import { NoticeRepository } from '../../data/notices/repository';
import { aenderung, zusammenfuehrung } from '../../data/notices/test-support';
import { initI18n } from '../../i18n';

const ALT = '240301000005';
const NEU = '240301000006';

const ok = <T,>(value: T): Promise<BridgeResult<T>> => Promise.resolve({ ok: true, value });

function installBridge(mitteilungen: () => Promise<BridgeResult<MitteilungenResponse>>) {
  const base = createAzrApi(() =>
    Promise.resolve({ ok: false, error: { code: 'UNAVAILABLE', message: 'not stubbed' } }),
  );
  const api: AzrApi = {
    ...base,
    register: {
      ...base.register,
      status: () =>
        ok({
          registerUrl: 'https://127.0.0.1:4433',
          erreichbar: true,
          geprueftAm: '2026-11-23T09:00:00.000Z',
        }),
      mitteilungen,
    },
  };
  Object.defineProperty(window, 'azr', { value: api, configurable: true });
}

async function unlockedSession() {
  const session = createDraftSession({
    fetchKeys: () => Promise.resolve(testKeys),
    openDatabase: () =>
      openDatabase({ name: `ui-${crypto.randomUUID()}`, indexedDB: new IDBFactory(), IDBKeyRange }),
    now: () => new Date(),
    codeLists,
    retentionDays: () => 30,
  });
  await session.unlock();
  const state = session.store.getState();
  if (state.phase !== 'unlocked') throw new Error('not unlocked');
  const draft = await state.repository.create('folgemeldung', folgemeldungContent(ALT));
  return { session, repository: state.repository, draft };
}

// The whole app renders in jsdom (Fluent, lazy screens, fake IndexedDB): generous limits.
describe('Mitteilungen in der Oberfläche', { timeout: 30_000 }, () => {
  beforeEach(() => {
    initI18n(localStorage);
  });
  afterEach(() => {
    Reflect.deleteProperty(window, 'azr');
  });

  it('zeigt die Mitteilung mit Empfehlung und dem, was azr-desk umgeschlüsselt hat', async () => {
    const page: MitteilungenResponse = {
      ergebnis: 'antwort',
      antwort: { mitteilungen: [zusammenfuehrung('1', ALT, NEU), aenderung('2', NEU)] },
    };
    const mitteilungen = vi.fn(() => ok(page));
    installBridge(mitteilungen);
    const { session, repository, draft } = await unlockedSession();
    const user = userEvent.setup();
    render(<App initialPath="/mitteilungen" draftSession={session} />);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Mitteilungen' }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Mitteilungen des Registers' });
    const merge = await within(list).findByRole('listitem', {
      name: /^Zusammenführung von Datensätzen vom /,
    });
    expect(merge).toHaveTextContent(`Wegfallende AZR-Nummer${ALT}`);
    expect(merge).toHaveTextContent(`Aktuelle AZR-Nummer${NEU}`);
    expect(merge).toHaveTextContent(`Verwenden Sie künftig die AZR-Nummer ${NEU}`);
    await waitFor(
      () =>
        expect(within(merge).getByTestId('notice-local')).toHaveTextContent(
          '1 Entwurf auf die aktuelle AZR-Nummer umgeschlüsselt.',
        ),
      { timeout: 5_000 },
    );
    expect(
      await within(merge).findByRole('link', { name: 'Entwurf öffnen: Yılmaz, Mehmet' }),
    ).toHaveAttribute('href', `#/entwuerfe/${draft.id}`);
    expect((await repository.get(draft.id)).content.azrNummer).toBe(NEU);
    const change = within(list).getByRole('listitem', { name: /^Änderung von Daten vom / });
    expect(change).toHaveTextContent('Lokal war nichts zu ändern.');
    expect(await screen.findByText(/^Zuletzt abgerufen: /, {}, { timeout: 5_000 })).toBeVisible();

    // The navigation says how many are unread; marking one as done counts down.
    const nav = screen.getByRole('navigation', { name: 'Bereiche' });
    expect(
      await within(nav).findByRole(
        'link',
        { name: 'Mitteilungen (2 ungelesene Mitteilungen)' },
        { timeout: 5_000 },
      ),
    ).toBeInTheDocument();
    await user.click(within(merge).getByRole('button', { name: 'Als erledigt markieren' }));
    await waitFor(() => expect(merge).toHaveTextContent('Erledigt'), { timeout: 5_000 });
    expect(
      await within(nav).findByRole(
        'link',
        { name: 'Mitteilungen (1 ungelesene Mitteilung)' },
        { timeout: 5_000 },
      ),
    ).toBeInTheDocument();
    expect(within(merge).getByRole('button', { name: 'Als ungelesen markieren' })).toBeVisible();
    // Fetched once at start, whatever the re-renders did.
    expect(mitteilungen).toHaveBeenCalledTimes(1);
  });

  it('sagt, wenn das Register nicht erreichbar ist, dass nichts verloren geht', async () => {
    let reachable = true;
    const mitteilungen = vi.fn((): Promise<BridgeResult<MitteilungenResponse>> =>
      reachable
        ? ok({ ergebnis: 'antwort', antwort: { mitteilungen: [aenderung('2', NEU)] } })
        : ok({
            ergebnis: 'fehler',
            fehler: { code: 'REGISTER_UNREACHABLE', registerFehler: [] },
          }),
    );
    installBridge(mitteilungen);
    const { session } = await unlockedSession();
    const user = userEvent.setup();
    render(<App initialPath="/mitteilungen" draftSession={session} />);
    const list = await screen.findByRole(
      'list',
      { name: 'Mitteilungen des Registers' },
      { timeout: 10_000 },
    );
    // The first poll is done (the list shows while it still processes).
    await screen.findByText(/^Zuletzt abgerufen: /, {}, { timeout: 5_000 });
    reachable = false;
    await user.click(screen.getByRole('button', { name: 'Jetzt abrufen' }));
    const failure = await screen.findByTestId('notices-poll-failure', {}, { timeout: 5_000 });
    expect(failure).toHaveTextContent('Das Register ist nicht erreichbar');
    expect(failure).toHaveTextContent('Es geht nichts verloren');
    expect(failure).toHaveTextContent(/Nächster Versuch um \d\d:\d\d\./);
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(mitteilungen).toHaveBeenCalledTimes(2);
  });

  it('Sperren hält den Abruf an; nach dem Entsperren läuft er wieder', async () => {
    const mitteilungen = vi.fn(() =>
      ok<MitteilungenResponse>({ ergebnis: 'antwort', antwort: { mitteilungen: [] } }),
    );
    installBridge(mitteilungen);
    const { session } = await unlockedSession();
    const user = userEvent.setup();
    render(<App initialPath="/mitteilungen" draftSession={session} />);
    await screen.findByText(/^Zuletzt abgerufen: /, {}, { timeout: 10_000 });
    expect(mitteilungen).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Sperren' }));
    expect(await screen.findByRole('heading', { name: 'azr-desk ist gesperrt' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Jetzt abrufen' })).not.toBeInTheDocument();
    expect(mitteilungen).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Entsperren' }));
    await screen.findByText(/^Zuletzt abgerufen: /, {}, { timeout: 10_000 });
    expect(mitteilungen).toHaveBeenCalledTimes(2);
  });

  it('ohne Mitteilungen sagt die Liste das', async () => {
    installBridge(() => ok({ ergebnis: 'antwort', antwort: { mitteilungen: [] } }));
    const { session } = await unlockedSession();
    render(<App initialPath="/mitteilungen" draftSession={session} />);
    expect(
      await screen.findByText(
        'Es liegen keine Mitteilungen des Registers vor.',
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Bereiche' });
    expect(within(nav).getByRole('link', { name: 'Mitteilungen' })).toBeInTheDocument();
  });

  it('löscht beim Start, was nach der Aufbewahrungsfrist gelesen und verarbeitet ist', async () => {
    installBridge(() => ok({ ergebnis: 'antwort', antwort: { mitteilungen: [] } }));
    const db = openDatabase({
      name: `ui-${crypto.randomUUID()}`,
      indexedDB: new IDBFactory(),
      IDBKeyRange,
    });
    const cipher = await createDraftCipher(testKeys);
    const stored = (daysAgo: number) =>
      new NoticeRepository({
        db,
        cipher,
        now: () => new Date(Date.now() - daysAgo * 24 * 60 * 60 * 1000),
      });
    // Received 40 days ago (the default retention is 30), and one of today; both read, processed.
    const done = { am: new Date().toISOString(), entwuerfe: [], vorpruefungen: 0 };
    for (const [repository, notice] of [
      [stored(40), zusammenfuehrung('1', ALT, NEU)],
      [stored(0), aenderung('2', NEU)],
    ] as const) {
      await repository.storePage([notice], undefined);
      await repository.markProcessed(notice.id, done);
      await repository.setStatus(notice.id, 'erledigt');
    }
    const session = createDraftSession({
      fetchKeys: () => Promise.resolve(testKeys),
      openDatabase: () => db,
      now: () => new Date(),
      codeLists,
      retentionDays: () => 30,
    });
    await session.unlock();

    render(<App initialPath="/mitteilungen" draftSession={session} />);
    const list = await screen.findByRole(
      'list',
      { name: 'Mitteilungen des Registers' },
      { timeout: 10_000 },
    );
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    expect(within(list).getByRole('listitem', { name: /^Änderung/ })).toBeInTheDocument();
    expect((await db.notices.get('1'))?.ciphertext).toBeUndefined();
  });
});

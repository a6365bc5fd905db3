import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAzrApi } from '../../../shared/bridge/api';
import { codeLists } from '../../../shared/domain/codelists';
import { App } from '../../app/App';
import { openDatabase } from '../../data/drafts/db';
import { createDraftSession } from '../../data/drafts/session';
import { folgemeldungContent, testKeys } from '../../data/drafts/test-support';
import { changeLocale, initI18n } from '../../i18n';
import { useAutosave } from './useAutosave';

function testSession() {
  const fetchKeys = vi.fn(() => Promise.resolve(testKeys));
  const session = createDraftSession({
    fetchKeys,
    openDatabase: () =>
      openDatabase({ name: `ui-${crypto.randomUUID()}`, indexedDB: new IDBFactory(), IDBKeyRange }),
    now: () => new Date(),
    codeLists,
    retentionDays: () => 30,
  });
  return { session, fetchKeys };
}

// The whole app renders in jsdom here (Fluent styles, lazy screens, fake IndexedDB): a first render
// takes seconds on a loaded 2-core machine. Generous limits; these tests check behaviour, not speed.
describe('Entwürfe in der Oberfläche', { timeout: 30_000 }, () => {
  beforeEach(() => {
    initI18n(localStorage);
    // A host without settings: the drafts fall back to the default policy.
    Object.defineProperty(window, 'azr', {
      value: createAzrApi(() =>
        Promise.resolve({ ok: false, error: { code: 'UNAVAILABLE', message: 'stub' } }),
      ),
      configurable: true,
    });
  });
  afterEach(() => {
    Reflect.deleteProperty(window, 'azr');
  });

  it('speichert jede Eingabe automatisch und sagt es', async () => {
    const { session } = testSession();
    const user = userEvent.setup();
    render(<App initialPath="/entwuerfe" draftSession={session} />);
    await user.click(
      await screen.findByRole('button', { name: 'Neue Erstmeldung' }, { timeout: 10_000 }),
    );
    const familienname = await screen.findByRole('textbox', { name: /^Familienname/ });
    await user.type(familienname, 'Kowalczyk');
    await waitFor(() =>
      expect(screen.getByText(/^Entwurf gespeichert · \d\d:\d\d$/)).toBeInTheDocument(),
    );
    const state = session.store.getState();
    if (state.phase !== 'unlocked') throw new Error('not unlocked');
    const [row] = await state.repository.list();
    // On a loaded machine typing is slow enough for a save in between: "gespeichert" may first
    // refer to a prefix. The last keystroke must arrive in storage, and be announced again.
    await waitFor(async () =>
      expect((await state.repository.get(row!.id)).content.grundpersonalien.familienname).toBe(
        'Kowalczyk',
      ),
    );
    expect(screen.getByText(/^Entwurf gespeichert · \d\d:\d\d$/)).toBeInTheDocument();
  });

  it('eine Zusammenführung im Register zeigt das offene Formular mit der aktuellen Nummer', async () => {
    const { session } = testSession();
    await session.unlock();
    const state = session.store.getState();
    if (state.phase !== 'unlocked') throw new Error('not unlocked');
    const draft = await state.repository.create(
      'folgemeldung',
      folgemeldungContent('240301 000005'),
    );
    render(<App initialPath={`/entwuerfe/${draft.id}`} draftSession={session} />);
    const field = await screen.findByRole('textbox', { name: /^AZR-Nummer/ }, { timeout: 10_000 });
    expect(field).toHaveValue('240301 000005');

    await act(() => state.repository.rekeyAzrNummer('240301000005', '240301000006'));
    expect(field).toHaveValue('240301000006');
    expect(
      screen.getByText(/Die AZR-Nummer 240301000005 ist weggefallen, .* 240301000006\./),
    ).toBeInTheDocument();
    // A merge of another number leaves the form alone.
    await act(() => state.repository.rekeyAzrNummer('240301000007', '240301000008'));
    expect(field).toHaveValue('240301000006');
  });

  it('auf Englisch sagen die Prüfmeldungen auf Englisch, was fehlt', async () => {
    await changeLocale('en', localStorage);
    try {
      const { session } = testSession();
      const user = userEvent.setup();
      render(<App initialPath="/entwuerfe" draftSession={session} />);
      await user.click(
        await screen.findByRole('button', { name: 'New first report' }, { timeout: 10_000 }),
      );
      await user.type(await screen.findByRole('textbox', { name: /^Family name/ }), 'Иванов');
      await user.click(screen.getByRole('button', { name: 'Check entries' }));
      expect(await screen.findByText('Please enter the file reference of the case.')).toBeVisible();
      expect(
        screen.getByText(/^The field contains Cyrillic script \(“И”\)\. Please transliterate/),
      ).toBeVisible();
      expect(screen.queryByText(/Bitte geben Sie/)).toBeNull();
    } finally {
      await changeLocale('de', localStorage);
    }
  });

  it('Sperren blendet die Daten aus und vergisst den Schlüssel; Entsperren holt ihn neu', async () => {
    const { session, fetchKeys } = testSession();
    const user = userEvent.setup();
    render(<App initialPath="/entwuerfe" draftSession={session} />);
    await user.click(
      await screen.findByRole('button', { name: 'Neue Erstmeldung' }, { timeout: 10_000 }),
    );
    await user.type(await screen.findByRole('textbox', { name: /^Familienname/ }), 'Nowak');
    await user.click(screen.getByRole('button', { name: 'Sperren' }));
    expect(
      await screen.findByRole('heading', { name: 'azr-desk ist gesperrt' }),
    ).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('Nowak');
    expect(session.store.getState().phase).toBe('locked');

    await user.click(screen.getByRole('button', { name: 'Entsperren' }));
    expect(await screen.findByDisplayValue('Nowak')).toBeInTheDocument();
    expect(fetchKeys).toHaveBeenCalledTimes(2);
  });

  it('ohne Schlüssel vom Anwendungsdienst erklärt die Liste, was zu tun ist', async () => {
    const session = createDraftSession({
      fetchKeys: () => Promise.reject(new Error('down')),
      openDatabase: () => openDatabase({ indexedDB: new IDBFactory(), IDBKeyRange }),
      now: () => new Date(),
      codeLists,
      retentionDays: () => 30,
    });
    render(<App initialPath="/entwuerfe" draftSession={session} />);
    expect(await screen.findByText('Entwürfe sind nicht verfügbar')).toBeInTheDocument();
    expect(screen.getByText(/Bitte starten Sie azr-desk neu/)).toBeInTheDocument();
  });
});

describe('Automatisches Speichern', () => {
  it('speichert nie zwei Stände gleichzeitig und zuletzt den neuesten', async () => {
    let running = 0;
    let overlap = false;
    const saved: number[] = [];
    let value = 0;
    const { result } = renderHook(() =>
      useAutosave(
        async () => {
          running++;
          overlap ||= running > 1;
          const snapshot = value;
          await new Promise((resolve) => setTimeout(resolve, 5));
          saved.push(snapshot);
          running--;
          return new Date();
        },
        { delayMs: 1 },
      ),
    );
    await act(async () => {
      value = 1;
      result.current.schedule();
      const first = result.current.flush();
      value = 2;
      result.current.schedule();
      await Promise.all([first, result.current.flush()]);
    });
    expect(overlap).toBe(false);
    expect(saved.at(-1)).toBe(2);
    expect(result.current.state.phase).toBe('saved');
  });

  it('ein fehlgeschlagenes Speichern bleibt vorgemerkt und wird beim nächsten Mal wiederholt', async () => {
    const save = vi
      .fn<() => Promise<Date>>()
      .mockRejectedValueOnce(new Error('quota'))
      .mockResolvedValue(new Date());
    const { result } = renderHook(() => useAutosave(save, { delayMs: 1 }));
    await act(async () => {
      result.current.schedule();
      await result.current.flush();
    });
    expect(result.current.state.phase).toBe('error');
    await act(async () => {
      await result.current.flush();
    });
    expect(save).toHaveBeenCalledTimes(2);
    expect(result.current.state.phase).toBe('saved');
  });
});

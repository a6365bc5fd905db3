import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FolgemeldungRequest } from '../../../shared/bridge/meldungen';
import { codeLists } from '../../../shared/domain/codelists';
import { DraftSessionProvider } from '../../app/session/DraftSessionProvider';
import type { OutboxReactions } from '../../app/session/OutboxWorkerHost';
import { OutboxReactionsContext } from '../../app/session/OutboxWorkerHost';
import { openDatabase } from '../../data/drafts/db';
import { createDraftSession } from '../../data/drafts/session';
import { testKeys } from '../../data/drafts/test-support';
import type { OutboxEntry, OutboxRepository } from '../../data/outbox/repository';
import {
  REFERENZ_ALT,
  REFERENZ_NEU,
  fehler,
  folgemeldung,
  gp,
} from '../../data/outbox/test-support';
import {
  antwort,
  fehler as anfrageFehler,
  gesamtauskunft,
  installRegisterBridge,
} from '../../data/register/test-support';
import { initI18n } from '../../i18n';
import { OutboxArea } from './OutboxArea';

// The Konflikt flow of the Postausgang in jsdom: a real (fake-IndexedDB) outbox with one entry the
// register answered with REFERENZ_VERALTET or IDEMPOTENZ_KONFLIKT, the register's answers through a
// stubbed bridge, and the app's outbox worker running as in the app.

const AZR = '240301000004';
const NAME = 'Bondarenko, Iryna';

const slow = { timeout: 10_000 };

async function unlockedSession() {
  const session = createDraftSession({
    fetchKeys: () => Promise.resolve(testKeys),
    openDatabase: () =>
      openDatabase({
        name: `konflikt-${crypto.randomUUID()}`,
        indexedDB: new IDBFactory(),
        IDBKeyRange,
      }),
    now: () => new Date(),
    codeLists,
    retentionDays: () => 30,
  });
  await session.unlock();
  const state = session.store.getState();
  if (state.phase !== 'unlocked') throw new Error('session did not unlock');
  return { session, outbox: state.outbox };
}

/** An entry as the worker leaves it after the register's 090099: Konflikt, not yet handled. */
async function konfliktEntry(
  outbox: OutboxRepository,
  grund: 'REFERENZ_VERALTET' | 'IDEMPOTENZ_KONFLIKT',
): Promise<OutboxEntry> {
  const entry = await outbox.enqueue('draft-konflikt', folgemeldung(AZR));
  await outbox.markSending(entry.id);
  return outbox.settle(entry.id, {
    status: 'konflikt',
    grund: grund === 'REFERENZ_VERALTET' ? 'referenzVeraltet' : 'idempotenzKonflikt',
    antwort: fehler(grund),
  });
}

/** The register now: another authority changed the Vornamen (new Referenz-ID). */
const registerNow = () =>
  gesamtauskunft({
    azrNummer: AZR,
    grundpersonalien: { referenzId: REFERENZ_NEU, inhalt: gp('Bondarenko', 'Iryna Maria') },
  });

function reactions() {
  return {
    onSettled: vi.fn<OutboxReactions['onSettled']>(() => Promise.resolve()),
    onAbandoned: vi.fn<OutboxReactions['onAbandoned']>(() => Promise.resolve()),
  };
}

function renderPostausgang(
  session: Awaited<ReturnType<typeof unlockedSession>>['session'],
  wired: OutboxReactions,
) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <FluentProvider theme={webLightTheme}>
      <QueryClientProvider client={client}>
        <OutboxReactionsContext.Provider value={wired}>
          <DraftSessionProvider session={session}>
            <OutboxArea />
          </DraftSessionProvider>
        </OutboxReactionsContext.Provider>
      </QueryClientProvider>
    </FluentProvider>,
  );
}

async function openKonflikt() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: `Konflikt lösen: ${NAME}` }, slow));
  const panel = await screen.findByRole('region', { name: `Konflikt: ${NAME}` }, slow);
  return { user, panel };
}

const rowOf = (table: HTMLElement, feld: string) =>
  within(table).getByRole('rowheader', { name: feld }).closest('tr') as HTMLTableRowElement;

const cells = (row: HTMLTableRowElement) =>
  within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);

describe('Konflikt im Postausgang', { timeout: 30_000 }, () => {
  let sent: FolgemeldungRequest[];
  let bridge: ReturnType<typeof installRegisterBridge>;

  beforeEach(() => {
    initI18n(localStorage);
    // Fluent's MessageBar measures itself for its reflow; jsdom has no ResizeObserver.
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    );
    sent = [];
    bridge = installRegisterBridge({
      'register.anfrage': () => antwort(registerNow()),
      'register.folgemeldung': (request) => {
        sent.push(request as FolgemeldungRequest);
        return {
          ergebnis: 'antwort',
          antwort: {
            nachrichtentyp: '090098',
            hinweis: [],
            azrNummer: AZR,
            personalienAehnlich: [],
          },
        };
      },
    });
  });
  afterEach(() => {
    Reflect.deleteProperty(window, 'azr');
    vi.unstubAllGlobals();
  });

  it('ein abgelehntes Zertifikat erklärt der Postausgang: die Meldungen warten, nichts geht verloren', async () => {
    const { session, outbox } = await unlockedSession();
    const entry = await outbox.enqueue('draft-zertifikat', folgemeldung(AZR));
    await outbox.markSending(entry.id);
    await outbox.defer(entry.id, 'CERTIFICATE_REJECTED', new Date(Date.now() + 60_000));
    renderPostausgang(session, reactions());
    expect(
      await screen.findByText(
        /Das Register hat das Behördenzertifikat abgelehnt .* es geht nichts verloren\./,
        {},
        slow,
      ),
    ).toBeVisible();
  });

  it('REFERENZ_VERALTET: liest den Datensatz neu, zeigt den Unterschied und setzt die Meldung neu auf', async () => {
    const { session, outbox } = await unlockedSession();
    const entry = await konfliktEntry(outbox, 'REFERENZ_VERALTET');
    const rebase = vi.spyOn(outbox, 'rebase');
    renderPostausgang(session, reactions());

    const { user, panel } = await openKonflikt();
    expect(within(panel).getByRole('heading', { name: `Konflikt: ${NAME}` })).toHaveFocus();
    expect(panel).toHaveTextContent('Der Datensatz wurde im Register inzwischen geändert.');
    expect(panel).toHaveTextContent('Text zu REFERENZ_VERALTET');
    // Nothing to rebase onto before the record has been read again.
    expect(within(panel).queryByRole('button', { name: /Auf neuen Stand/ })).toBeNull();
    expect(bridge.anfragen()).toEqual([]);

    await user.click(within(panel).getByRole('button', { name: 'Datensatz neu lesen' }));
    const table = await within(panel).findByRole(
      'table',
      { name: 'Unterschied zwischen dem Register und Ihrer Meldung' },
      slow,
    );
    // Read by its number, under the case's Abrufzweck and Geschäftszeichen (full record).
    expect(bridge.anfragen()).toEqual([
      expect.objectContaining({
        abrufzweck: '01',
        geschaeftszeichen: 'ABH-2026/0999',
        anfrageAZR: { azrNummer: AZR },
      }),
    ]);
    expect(cells(rowOf(table, 'Vornamen'))).toEqual(['Iryna Maria', 'Iryna', 'abweichend']);
    expect(cells(rowOf(table, 'Stand (Referenz-ID) Grundpersonalien'))).toEqual([
      REFERENZ_NEU,
      REFERENZ_ALT,
      'abweichend',
    ]);
    expect(cells(rowOf(table, 'Familienname'))).toEqual(['Bondarenko', 'Bondarenko', 'gleich']);
    expect(cells(rowOf(table, 'Geburtsort'))).toEqual([
      'Kyjiw, Ukraine (166)',
      'Kyjiw, Ukraine (166)',
      'gleich',
    ]);
    expect(within(panel).queryByText(/nur der Stand \(Referenz-ID\) ist neu/)).toBeNull();

    await user.click(
      within(panel).getByRole('button', { name: 'Auf neuen Stand setzen und senden' }),
    );
    await waitFor(() => expect(rebase).toHaveBeenCalledTimes(1), slow);
    const [id, revision, meldung] = rebase.mock.calls[0]!;
    expect([id, revision]).toEqual([entry.id, entry.revision]);
    expect(meldung).toMatchObject({
      azrNummer: AZR,
      grundpersonalien: { referenzId: REFERENZ_NEU, neu: { vorname: 'Iryna' } },
    });
    const rebased = (await rebase.mock.results[0]!.value) as OutboxEntry;
    expect(rebased).toMatchObject({ id: entry.id, status: 'wartet', attempts: 0, ergebnis: null });
    expect(rebased.idempotencyKey).not.toBe(entry.idempotencyKey);
    expect(
      await screen.findByText(/auf den neuen Stand gesetzt und wird gesendet/, {}, slow),
    ).toBeVisible();
    expect(screen.queryByRole('region', { name: `Konflikt: ${NAME}` })).toBeNull();

    // The worker sends it with the new key and the new Referenz-ID; the register confirms.
    await waitFor(
      () =>
        expect(document.querySelector(`tr[data-outbox-id="${entry.id}"]`)).toHaveAttribute(
          'data-status',
          'bestaetigt',
        ),
      slow,
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      idempotencyKey: rebased.idempotencyKey,
      azrNummer: AZR,
      grundpersonalien: { referenzId: REFERENZ_NEU },
    });
  });

  it('ohne erreichbares Register bleibt der Konflikt und lässt sich erneut lesen', async () => {
    installRegisterBridge({ 'register.anfrage': () => anfrageFehler('REGISTER_UNREACHABLE') });
    const { session, outbox } = await unlockedSession();
    const entry = await konfliktEntry(outbox, 'REFERENZ_VERALTET');
    renderPostausgang(session, reactions());
    const { user, panel } = await openKonflikt();
    await user.click(within(panel).getByRole('button', { name: 'Datensatz neu lesen' }));
    expect(await within(panel).findByText('Keine Verbindung zum Register', {}, slow)).toBeVisible();
    // Nothing to compare, nothing to rebase onto; the caseworker can try again.
    expect(within(panel).getByRole('button', { name: 'Datensatz neu lesen' })).toBeEnabled();
    expect(within(panel).queryByRole('table')).toBeNull();
    expect(within(panel).queryByRole('button', { name: /Auf neuen Stand/ })).toBeNull();
    expect((await outbox.get(entry.id))?.status).toBe('konflikt');
  });

  it('Verwerfen macht den Entwurf wieder bearbeitbar und entfernt den Eintrag', async () => {
    const { session, outbox } = await unlockedSession();
    const entry = await konfliktEntry(outbox, 'REFERENZ_VERALTET');
    const wired = reactions();
    renderPostausgang(session, wired);
    const { user, panel } = await openKonflikt();

    await user.click(within(panel).getByRole('button', { name: 'Meldung verwerfen' }));
    // (Fluent's surface names itself through its title; jsdom's name computation misses that.)
    const dialog = await screen.findByRole('dialog', {}, slow);
    // Found while Fluent's focus trap still hides it (aria-hidden) under load: wait until it is not.
    expect(
      await within(dialog).findByRole('heading', { name: 'Meldung verwerfen?' }, slow),
    ).toBeVisible();
    expect(dialog).toHaveTextContent(`Die Meldung für ${NAME} wird aus dem Postausgang entfernt`);
    await user.click(await within(dialog).findByRole('button', { name: 'Verwerfen' }, slow));
    expect(await screen.findByText(/Die Meldung wurde verworfen/, {}, slow)).toBeVisible();
    expect(wired.onAbandoned).toHaveBeenCalledTimes(1);
    const [abandoned, unlocked] = wired.onAbandoned.mock.calls[0]!;
    expect(abandoned).toMatchObject({ id: entry.id, draftId: 'draft-konflikt' });
    expect(unlocked).toMatchObject({ phase: 'unlocked' });
    expect(await outbox.get(entry.id)).toBeUndefined();
    await waitFor(() => expect(screen.queryByText(NAME)).toBeNull(), slow);
    expect(screen.getByText(/Der Postausgang ist leer/)).toBeVisible();
    expect(sent).toEqual([]);
  });

  it('Abbrechen im Rückfragedialog lässt alles, wie es war', async () => {
    // A test of its own: reopening Fluent's dialog right after closing it is unreliable in jsdom.
    const { session, outbox } = await unlockedSession();
    const entry = await konfliktEntry(outbox, 'REFERENZ_VERALTET');
    const wired = reactions();
    renderPostausgang(session, wired);
    const { user, panel } = await openKonflikt();
    await user.click(within(panel).getByRole('button', { name: 'Meldung verwerfen' }));
    const dialog = await screen.findByRole('dialog', {}, slow);
    await user.click(await within(dialog).findByRole('button', { name: 'Abbrechen' }, slow));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), slow);
    expect(wired.onAbandoned).not.toHaveBeenCalled();
    expect((await outbox.get(entry.id))?.status).toBe('konflikt');
  });

  it('scheitert die Reaktion beim Verwerfen, bleibt der Eintrag', async () => {
    const { session, outbox } = await unlockedSession();
    const entry = await konfliktEntry(outbox, 'REFERENZ_VERALTET');
    const wired = reactions();
    wired.onAbandoned.mockRejectedValueOnce(new Error('draft store down'));
    renderPostausgang(session, wired);
    const { user, panel } = await openKonflikt();
    await user.click(within(panel).getByRole('button', { name: 'Meldung verwerfen' }));
    await user.click(
      await within(await screen.findByRole('dialog', {}, slow)).findByRole(
        'button',
        { name: 'Verwerfen' },
        slow,
      ),
    );
    expect(await within(panel).findByText(/Das hat nicht geklappt/, {}, slow)).toBeVisible();
    expect((await outbox.get(entry.id))?.status).toBe('konflikt');
  });

  it('IDEMPOTENZ_KONFLIKT: erklärt, was zu prüfen ist, und sendet nur auf Wunsch mit neuem Schlüssel', async () => {
    const { session, outbox } = await unlockedSession();
    const entry = await konfliktEntry(outbox, 'IDEMPOTENZ_KONFLIKT');
    const rebase = vi.spyOn(outbox, 'rebase');
    renderPostausgang(session, reactions());
    const { user, panel } = await openKonflikt();

    expect(panel).toHaveTextContent(
      'Das Register kennt diese Meldung unter ihrem Schlüssel mit anderem Inhalt. Prüfen Sie im Register, ob die Person schon gemeldet ist, bevor Sie erneut senden.',
    );
    expect(panel).not.toHaveTextContent('inzwischen geändert');
    expect(within(panel).queryByRole('button', { name: 'Datensatz neu lesen' })).toBeNull();
    expect(sent).toEqual([]);

    await user.click(
      within(panel).getByRole('button', { name: 'Mit neuem Schlüssel erneut senden' }),
    );
    await waitFor(() => expect(rebase).toHaveBeenCalledTimes(1), slow);
    // The same Meldung (same Referenz-ID), under a new key.
    expect(rebase.mock.calls[0]).toEqual([entry.id, entry.revision, entry.meldung.meldung]);
    const rebased = (await rebase.mock.results[0]!.value) as OutboxEntry;
    expect(rebased.idempotencyKey).not.toBe(entry.idempotencyKey);
    await waitFor(() => expect(sent).toHaveLength(1), slow);
    expect(sent[0]).toMatchObject({
      idempotencyKey: rebased.idempotencyKey,
      grundpersonalien: { referenzId: REFERENZ_ALT },
    });
  });
});

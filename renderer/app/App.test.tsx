import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AzrApi } from '../../shared/bridge/api';
import { createAzrApi } from '../../shared/bridge/api';
import type { BridgeResult } from '../../shared/bridge/result';
import { initI18n } from '../i18n';
import { App } from './App';

const ok = <T,>(value: T): Promise<BridgeResult<T>> => Promise.resolve({ ok: true, value });

// Areas a test does not stub answer UNAVAILABLE, as an absent main process would.
const unavailableApi = () =>
  createAzrApi(() =>
    Promise.resolve({ ok: false, error: { code: 'UNAVAILABLE', message: 'not stubbed' } }),
  );

function stubBridge(overrides: Partial<{ ping: AzrApi['health']['ping'] }> = {}): AzrApi {
  return {
    ...unavailableApi(),
    app: { info: () => ok({ name: 'azr-desk', version: '9.8.7', environment: 'test' as const }) },
    health: {
      ping:
        overrides.ping ?? (() => ok({ status: 'ok' as const, time: '2026-11-23T10:00:00.000Z' })),
    },
  };
}

function installBridge(api: AzrApi) {
  Object.defineProperty(window, 'azr', { value: api, configurable: true });
}

describe('Das Anwendungsgerüst', () => {
  beforeEach(() => {
    initI18n(localStorage);
  });
  afterEach(() => {
    Reflect.deleteProperty(window, 'azr');
  });

  it('zeigt die Version und die Umgebung aus app.info in der Statusleiste', async () => {
    installBridge(stubBridge());
    render(<App initialPath="/suche" />);
    const statusBar = screen.getByRole('contentinfo', { name: 'Statusleiste' });
    await waitFor(() => expect(statusBar).toHaveTextContent('Version 9.8.7'));
    expect(statusBar).toHaveTextContent('Umgebung: Test');
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Anwendungsdienst bereit'),
    );
  });

  it('meldet einen nicht erreichbaren Anwendungsdienst statt eines Fehlers', async () => {
    installBridge(
      stubBridge({
        ping: () => Promise.resolve({ ok: false, error: { code: 'UNAVAILABLE', message: 'down' } }),
      }),
    );
    render(<App initialPath="/suche" />);
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Anwendungsdienst nicht erreichbar'),
    );
  });

  it('ohne Bridge bleibt die Oberfläche bedienbar und sagt es', async () => {
    render(<App initialPath="/entwuerfe" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Entwürfe' })).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Anwendungsdienst nicht erreichbar'),
    );
    expect(screen.getByRole('contentinfo')).toHaveTextContent('Version unbekannt');
  });

  it('markiert den aktuellen Bereich und setzt den Fokus auf seine Überschrift', async () => {
    installBridge(stubBridge());
    render(<App initialPath="/postausgang" />);
    const nav = screen.getByRole('navigation', { name: 'Bereiche' });
    const current = nav.querySelector('[aria-current="page"]');
    expect(current).toHaveTextContent('Postausgang');
    // The Postausgang loads on first use (issue 7); its heading takes the focus once it is there.
    const heading = await screen.findByRole(
      'heading',
      { level: 1, name: 'Postausgang' },
      { timeout: 5_000 },
    );
    await waitFor(() => expect(heading).toHaveFocus());
  });

  it('leitet unbekannte Pfade zur Suche um', async () => {
    installBridge(stubBridge());
    render(<App initialPath="/gibt-es-nicht" />);
    expect(
      // The search screen loads on first use; under a loaded test machine that can take a moment.
      await screen.findByRole(
        'heading',
        { level: 1, name: 'Suche im Register' },
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
  });

  it('wechselt auf Englisch und merkt sich die Wahl', async () => {
    installBridge(stubBridge());
    const user = userEvent.setup();
    render(<App initialPath="/suche" />);
    await user.selectOptions(screen.getByLabelText('Sprache'), 'en');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Register search' }, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('azr-desk.locale')).toBe('en');
  });
});

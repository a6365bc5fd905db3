import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProtocolList } from '../../../shared/bridge/register';
import { App } from '../../app/App';
import { installRegisterBridge } from '../../data/register/test-support';
import { initI18n } from '../../i18n';

const slow = { timeout: 5000 };

const list = (verification: ProtocolList['verification']): ProtocolList => ({
  entries: [
    {
      seq: 1,
      time: '2026-11-23T09:15:00.000Z',
      user: 'sachbearbeiter',
      behoerde: '100001',
      operation: 'anfrage',
      abrufzweck: '01',
      geschaeftszeichen: 'AZ 12-345/26',
      azrNummern: ['240301000001'],
      ergebnis: '090004',
    },
    {
      seq: 2,
      time: '2026-11-23T09:16:00.000Z',
      user: 'sachbearbeiter',
      behoerde: '100001',
      operation: 'anfrage',
      azrNummern: [],
      ergebnis: 'REGISTER_UNREACHABLE',
    },
  ],
  total: 2,
  verification,
});

describe('Protokoll', { timeout: 20_000 }, () => {
  beforeEach(() => {
    initI18n(localStorage);
  });
  afterEach(() => {
    Reflect.deleteProperty(window, 'azr');
  });

  it('zeigt die Einträge und dass die Kette intakt ist; Filter gehen an die Bridge', async () => {
    const bridge = installRegisterBridge({
      'protocol.list': () => list({ intact: true, lines: 2 }),
    });
    const user = userEvent.setup();
    render(<App initialPath="/protokoll" />);
    expect(await screen.findByText('Protokollkette intakt', {}, slow)).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Protokolleinträge' });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Gesamtauskunft (090004)');
    expect(rows[1]).toHaveTextContent('AZ 12-345/26');
    expect(rows[2]).toHaveTextContent('Keine Verbindung zum Register (REGISTER_UNREACHABLE)');
    expect(rows[2]).toHaveTextContent('ohne (Grunddaten)');

    await user.type(screen.getByRole('textbox', { name: 'Geschäftszeichen' }), 'AZ 12');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Vorgang' }), 'anfrage');
    await user.click(screen.getByRole('button', { name: 'Filter anwenden' }));
    await waitFor(() =>
      expect(bridge.calls.filter((c) => c.channel === 'protocol.list').at(-1)?.request).toEqual({
        operation: 'anfrage',
        geschaeftszeichen: 'AZ 12',
      }),
    );
  });

  it('meldet eine unterbrochene Kette mit der Zeile', async () => {
    installRegisterBridge({
      'protocol.list': () => list({ intact: false, line: 7, reason: 'Prüfsumme weicht ab' }),
    });
    render(<App initialPath="/protokoll" />);
    expect(
      await screen.findByText('Protokollkette unterbrochen in Zeile 7', {}, slow),
    ).toBeInTheDocument();
    expect(screen.getByTestId('protocol-verification')).toHaveTextContent('Prüfsumme weicht ab');
  });

  it('exportiert als CSV und sagt, wohin', async () => {
    installRegisterBridge({
      'protocol.list': () => list({ intact: true, lines: 2 }),
      'protocol.export': () => ({
        status: 'saved',
        fileName: 'azr-protokoll-2026-11-23.csv',
        location: 'C:\\Users\\sb\\Documents\\azr-protokoll-2026-11-23.csv',
        rows: 2,
      }),
    });
    const user = userEvent.setup();
    render(<App initialPath="/protokoll" />);
    await user.click(await screen.findByRole('button', { name: 'Als CSV exportieren' }, slow));
    expect(
      await screen.findByText(
        'Gespeichert unter C:\\Users\\sb\\Documents\\azr-protokoll-2026-11-23.csv (2 Einträge).',
      ),
    ).toBeInTheDocument();
  });
});

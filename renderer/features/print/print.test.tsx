import { render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrintDocument } from '../../../shared/bridge/print';
import { App } from '../../app/App';
import { gesamtauskunft, installRegisterBridge } from '../../data/register/test-support';
import { initI18n } from '../../i18n';

const slow = { timeout: 5000 };
const TOKEN = 'T'.repeat(43);

const header = {
  behoerde: 'Ausländerbehörde Musterstadt (100001)',
  sachbearbeiter: 'mmuster',
  erstelltAm: '2026-11-23T09:15:00.000Z',
  abrufzweck: '01',
  geschaeftszeichen: 'AZ 12-345/26',
};

const auskunftDocument = (): PrintDocument => ({
  kind: 'auskunft',
  header,
  auskunft: gesamtauskunft({
    uebermittlungssperre: [{ art: 'normal' }],
    hinweis: [
      {
        hinweisschluessel: 'UEBERMITTLUNGSSPERRE',
        hinweistext: 'Für diese Person besteht eine Übermittlungssperre (§ 4 AZRG).',
      },
    ],
  }),
});

describe('Druckansicht', { timeout: 20_000 }, () => {
  beforeEach(() => {
    initI18n(localStorage);
  });
  afterEach(() => {
    Reflect.deleteProperty(window, 'azr');
  });

  it('zeigt Kopf, Sperre und Datensatz, holt das Dokument einmal und meldet "bereit"', async () => {
    const bridge = installRegisterBridge({
      'print.document': () => auskunftDocument(),
      'print.ready': () => ({ acknowledged: true }),
    });
    render(<App initialPath={`/druck/${TOKEN}`} />);
    const article = await screen.findByRole('article', {}, slow);
    expect(
      within(article).getByRole('heading', {
        level: 1,
        name: 'Auskunft aus dem Ausländerzentralregister',
      }),
    ).toBeInTheDocument();
    expect(article).toHaveTextContent('BehördeAusländerbehörde Musterstadt (100001)');
    expect(article).toHaveTextContent('Sachbearbeiter:inmmuster');
    expect(article).toHaveTextContent('Geschäftszeichen' + 'AZ 12-345/26');
    expect(article).toHaveTextContent(/Abrufzweck.*\(01\)/);
    expect(within(article).getByTestId('sperre-banner')).toHaveTextContent('Übermittlungssperre');
    expect(within(article).getByRole('region', { name: 'Grundpersonalien' })).toHaveTextContent(
      '14.05.1987',
    );
    expect(article).toHaveTextContent('Vertraulich – personenbezogene Daten');
    // The PDF takes the page title: the kind of printout, not the person's name.
    await waitFor(() =>
      expect(document.title).toBe('Auskunft aus dem Ausländerzentralregister – azr-desk'),
    );
    await waitFor(() =>
      expect(bridge.calls.filter((c) => c.channel === 'print.ready')).toEqual([
        { channel: 'print.ready', request: { token: TOKEN } },
      ]),
    );
    // StrictMode or not: the single-use token is fetched once.
    expect(bridge.calls.filter((c) => c.channel === 'print.document')).toHaveLength(1);
  });

  it('sagt, wenn der Ausdruck nicht mehr verfügbar ist', async () => {
    installRegisterBridge({});
    const invoke = window.azr;
    Object.defineProperty(window, 'azr', {
      configurable: true,
      value: {
        ...invoke,
        print: {
          ...invoke?.print,
          document: () =>
            Promise.resolve({ ok: false, error: { code: 'INVALID_REQUEST', message: 'used' } }),
        },
      },
    });
    render(<App initialPath={`/druck/${TOKEN}`} />);
    expect(await screen.findByText(/nicht mehr verfügbar/, {}, slow)).toBeInTheDocument();
  });
});

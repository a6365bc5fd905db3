import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BAND_TEXT } from '../../../shared/matching/score';
import { App } from '../../app/App';
import { usePurposeStore } from '../../data/register/purpose-store';
import {
  antwort,
  fehler,
  gesamtauskunft,
  installRegisterBridge,
  treffer,
} from '../../data/register/test-support';
import { changeLocale, initI18n } from '../../i18n';
import { de } from '../../i18n/de';
import { useSearchStore } from './search-store';

const slow = { timeout: 5000 };

async function openSearch() {
  render(<App initialPath="/suche" />);
  return screen.findByRole('textbox', { name: /^Familienname/ }, slow);
}

describe('Suche im Register', { timeout: 20_000 }, () => {
  beforeEach(() => {
    initI18n(localStorage);
    useSearchStore.getState().reset();
    usePurposeStore.getState().reset();
  });
  afterEach(() => {
    Reflect.deleteProperty(window, 'azr');
  });

  it('prüft die Eingaben vor dem Senden und sagt auf Deutsch, was fehlt', async () => {
    const bridge = installRegisterBridge({});
    const user = userEvent.setup();
    await openSearch();
    await user.click(screen.getByRole('button', { name: 'Suchen' }));
    expect(
      await screen.findByText(
        'Bitte geben Sie den Familiennamen an; er ist für eine Personensuche nötig.',
      ),
    ).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: /^Familienname/ }), 'Schewtschenko');
    await user.type(screen.getByRole('textbox', { name: /^Geburtsdatum/ }), '31.02.1987');
    await user.keyboard('{Enter}');
    expect(
      await screen.findByText('Diesen Tag gibt es in diesem Monat nicht.'),
    ).toBeInTheDocument();
    expect(bridge.anfragen()).toEqual([]);
  });

  it('auf Englisch sagen die Prüfmeldungen der Suche auf Englisch, was fehlt', async () => {
    await changeLocale('en', localStorage);
    try {
      installRegisterBridge({});
      const user = userEvent.setup();
      render(<App initialPath="/suche" />);
      await screen.findByRole('textbox', { name: /^Family name/ }, slow);
      await user.click(screen.getByRole('button', { name: 'Search' }));
      expect(
        await screen.findByText('Please enter the family name; a person search needs it.'),
      ).toBeInTheDocument();
      await user.type(screen.getByRole('textbox', { name: /^Family name/ }), 'Schewtschenko');
      await user.type(screen.getByRole('textbox', { name: /^Date of birth/ }), '31.02.1987');
      await user.keyboard('{Enter}');
      expect(await screen.findByText('This day does not exist in this month.')).toBeInTheDocument();
    } finally {
      await changeLocale('de', localStorage);
    }
  });

  it('prüft die AZR-Nummer auf Muster und Kalender, bevor sie gesendet wird', async () => {
    const bridge = installRegisterBridge({});
    const user = userEvent.setup();
    await openSearch();
    await user.keyboard('{Alt>}2{/Alt}');
    const feld = await screen.findByRole('textbox', { name: /^AZR-Nummer/ });
    await waitFor(() => expect(feld).toHaveFocus());
    await user.type(feld, '241331000001{Enter}');
    expect(await screen.findByText(/kein gültiges Datum \(JJMMTT\)/)).toBeInTheDocument();
    expect(bridge.anfragen()).toEqual([]);
  });

  it('bietet nur zugelassene Abrufzwecke an und verlangt dazu ein Geschäftszeichen', async () => {
    const bridge = installRegisterBridge({});
    const user = userEvent.setup();
    await openSearch();
    expect(screen.getByText(/Sie erhalten keinen Aufenthaltsstatus/)).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /Mit Abrufzweck/ }));
    const zweck = await screen.findByRole('combobox', { name: /^Abrufzweck/ });
    await waitFor(() =>
      expect(
        within(zweck)
          .getAllByRole('option')
          .map((o) => o.getAttribute('value')),
      ).toEqual(['', '01', '02', '15', '21']),
    );
    expect(
      within(zweck).getByRole('option', { name: '01 – ausländerrechtliche Aufgaben' }),
    ).toBeInTheDocument();
    await user.selectOptions(zweck, '01');
    await user.type(screen.getByRole('textbox', { name: /^Familienname/ }), 'Shevchenko{Enter}');
    expect(
      await screen.findByText(/Zu einem Abrufzweck gehört das Geschäftszeichen des Vorgangs/),
    ).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /^Geschäftszeichen/ })).toHaveFocus();
    expect(bridge.anfragen()).toEqual([]);
  });

  it('zeigt die Trefferliste mit Namensform, Stufe, Behörde, Sperre und aufklappbarer Begründung', async () => {
    const bridge = installRegisterBridge({
      'register.anfrage': () =>
        antwort({
          nachrichtentyp: '090003',
          hinweis: [],
          trefferPersonaliensuche: [
            treffer(),
            treffer({
              azrNummer: '240301000002',
              grundpersonalien: {
                ...treffer().grundpersonalien,
                familienname: 'Haddad',
                vorname: 'Lina',
              },
              personalienArt: '7',
              aktenfuehrendeBehoerde: '100002',
              uebermittlungssperre: [{ art: 'normal' }],
              erklaerung: { band: 'B', punktzahl: 16, felder: [] },
            }),
          ],
        }),
    });
    const user = userEvent.setup();
    await openSearch();
    await user.type(screen.getByRole('textbox', { name: /^Familienname/ }), 'Schewtschenko');
    await user.type(screen.getByRole('textbox', { name: /^Vornamen/ }), 'Grigorij');
    await user.type(screen.getByRole('textbox', { name: /^Geburtsdatum/ }), '14.05.1987{Enter}');

    const heading = await screen.findByRole('heading', { level: 2, name: '2 Treffer' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(bridge.anfragen()[0]).toMatchObject({
      anfrageAZR: {
        grundpersonalien: {
          familienname: 'Schewtschenko',
          vorname: 'Grigorij',
          geburtsangaben: { tagDerGeburt: { jahr: 1987, monat: 5, tag: 14 } },
        },
      },
    });
    expect(bridge.anfragen()[0]).not.toHaveProperty('abrufzweck');

    const list = screen.getByRole('list', { name: 'Trefferliste mit 2 Personen' });
    const [erster, zweiter] = within(list).getAllByRole('listitem');
    expect(erster).toHaveTextContent('Shevchenko, Hryhorii');
    expect(erster).toHaveTextContent('Stufe A: Identität sehr wahrscheinlich');
    expect(erster).toHaveTextContent('Gefunden über:Grundpersonalien (0)');
    expect(erster).toHaveTextContent('100001 (Ihre Behörde)');
    expect(erster).not.toHaveTextContent('Übermittlungssperre');
    expect(zweiter).toHaveTextContent('Aliaspersonalien (7)');
    expect(zweiter).toHaveTextContent('Stufe B: ähnliche Person – Prüfung erforderlich');
    expect(zweiter).toHaveTextContent('Übermittlungssperre');

    const disclosure = within(erster!).getByRole('button', { name: 'Begründung' });
    expect(disclosure).toHaveAttribute('aria-expanded', 'false');
    await user.click(disclosure);
    expect(disclosure).toHaveAttribute('aria-expanded', 'true');
    expect(within(erster!).getByRole('table')).toHaveTextContent('Schewtschenko ↔ Shevchenko');
  });

  it('sagt bei keinem Treffer klar, wonach gesucht wurde', async () => {
    installRegisterBridge({
      'register.anfrage': () => antwort({ nachrichtentyp: '090002', hinweis: [] }),
    });
    const user = userEvent.setup();
    await openSearch();
    await user.type(screen.getByRole('textbox', { name: /^Familienname/ }), 'Niemand');
    await user.type(screen.getByRole('textbox', { name: /^Geburtsdatum/ }), '00.00.1990{Enter}');
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Kein Treffer' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Gesucht wurde: Niemand · geboren 00.00.1990/)).toBeInTheDocument();
  });

  it('meldet „Register nicht erreichbar“, behält die Eingaben und bleibt bedienbar', async () => {
    let erreichbar = false;
    const bridge = installRegisterBridge({
      'register.anfrage': () =>
        erreichbar
          ? antwort({ nachrichtentyp: '090002', hinweis: [] })
          : fehler('REGISTER_UNREACHABLE'),
    });
    const user = userEvent.setup();
    await openSearch();
    const name = screen.getByRole('textbox', { name: /^Familienname/ });
    await user.type(name, 'Shevchenko{Enter}');
    expect(
      await screen.findByText(
        'Register nicht erreichbar. Ihre Eingaben bleiben erhalten; versuchen Sie es später erneut.',
      ),
    ).toBeInTheDocument();
    expect(name).toHaveValue('Shevchenko');
    erreichbar = true;
    await user.click(screen.getByRole('button', { name: 'Erneut versuchen' }));
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Kein Treffer' }),
    ).toBeInTheDocument();
    expect(bridge.anfragen()).toHaveLength(2);
  });

  it('öffnet bei der Suche nach AZR-Nummer den Datensatz mit derselben Zweckbindung', async () => {
    const bridge = installRegisterBridge({
      'register.anfrage': () => antwort(gesamtauskunft()),
    });
    const user = userEvent.setup();
    await openSearch();
    await user.click(screen.getByRole('radio', { name: /Mit Abrufzweck/ }));
    await user.selectOptions(await screen.findByRole('combobox', { name: /^Abrufzweck/ }), '01');
    await user.type(screen.getByRole('combobox', { name: /^Geschäftszeichen/ }), 'AZ 12-345/26');
    await user.click(screen.getByRole('tab', { name: /AZR-Nummer/ }));
    await user.type(await screen.findByRole('textbox', { name: /^AZR-Nummer/ }), '2403 0100 0001');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Shevchenko, Hryhorii' }, slow),
    ).toBeInTheDocument();
    expect(bridge.anfragen()).toEqual([
      {
        abrufzweck: '01',
        geschaeftszeichen: 'AZ 12-345/26',
        lieferungFruehererNamen: false,
        anfrageAZR: { azrNummer: '240301000001' },
      },
    ]);
    expect(usePurposeStore.getState().recentGeschaeftszeichen).toEqual(['AZ 12-345/26']);
  });
});

describe('Wortlaut der Trefferstufen', () => {
  it('ist derselbe wie im Abgleichskern (shared/matching), der die Stufen vergibt', () => {
    expect(de.hits.bandMeaning).toEqual(BAND_TEXT);
  });
});

import { render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { registerFailureCodes } from '../../../shared/bridge/register';
import { gesamtauskunft } from '../../data/register/test-support';
import { initI18n } from '../../i18n';
import { de } from '../../i18n/de';
import { RegisterFailureNotice } from '../../ui/RegisterFailureNotice';
import { RecordView } from './RecordView';

const wrap = (children: ReactNode) =>
  render(<FluentProvider theme={webLightTheme}>{children}</FluentProvider>);

const section = (name: string) => screen.getByRole('region', { name });

describe('Die Datensatzansicht', () => {
  beforeEach(() => {
    initI18n(localStorage);
  });

  it('gliedert die Gesamtauskunft nach Datenkategorien', () => {
    wrap(<RecordView auskunft={gesamtauskunft()} eigeneBehoerde="100001" />);
    expect(section('Grundpersonalien')).toHaveTextContent('14.05.1987');
    expect(section('Grundpersonalien')).toHaveTextContent('Kharkiv, Ukraine (166)');
    expect(section('Weitere Personalien')).toHaveTextContent('FE123456');
    expect(section('Anschrift')).toHaveTextContent('Rathausplatz 1');
    expect(section('Aufenthaltsstatus')).toHaveTextContent('Aufenthaltserlaubnis § 24 AufenthG');
    expect(section('Aufenthaltsstatus')).toHaveTextContent('01.04.2022');
    expect(section('Aktenführende Behörde')).toHaveTextContent('100001 (Ihre Behörde)');
    expect(screen.queryByTestId('sperre-banner')).toBeNull();
  });

  it('zeigt eine Übermittlungssperre als Banner, das sich nicht schließen lässt', () => {
    wrap(
      <RecordView
        auskunft={gesamtauskunft({
          uebermittlungssperre: [{ art: 'normal' }],
          hinweis: [
            {
              hinweisschluessel: 'UEBERMITTLUNGSSPERRE',
              hinweistext: 'Für diese Person besteht eine Übermittlungssperre (§ 4 AZRG).',
            },
          ],
        })}
      />,
    );
    const banner = screen.getByTestId('sperre-banner');
    expect(banner).toHaveTextContent('Übermittlungssperre');
    expect(banner).toHaveTextContent('ohne die Sperre zu prüfen');
    expect(within(banner).queryByRole('button')).toBeNull();
    // The register's Hinweis is the banner's text, not a second notice.
    expect(screen.getAllByText(/besteht eine Übermittlungssperre/)).toHaveLength(1);
  });

  it('zeigt die Einschränkung der Verarbeitung als Hinweis statt als leere Felder', () => {
    const auskunft = gesamtauskunft({ verarbeitungEingeschraenkt: true });
    delete auskunft.anschrift;
    delete auskunft.aufenthaltsstatus;
    wrap(<RecordView auskunft={auskunft} />);
    expect(screen.getByTestId('einschraenkung-notice')).toHaveTextContent(
      'Einschränkung der Verarbeitung (§ 17 AZRG-DV)',
    );
    expect(section('Anschrift')).toHaveTextContent(
      'Wegen der Einschränkung der Verarbeitung nicht übermittelt',
    );
    expect(section('Aufenthaltsstatus')).toHaveTextContent(
      'Wegen der Einschränkung der Verarbeitung nicht übermittelt',
    );
  });

  it('kennzeichnet eine Grunddaten-Auskunft und sagt, was fehlt und warum', () => {
    const auskunft = gesamtauskunft({ nurGrunddaten: true });
    delete auskunft.weiterePersonalien;
    delete auskunft.aufenthaltsstatus;
    wrap(<RecordView auskunft={auskunft} />);
    expect(screen.getByTestId('grunddaten-notice')).toHaveTextContent('Nur Grunddaten');
    expect(section('Aufenthaltsstatus')).toHaveTextContent('gehört nicht zu den Grunddaten');
    expect(section('Weitere Personalien')).toHaveTextContent('gehört nicht zu den Grunddaten');
    expect(section('Anschrift')).toHaveTextContent('Rathausplatz 1');
  });

  it('nennt bei einer zusammengeführten Nummer die angefragte und die aktuelle', () => {
    wrap(
      <RecordView
        auskunft={gesamtauskunft({
          azrNummer: '240301000007',
          alteAZRNummerDerAnfrage: '240301000001',
        })}
      />,
    );
    expect(
      screen.getByText(/Die angefragte AZR-Nummer 240301000001 gilt nicht mehr/),
    ).toHaveTextContent('Die aktuelle AZR-Nummer ist 240301000007');
  });

  it('zeigt Hinweise auf Personenverschiedenheit', () => {
    wrap(<RecordView auskunft={gesamtauskunft({ nichtIdentischMit: ['240301000006'] })} />);
    expect(section('Personenverschiedenheit')).toHaveTextContent('240301000006');
  });
});

describe('Fehlermeldungen des Registers', () => {
  beforeEach(() => {
    initI18n(localStorage);
  });

  it.each(registerFailureCodes)('%s hat einen deutschen Satz, mit dem man handeln kann', (code) => {
    wrap(<RegisterFailureNotice failure={{ code, registerFehler: [] }} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(de.registerFailure.title[code]);
    expect(alert).toHaveTextContent(de.registerFailure.text[code]);
    expect(alert).not.toHaveTextContent(code);
  });

  it('sagt bei REGISTER_UNREACHABLE „Register nicht erreichbar“', () => {
    wrap(<RegisterFailureNotice failure={{ code: 'REGISTER_UNREACHABLE', registerFehler: [] }} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Register nicht erreichbar. Ihre Eingaben bleiben erhalten; versuchen Sie es später erneut.',
    );
  });

  it('zeigt den Fehlertext des Registers mit an', () => {
    wrap(
      <RegisterFailureNotice
        failure={{
          code: 'PURPOSE_NOT_ADMITTED',
          registerFehler: [
            {
              fehlerschluessel: 'ABRUFZWECK_NICHT_ZUGELASSEN',
              fehlertext: 'Ihre Behörde ist für den Abrufzweck 04 nicht zugelassen.',
            },
          ],
        }}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Das Register meldet: Ihre Behörde ist für den Abrufzweck 04 nicht zugelassen.',
    );
  });
});

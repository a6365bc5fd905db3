import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { certificateStatus, installRegisterBridge } from '../../data/register/test-support';
import { initI18n } from '../../i18n';
import { App } from '../App';

const slow = { timeout: 5000 };

describe('Statusleiste: Register und Zertifikat', { timeout: 20_000 }, () => {
  beforeEach(() => {
    initI18n(localStorage);
  });
  afterEach(() => {
    Reflect.deleteProperty(window, 'azr');
  });

  it('zeigt die Erreichbarkeit mit der Behörde und das Zertifikat', async () => {
    installRegisterBridge({});
    render(<App initialPath="/postausgang" />);
    await waitFor(() =>
      expect(screen.getByTestId('register-status')).toHaveTextContent(
        'Register erreichbar · ABH Musterstadt',
      ),
    );
    await waitFor(() =>
      expect(screen.getByTestId('certificate-status')).toHaveTextContent(
        'Zertifikat: ABH Musterstadt Sachbearbeitung · gültig bis 30.06.2027',
      ),
    );
  });

  it('sagt „Register nicht erreichbar“ und warnt vor dem Ablauf des Zertifikats', async () => {
    installRegisterBridge({
      'register.status': () => ({
        registerUrl: 'https://127.0.0.1:4433/',
        erreichbar: false,
        geprueftAm: '2026-11-23T10:00:00.000Z',
        fehler: { code: 'REGISTER_UNREACHABLE', registerFehler: [] },
      }),
      'certificate.status': () => certificateStatus({ state: 'expiring', daysLeft: 12 }),
    });
    render(<App initialPath="/postausgang" />);
    await waitFor(() =>
      expect(screen.getByTestId('register-status')).toHaveTextContent('Register nicht erreichbar'),
    );
    await waitFor(() =>
      expect(screen.getByTestId('certificate-status')).toHaveTextContent(
        'Zertifikat ABH Musterstadt Sachbearbeitung läuft in 12 Tagen ab',
      ),
    );
  });

  it('lässt unter mehreren Zertifikaten wählen und sagt, wenn ein Neustart nötig ist', async () => {
    const candidate = certificateStatus().inUse!;
    const other = { ...candidate, fingerprint: candidate.fingerprint.replace(/AB/g, 'CD') };
    const bridge = installRegisterBridge({
      'certificate.status': () =>
        certificateStatus({
          inUse: undefined,
          candidates: [candidate, other],
          state: 'choice-needed',
        }),
      'certificate.choose': () => certificateStatus({ restartRequired: true }),
    });
    const user = userEvent.setup();
    render(<App initialPath="/postausgang" />);
    await user.click(await screen.findByRole('button', { name: 'Zertifikat auswählen' }));
    // Tabster's modalizer toggles aria-hidden on the surface in jsdom at random; the real
    // browser check of the dialog is axe in the e2e suite. Hence `hidden: true` here.
    const hidden = { hidden: true };
    const dialog = await screen.findByRole('dialog', hidden, slow);
    expect(dialog).toHaveTextContent('Bitte wählen Sie ein Zertifikat');
    const radios = within(dialog).getAllByRole('radio', hidden);
    await user.click(radios[1]!);
    await user.click(within(dialog).getByText('Dieses Zertifikat verwenden'));
    expect(await within(dialog).findByText(/erst nach einem Neustart/)).toBeInTheDocument();
    expect(bridge.calls.find((c) => c.channel === 'certificate.choose')?.request).toEqual({
      fingerprint: other.fingerprint,
    });
    expect(within(dialog).getByText(candidate.fingerprint)).toBeInTheDocument();
  });
});

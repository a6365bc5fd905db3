import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AzrApi } from '../../../shared/bridge/api';
import { createAzrApi } from '../../../shared/bridge/api';
import type { SettingsResponse } from '../../../shared/policy/contract';
import { defaultSettings, settingKeys } from '../../../shared/policy/settings';
import { App } from '../../app/App';
import { initI18n } from '../../i18n';

type View = SettingsResponse['settings'][number];

function settingsWith(overrides: Partial<Record<View['key'], Partial<View>>>): SettingsResponse {
  return {
    settings: settingKeys.map((key) => {
      const value = defaultSettings[key];
      return {
        key,
        value: typeof value === 'object' ? [...value] : value,
        source: 'default' as const,
        locked: false,
        editable:
          key === 'inactivityLockMinutes' || key === 'draftRetentionDays' || key === 'logLevel',
        ...overrides[key],
      };
    }),
  };
}

function installBridge(state: { current: SettingsResponse }, calls: unknown[]) {
  const api: AzrApi = createAzrApi((channel, request) => {
    if (channel === 'settings.get') return Promise.resolve({ ok: true, value: state.current });
    if (channel === 'settings.set') {
      calls.push(request);
      const change = request as { key: View['key']; value: number };
      if (change.key === 'draftRetentionDays') {
        return Promise.resolve({
          ok: false,
          error: { code: 'SETTING_LOCKED', message: 'locked meanwhile' },
        });
      }
      state.current = settingsWith({
        [change.key]: { value: change.value, source: 'user', editable: true },
      });
      return Promise.resolve({ ok: true, value: state.current });
    }
    return Promise.resolve({ ok: false, error: { code: 'UNAVAILABLE', message: 'stub' } });
  });
  Object.defineProperty(window, 'azr', { value: api, configurable: true });
}

describe('Einstellungen', () => {
  beforeEach(() => {
    initI18n(localStorage);
  });
  afterEach(() => {
    Reflect.deleteProperty(window, 'azr');
  });

  it('zeigt einen durch Richtlinie gesperrten Wert als „von Ihrer Organisation verwaltet“, ohne Eingabefeld', async () => {
    installBridge(
      {
        current: settingsWith({
          inactivityLockMinutes: { value: 5, source: 'hklm', locked: true, editable: false },
        }),
      },
      [],
    );
    render(<App initialPath="/einstellungen" />);
    const group = await screen.findByRole('group', { name: 'Sperre bei Inaktivität (Minuten)' });
    expect(group).toHaveTextContent('Von Ihrer Organisation verwaltet');
    expect(group).toHaveTextContent('Wirksamer Wert: 5');
    expect(group).toHaveTextContent('Quelle: Gruppenrichtlinie des Computers');
    expect(within(group).queryByRole('spinbutton')).toBeNull();
    expect(within(group).queryByRole('button')).toBeNull();
  });

  it('Werte, die nur die Organisation festlegt, sind nicht editierbar, auch ohne Richtlinie', async () => {
    installBridge({ current: settingsWith({}) }, []);
    render(<App initialPath="/einstellungen" />);
    const group = await screen.findByRole('group', { name: 'Adresse des Registers' });
    expect(group).toHaveTextContent('nicht eingerichtet');
    expect(group).toHaveTextContent('Diesen Wert kann nur Ihre Organisation festlegen.');
    expect(group).not.toHaveTextContent('Von Ihrer Organisation verwaltet');
  });

  it('speichert eine erlaubte Änderung über die Bridge und zeigt die neue Quelle', async () => {
    const calls: unknown[] = [];
    installBridge({ current: settingsWith({}) }, calls);
    const user = userEvent.setup();
    render(<App initialPath="/einstellungen" />);
    const input = await screen.findByRole('spinbutton', {
      name: 'Neuer Wert für „Sperre bei Inaktivität (Minuten)“',
    });
    await user.clear(input);
    await user.type(input, '3');
    const form = input.closest('form')!;
    await user.click(within(form).getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(form).toHaveTextContent('Quelle: Ihre Einstellung'));
    expect(calls).toEqual([{ key: 'inactivityLockMinutes', value: 3 }]);
    expect(within(form).getByRole('status')).toHaveTextContent('Gespeichert.');
  });

  it('prüft die Grenzen vor dem Senden und übersetzt SETTING_LOCKED in einen Satz', async () => {
    const calls: unknown[] = [];
    installBridge({ current: settingsWith({}) }, calls);
    const user = userEvent.setup();
    render(<App initialPath="/einstellungen" />);
    const lock = await screen.findByRole('spinbutton', {
      name: 'Neuer Wert für „Sperre bei Inaktivität (Minuten)“',
    });
    await user.clear(lock);
    await user.type(lock, '999');
    await user.click(within(lock.closest('form')!).getByRole('button', { name: 'Speichern' }));
    expect(await screen.findByText('Bitte eine ganze Zahl von 1 bis 60 eingeben.')).toBeVisible();
    expect(calls).toEqual([]);

    const retention = screen.getByRole('spinbutton', {
      name: 'Neuer Wert für „Aufbewahrung von Entwürfen (Tage)“',
    });
    await user.click(within(retention.closest('form')!).getByRole('button', { name: 'Speichern' }));
    expect(
      await screen.findByText(
        'Diese Einstellung wird von Ihrer Organisation verwaltet und kann hier nicht geändert werden.',
      ),
    ).toBeVisible();
  });
});

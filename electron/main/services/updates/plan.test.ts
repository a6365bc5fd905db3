import { describe, expect, it } from 'vitest';
import type { UpdateMode } from '../../../../shared/policy/settings';
import type { UpdateContext } from './plan';
import { mayInstall, planUpdates, publisherNamesFromUpdateConfig } from './plan';

const context = (overrides: Partial<UpdateContext> = {}): UpdateContext => ({
  mode: 'auto',
  updateUrl: 'https://updates.behoerde.example/azr-desk/',
  isPackaged: true,
  platform: 'win32',
  publisherNames: ['Stadt Musterstadt'],
  ...overrides,
});

describe('Updates nach Richtlinie', () => {
  it('ohne Richtlinie (Standard aus) wird nicht einmal gesucht', () => {
    expect(planUpdates(context({ mode: 'off' }))).toEqual({ enabled: false, reason: 'mode-off' });
  });

  it('„nur melden“ sucht, lädt aber nichts und installiert nie', () => {
    const plan = planUpdates(context({ mode: 'notify' }));
    expect(plan).toMatchObject({ enabled: true, autoDownload: false, autoInstallOnAppQuit: false });
    expect(mayInstall(plan, true)).toBe(false);
  });

  it('„automatisch“ lädt und installiert beim Beenden, aber nur ein geladenes Update', () => {
    const plan = planUpdates(context());
    expect(plan).toMatchObject({ enabled: true, feedUrl: context().updateUrl, autoDownload: true });
    expect(mayInstall(plan, false)).toBe(false);
    expect(mayInstall(plan, true)).toBe(true);
  });

  it.each([
    [{ isPackaged: false }, 'not-packaged'],
    [{ updateUrl: '' }, 'no-url'],
    [{ updateUrl: 'http://updates.example/' }, 'insecure-url'],
    [{ publisherNames: [] }, 'no-publisher'],
  ] as const)('bleibt aus bei %o (%s)', (overrides, reason) => {
    expect(planUpdates(context(overrides))).toEqual({ enabled: false, reason });
  });

  it('keine Kombination installiert ohne Modus „automatisch“', () => {
    const modes: UpdateMode[] = ['off', 'notify', 'auto'];
    for (const mode of modes) {
      for (const isPackaged of [true, false]) {
        for (const updateUrl of ['', 'https://u.example/']) {
          const plan = planUpdates(context({ mode, isPackaged, updateUrl }));
          if (mode !== 'auto') expect(mayInstall(plan, true)).toBe(false);
        }
      }
    }
  });

  it('liest den Herausgeber aus app-update.yml', () => {
    expect(
      publisherNamesFromUpdateConfig(
        'provider: generic\npublisherName:\n  - Stadt X\n  - "Y GmbH"\n',
      ),
    ).toEqual(['Stadt X', 'Y GmbH']);
    expect(publisherNamesFromUpdateConfig("publisherName: 'Stadt X'\n")).toEqual(['Stadt X']);
    expect(publisherNamesFromUpdateConfig('provider: generic\n')).toEqual([]);
    expect(publisherNamesFromUpdateConfig(undefined)).toEqual([]);
  });
});

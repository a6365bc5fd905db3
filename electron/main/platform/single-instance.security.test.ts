import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { SingleInstanceApp } from './single-instance';
import { acquireSingleInstanceLock } from './single-instance';

vi.mock('electron', () => ({ app: {} }));

function fakeApp(lockGranted: boolean) {
  const app = Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: vi.fn(() => lockGranted),
    quit: vi.fn(),
  });
  return app;
}

describe('the single-instance lock', () => {
  it('quits a second instance and lets it do nothing else', () => {
    const app = fakeApp(false);
    const onSecondInstance = vi.fn();

    expect(acquireSingleInstanceLock(onSecondInstance, app as unknown as SingleInstanceApp)).toBe(
      false,
    );

    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('keeps the first instance and tells it when another start hands over', () => {
    const app = fakeApp(true);
    const onSecondInstance = vi.fn();

    expect(acquireSingleInstanceLock(onSecondInstance, app as unknown as SingleInstanceApp)).toBe(
      true,
    );
    expect(app.quit).not.toHaveBeenCalled();
    expect(onSecondInstance).not.toHaveBeenCalled();

    app.emit('second-instance', {}, ['azr-desk.exe'], 'C:\\', {});

    expect(onSecondInstance).toHaveBeenCalledOnce();
  });
});

import { app as electronApp } from 'electron';
import type { App } from 'electron';

export type SingleInstanceApp = Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>;

/**
 * One azr-desk per user session (architecture §4): two instances would race on the draft database,
 * the outbox and the audit chain. Returns false, and quits, in the second instance; the first one is
 * told through `onSecondInstance` so it can bring its window forward.
 */
export function acquireSingleInstanceLock(
  onSecondInstance: () => void,
  app: SingleInstanceApp = electronApp,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => onSecondInstance());
  return true;
}

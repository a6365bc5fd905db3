import type { LogLine } from '../../shared/diagnostics/contract';
import { redact } from '../../shared/diagnostics/redact';

type Level = LogLine['level'];

export interface RendererLogger {
  error(message: string, fields?: LogLine['fields']): void;
  warn(message: string, fields?: LogLine['fields']): void;
  info(message: string, fields?: LogLine['fields']): void;
  debug(message: string, fields?: LogLine['fields']): void;
}

/**
 * The renderer's `createLogger(scope)`: lines go over the bridge into the main process's log file
 * (level from policy, redacted there again). Redacted here first, so personal data never even
 * crosses the bridge; without a bridge (page opened outside azr-desk) they go to the console.
 */
export function createLogger(scope: string): RendererLogger {
  const send = (level: Level, message: string, fields?: LogLine['fields']) => {
    const line: LogLine = { level, scope, message: redact(message).slice(0, 2000), fields };
    const bridge = window.azr;
    if (!bridge) {
      if (level === 'error') console.error(`[${scope}] ${line.message}`);
      else if (level === 'warn') console.warn(`[${scope}] ${line.message}`);
      return;
    }
    void bridge.log.write(line).catch(() => undefined);
  };
  return {
    error: (message, fields) => send('error', message, fields),
    warn: (message, fields) => send('warn', message, fields),
    info: (message, fields) => send('info', message, fields),
    debug: (message, fields) => send('debug', message, fields),
  };
}

import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { redact, redactValue } from '../../../../shared/diagnostics/redact';
import type { LogLevel } from '../../../../shared/policy/settings';

export type { LogLevel };

export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  error(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
}

const severity: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

export const isLogLevel = (value: string): value is LogLevel => Object.hasOwn(severity, value);

/** The synchronous file operations of the sink: a log line must be on disk before a crash. */
export interface LogFs {
  append(path: string, text: string): void;
  /** Size in bytes, undefined when the file does not exist. */
  size(path: string): number | undefined;
  rename(from: string, to: string): void;
  remove(path: string): void;
  read(path: string): string | undefined;
  ensureDir(path: string): void;
}

export const nodeLogFs: LogFs = {
  append: (path, text) => appendFileSync(path, text, 'utf8'),
  size: (path) => {
    try {
      return statSync(path).size;
    } catch {
      return undefined;
    }
  },
  rename: (from, to) => renameSync(from, to),
  remove: (path) => rmSync(path, { force: true }),
  read: (path) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  ensureDir: (path) => mkdirSync(path, { recursive: true }),
};

export interface LogSinkOptions {
  /** The logs folder in the user data folder. */
  readonly dir: string;
  readonly fs: LogFs;
  readonly now: () => Date;
  /** Read on every line, so a policy change takes effect without a restart. */
  readonly level: () => LogLevel;
  /** Rotate when the current file would grow past this (default 1 MiB). */
  readonly maxBytes?: number;
  /** Files kept including the current one (default 5). */
  readonly maxFiles?: number;
  /** Where a line goes when the file cannot be written (default: stderr). */
  readonly fallback?: (line: string) => void;
}

export const LOG_FILE_NAME = 'azr-desk.log';

export interface LogSink {
  /** Redacts and writes one line if the level allows it. Never throws. */
  write(level: LogLevel, scope: string, message: string, fields?: LogFields): void;
  /** The newest log text, at most `maxBytes` characters, oldest first (for the diagnostics export). */
  recent(maxBytes: number): string;
  readonly path: string;
}

/**
 * The file sink of the main process: one line per event, redacted before it is written (names, dates
 * of birth, AZR-Nummern, certificate subjects), rotated by size as azr-desk.log, .1 … .(maxFiles-1).
 */
export function createLogSink(options: LogSinkOptions): LogSink {
  const { dir, fs, now, level } = options;
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const maxFiles = Math.max(1, options.maxFiles ?? 5);
  const fallback = options.fallback ?? ((line: string) => process.stderr.write(line));
  const path = join(dir, LOG_FILE_NAME);
  const rotated = (index: number) => (index === 0 ? path : `${path}.${index}`);
  let dirReady = false;

  function rotateIfNeeded(incoming: number): void {
    const size = fs.size(path) ?? 0;
    if (size === 0 || size + incoming <= maxBytes) return;
    fs.remove(rotated(maxFiles - 1));
    for (let index = maxFiles - 2; index >= 0; index -= 1) {
      if (fs.size(rotated(index)) !== undefined) fs.rename(rotated(index), rotated(index + 1));
    }
  }

  function write(lineLevel: LogLevel, scope: string, message: string, fields?: LogFields): void {
    if (severity[lineLevel] > severity[level()]) return;
    const line = formatLine(now(), lineLevel, scope, message, fields);
    try {
      if (!dirReady) {
        fs.ensureDir(dir);
        dirReady = true;
      }
      rotateIfNeeded(Buffer.byteLength(line));
      fs.append(path, line);
    } catch {
      // A full disk or a locked file must not take the app down; the line still goes somewhere.
      fallback(line);
    }
  }

  function recent(limit: number): string {
    let text = '';
    for (let index = 0; index < maxFiles && text.length < limit; index += 1) {
      const content = fs.read(rotated(index));
      if (content !== undefined) text = content + text;
    }
    return text.length > limit ? text.slice(text.length - limit) : text;
  }

  return { write, recent, path };
}

/** One redacted line: time, level, scope, message, fields as JSON. */
export function formatLine(
  time: Date,
  level: LogLevel,
  scope: string,
  message: string,
  fields?: LogFields,
): string {
  const safeFields = fields ? ` ${JSON.stringify(redactValue(serializable(fields)))}` : '';
  const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ⏎ ');
  return `${time.toISOString()} ${level.toUpperCase().padEnd(5)} [${oneLine(scope)}] ${oneLine(
    redact(message),
  )}${oneLine(safeFields)}\n`;
}

function serializable(fields: LogFields): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [
      key,
      value instanceof Error ? { name: value.name, message: value.message } : value,
    ]),
  );
}

// The process-wide sink, installed once by the composition root; until then lines go to stderr so
// nothing logged during start-up is lost (Signal's createLogger pattern).
let installed: LogSink | undefined;

export function installLogSink(sink: LogSink | undefined): void {
  installed = sink;
}

/** A logger for one scope (e.g. 'policy', 'updates'). Cheap: create it at module level. */
export function createLogger(scope: string, sink?: LogSink): Logger {
  const emit = (level: LogLevel, message: string, fields?: LogFields) => {
    const target = sink ?? installed;
    if (target) target.write(level, scope, message, fields);
    else process.stderr.write(formatLine(new Date(), level, scope, message, fields));
  };
  return {
    error: (message, fields) => emit('error', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    info: (message, fields) => emit('info', message, fields),
    debug: (message, fields) => emit('debug', message, fields),
  };
}

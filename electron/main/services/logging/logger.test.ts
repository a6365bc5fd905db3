import { describe, expect, it } from 'vitest';
import type { LogFs, LogLevel } from './logger';
import { createLogSink, createLogger } from './logger';

function memoryFs() {
  const files = new Map<string, string>();
  const fs: LogFs = {
    append: (path, text) => files.set(path, (files.get(path) ?? '') + text),
    size: (path) => (files.has(path) ? Buffer.byteLength(files.get(path)!) : undefined),
    rename: (from, to) => {
      files.set(to, files.get(from) ?? '');
      files.delete(from);
    },
    remove: (path) => files.delete(path),
    read: (path) => files.get(path),
    ensureDir: () => undefined,
  };
  return { fs, files };
}

const clock = () => new Date('2030-01-02T03:04:05.000Z');

describe('Protokolldatei', () => {
  it('schreibt geschwärzte Zeilen mit Zeit, Stufe und Bereich', () => {
    const { fs, files } = memoryFs();
    const sink = createLogSink({ dir: '/logs', fs, now: clock, level: () => 'info' });
    createLogger('search', sink).info('Anfrage für vorname=Jana geburtsdatum=01.02.1990', {
      subject: 'CN=Jana Beispiel, O=Kreis X',
    });
    const text = files.get(sink.path) ?? '';
    expect(text).toMatch(/^2030-01-02T03:04:05.000Z INFO {2}\[search\] Anfrage für vorname=/);
    expect(text).not.toMatch(/Jana|1990|Beispiel|Kreis X/);
  });

  it('hält sich an die Stufe aus der Richtlinie, auch wenn sie sich ändert', () => {
    const { fs, files } = memoryFs();
    let level: LogLevel = 'warn';
    const sink = createLogSink({ dir: '/logs', fs, now: clock, level: () => level });
    const log = createLogger('x', sink);
    log.info('leise');
    log.warn('laut');
    level = 'debug';
    log.debug('jetzt auch');
    const text = files.get(sink.path) ?? '';
    expect(text).not.toContain('leise');
    expect(text).toContain('laut');
    expect(text).toContain('jetzt auch');
  });

  it('rotiert nach Größe und behält höchstens maxFiles Dateien', () => {
    const { fs, files } = memoryFs();
    const sink = createLogSink({
      dir: '/logs',
      fs,
      now: clock,
      level: () => 'info',
      maxBytes: 200,
      maxFiles: 3,
    });
    const log = createLogger('x', sink);
    for (let i = 0; i < 20; i += 1) log.info(`Zeile ${i} ${'.'.repeat(60)}`);
    expect([...files.keys()].sort()).toEqual([
      '/logs/azr-desk.log',
      '/logs/azr-desk.log.1',
      '/logs/azr-desk.log.2',
    ]);
    expect(sink.recent(10_000)).toContain('Zeile 19');
    expect(sink.recent(10_000)).not.toContain('Zeile 0 ');
  });

  it('ein Schreibfehler bringt die App nicht zum Absturz', () => {
    const lost: string[] = [];
    const { fs } = memoryFs();
    const sink = createLogSink({
      dir: '/logs',
      fs: {
        ...fs,
        append: () => {
          throw new Error('ENOSPC');
        },
      },
      now: clock,
      level: () => 'info',
      fallback: (line) => lost.push(line),
    });
    expect(() => createLogger('x', sink).error('Platte voll')).not.toThrow();
    expect(lost[0]).toContain('Platte voll');
  });
});

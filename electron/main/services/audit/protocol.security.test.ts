import { describe, expect, it } from 'vitest';
import type { ProtocolEntry } from '../../../../shared/bridge/register';
import { protocolListSchema } from '../../../../shared/bridge/register';
import { csvField } from './csv';
import type { ProtocolFs } from './protocol';
import { HEAD_FILE, PROTOCOL_FILE, createProtocolLog, retentionCutoff } from './protocol';

const DIR = '/data/protocol';
const FILE = `${DIR}/${PROTOCOL_FILE}`;
const HEAD = `${DIR}/${HEAD_FILE}`;

function memoryFs() {
  const files = new Map<string, string>();
  const fs: ProtocolFs = {
    read: (path) => Promise.resolve(files.get(path)),
    append: (path, text) => {
      files.set(path, (files.get(path) ?? '') + text);
      return Promise.resolve();
    },
    replace: (path, text) => {
      files.set(path, text);
      return Promise.resolve();
    },
    ensureDir: () => Promise.resolve(),
  };
  return { fs, files };
}

/** A protocol entry as the gateway writes it; each call a new Geschäftszeichen. */
let n = 0;
function entry(overrides: Partial<Omit<ProtocolEntry, 'seq'>> = {}): Omit<ProtocolEntry, 'seq'> {
  n += 1;
  return {
    time: '2026-11-20T09:00:00.000Z',
    user: 'mmuster',
    behoerde: '100001',
    operation: 'anfrage',
    abrufzweck: '01',
    geschaeftszeichen: `ABH-2026-${n}`,
    azrNummern: ['240301000001'],
    ergebnis: '090004',
    ...overrides,
  };
}

async function protocolWith(count: number, now = new Date('2026-11-23T12:00:00.000Z')) {
  const { fs, files } = memoryFs();
  let clock = now;
  const log = createProtocolLog({ dir: DIR, fs, now: () => clock, retentionMonths: () => 6 });
  for (let i = 0; i < count; i += 1) await log.append(entry());
  return {
    log,
    files,
    setNow: (date: Date) => {
      clock = date;
    },
    lines: () => (files.get(FILE) ?? '').split('\n').filter(Boolean),
    setLines: (lines: string[]) => files.set(FILE, lines.map((line) => `${line}\n`).join('')),
    fresh: () => createProtocolLog({ dir: DIR, fs, now: () => clock, retentionMonths: () => 6 }),
  };
}

describe('Abrufprotokoll: Verkettung', () => {
  it('ein unverändertes Protokoll ist intakt', async () => {
    const { log } = await protocolWith(3);
    expect(await log.verify()).toEqual({ intact: true, lines: 3 });
  });

  it('ein leeres Protokoll ist intakt', async () => {
    const { log } = await protocolWith(0);
    expect(await log.verify()).toEqual({ intact: true, lines: 0 });
  });

  it('erkennt einen geänderten Eintrag', async () => {
    const p = await protocolWith(3);
    const lines = p.lines();
    lines[1] = lines[1]!.replace('"abrufzweck":"01"', '"abrufzweck":"15"');
    p.setLines(lines);
    expect(await p.log.verify()).toMatchObject({ intact: false, line: 2 });
  });

  it('erkennt einen eingefügten Eintrag, auch mit gültiger eigener Prüfsumme', async () => {
    const p = await protocolWith(3);
    const other = await protocolWith(1);
    const lines = p.lines();
    lines.splice(1, 0, other.lines()[0]!);
    p.setLines(lines);
    expect(await p.log.verify()).toMatchObject({ intact: false, line: 2 });
  });

  it('erkennt einen entfernten Eintrag in der Mitte', async () => {
    const p = await protocolWith(4);
    const lines = p.lines();
    lines.splice(2, 1);
    p.setLines(lines);
    expect(await p.log.verify()).toMatchObject({ intact: false, line: 3 });
  });

  it('erkennt umgestellte Einträge', async () => {
    const p = await protocolWith(3);
    const [a, b, c] = p.lines();
    p.setLines([a!, c!, b!]);
    expect(await p.log.verify()).toMatchObject({ intact: false, line: 2 });
  });

  it('erkennt entfernte Einträge am Anfang', async () => {
    const p = await protocolWith(3);
    p.setLines(p.lines().slice(1));
    expect(await p.log.verify()).toMatchObject({ intact: false, line: 1 });
  });

  it('erkennt abgeschnittene Einträge am Ende (über die Prüfdatei)', async () => {
    const p = await protocolWith(3);
    p.setLines(p.lines().slice(0, 2));
    const verification = await p.log.verify();
    expect(verification).toMatchObject({ intact: false, line: 3 });
    expect(!verification.intact && verification.reason).toMatch(/Ende/);
  });

  it('erkennt ein geleertes Protokoll', async () => {
    const p = await protocolWith(2);
    p.setLines([]);
    expect(await p.log.verify()).toMatchObject({ intact: false, line: 1 });
  });

  it('erkennt eine fehlende Prüfdatei', async () => {
    const p = await protocolWith(2);
    p.files.delete(HEAD);
    expect(await p.log.verify()).toMatchObject({ intact: false, line: 1 });
  });

  it('erkennt eine Zeile, die kein Eintrag ist, und zusätzliche Felder', async () => {
    const p = await protocolWith(2);
    const lines = p.lines();
    p.setLines([lines[0]!, lines[1]!.replace('{', '{"name":"Shevchenko",')]);
    expect(await p.log.verify()).toMatchObject({ intact: false, line: 2 });
    p.setLines([lines[0]!, 'kaputt']);
    expect(await p.log.verify()).toMatchObject({ intact: false, line: 2 });
  });

  it('setzt die Kette nach einem Neustart fort, auch wenn die Prüfdatei nach einem Absturz zurückliegt', async () => {
    const p = await protocolWith(2);
    const staleHead = p.files.get(HEAD)!;
    await p.log.append(entry());
    p.files.set(HEAD, staleHead); // crash between appending the line and writing the head
    const restarted = p.fresh();
    expect(await restarted.verify()).toEqual({ intact: true, lines: 3 });
    await restarted.append(entry());
    expect(await restarted.verify()).toEqual({ intact: true, lines: 4 });
  });

  it('hält keine Namen oder Nutzdaten fest, nur die festgelegten Felder', async () => {
    const p = await protocolWith(1);
    expect(Object.keys(JSON.parse(p.lines()[0]!) as object).sort()).toEqual(
      [
        'seq',
        'time',
        'user',
        'behoerde',
        'operation',
        'abrufzweck',
        'geschaeftszeichen',
        'azrNummern',
        'ergebnis',
        'prev',
        'hash',
      ].sort(),
    );
  });
});

describe('Abrufprotokoll: Aufbewahrung', () => {
  it('rechnet sechs Monate in Kalendermonaten, am Monatsende begrenzt', () => {
    expect(retentionCutoff(new Date('2026-08-31T10:00:00Z'), 6).toISOString()).toBe(
      '2026-02-28T10:00:00.000Z',
    );
    expect(retentionCutoff(new Date('2026-03-15T00:00:00Z'), 6).toISOString()).toBe(
      '2025-09-15T00:00:00.000Z',
    );
  });

  it('löscht ältere Einträge und die Kette bleibt prüfbar', async () => {
    const { fs } = memoryFs();
    let now = new Date('2026-01-10T12:00:00.000Z');
    const log = createProtocolLog({ dir: DIR, fs, now: () => now, retentionMonths: () => 6 });
    await log.append(entry({ time: '2026-01-10T12:00:00.000Z' }));
    await log.append(entry({ time: '2026-02-10T12:00:00.000Z' }));
    await log.append(entry({ time: '2026-07-20T12:00:00.000Z' }));
    now = new Date('2026-07-25T12:00:00.000Z');
    expect(await log.purge()).toBe(1);
    expect(await log.verify()).toEqual({ intact: true, lines: 2 });
    await log.append(entry({ time: now.toISOString() }));
    expect(await log.verify()).toEqual({ intact: true, lines: 3 });
    const list = await log.list({});
    expect(list.entries.map((e) => e.seq)).toEqual([4, 3, 2]);
  });

  it('nach dem Löschen fällt das Entfernen weiterer Einträge am Anfang weiterhin auf', async () => {
    const { fs, files } = memoryFs();
    let now = new Date('2026-01-10T12:00:00.000Z');
    const log = createProtocolLog({ dir: DIR, fs, now: () => now, retentionMonths: () => 1 });
    for (const time of ['2026-01-10', '2026-03-01', '2026-03-02'])
      await log.append(entry({ time: `${time}T12:00:00.000Z` }));
    now = new Date('2026-03-05T12:00:00.000Z');
    await log.purge();
    const lines = files.get(FILE)!.split('\n').filter(Boolean);
    files.set(FILE, `${lines.slice(1).join('\n')}\n`);
    expect(await log.verify()).toMatchObject({ intact: false, line: 1 });
  });

  it('löscht alles Alte, und die nächste Zeile setzt die Kette fort', async () => {
    const { fs } = memoryFs();
    let now = new Date('2026-01-10T12:00:00.000Z');
    const log = createProtocolLog({ dir: DIR, fs, now: () => now, retentionMonths: () => 6 });
    await log.append(entry({ time: now.toISOString() }));
    now = new Date('2026-09-01T12:00:00.000Z');
    expect(await log.purge()).toBe(1);
    expect(await log.verify()).toEqual({ intact: true, lines: 0 });
    await log.append(entry({ time: now.toISOString() }));
    expect(await log.verify()).toEqual({ intact: true, lines: 1 });
  });

  it('ein Absturz zwischen Prüfdatei und Protokoll beim Löschen lässt ein prüfbares Protokoll', async () => {
    const { fs, files } = memoryFs();
    let now = new Date('2026-01-10T12:00:00.000Z');
    let failReplace = false;
    const crashing: ProtocolFs = {
      ...fs,
      replace: (path, text) => {
        if (failReplace && path === FILE) return Promise.reject(new Error('crash'));
        return fs.replace(path, text);
      },
    };
    const log = createProtocolLog({
      dir: DIR,
      fs: crashing,
      now: () => now,
      retentionMonths: () => 6,
    });
    await log.append(entry({ time: now.toISOString() }));
    await log.append(entry({ time: '2026-08-01T00:00:00.000Z' }));
    now = new Date('2026-08-02T12:00:00.000Z');
    failReplace = true;
    await expect(log.purge()).rejects.toThrow('crash');
    expect(files.get(FILE)!.split('\n').filter(Boolean)).toHaveLength(2);
    const restarted = createProtocolLog({ dir: DIR, fs, now: () => now, retentionMonths: () => 6 });
    expect(await restarted.verify()).toEqual({ intact: true, lines: 2 });
  });
});

describe('Abrufprotokoll: Liste und Export', () => {
  it('filtert nach Zeitraum, Vorgang, Geschäftszeichen und AZR-Nummer, neueste zuerst', async () => {
    const { fs } = memoryFs();
    const log = createProtocolLog({
      dir: DIR,
      fs,
      now: () => new Date('2026-11-23T12:00:00.000Z'),
      retentionMonths: () => 6,
    });
    await log.append(entry({ time: '2026-11-01T08:00:00.000Z', geschaeftszeichen: 'ABH-A-1' }));
    await log.append(
      entry({
        time: '2026-11-02T08:00:00.000Z',
        operation: 'lichtbild',
        azrNummern: ['240301000002'],
      }),
    );
    await log.append(entry({ time: '2026-11-03T08:00:00.000Z', geschaeftszeichen: 'abh-a-2' }));
    const all = await log.list({});
    expect(protocolListSchema.parse(all)).toEqual(all);
    expect(all.entries.map((e) => e.seq)).toEqual([3, 2, 1]);
    expect((await log.list({ von: '2026-11-02', bis: '2026-11-02' })).entries).toHaveLength(1);
    expect((await log.list({ operation: 'lichtbild' })).entries[0]?.seq).toBe(2);
    expect((await log.list({ geschaeftszeichen: 'ABH-A' })).total).toBe(2);
    expect((await log.list({ azrNummer: '240301000002' })).total).toBe(1);
    const limited = await log.list({ limit: 1 });
    expect(limited).toMatchObject({ total: 3, entries: [{ seq: 3 }] });
  });

  it('exportiert CSV mit BOM, Semikolon und deutschen Überschriften', async () => {
    const { fs } = memoryFs();
    const log = createProtocolLog({
      dir: DIR,
      fs,
      now: () => new Date('2026-11-23T12:00:00.000Z'),
      retentionMonths: () => 6,
    });
    await log.append(
      entry({
        geschaeftszeichen: 'ABH;2026 "eilig"',
        azrNummern: ['240301000001', '240301000005'],
      }),
    );
    await log.append(entry({ geschaeftszeichen: '=HYPERLINK("x")' }));
    const exported = await log.exportCsv({ limit: 1 });
    expect(exported.rows).toBe(2);
    expect(exported.fileName).toBe('azr-desk-abrufprotokoll-2026-11-23-12-00-00.csv');
    expect([...exported.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(exported.bytes.slice(3));
    const [header, first, second] = text.split('\r\n');
    expect(header).toBe(
      'Lfd. Nr.;Zeitpunkt (UTC);Benutzer;Behörde;Vorgang;Abrufzweck;Geschäftszeichen;AZR-Nummern;Ergebnis',
    );
    expect(first).toBe(
      '1;2026-11-20T09:00:00.000Z;mmuster;100001;Anfrage (090001);01;"ABH;2026 ""eilig""";240301000001, 240301000005;090004',
    );
    expect(second).toContain(`;"'=HYPERLINK(""x"")";`);
    expect(text).toContain('Prüfung der Verkettung: unverändert (2 Einträge)');
  });

  it('führt Meldungen und Entscheidungen der Vorprüfung wie Anfragen: Liste, Filter, CSV, Kette', async () => {
    const { fs } = memoryFs();
    const log = createProtocolLog({
      dir: DIR,
      fs,
      now: () => new Date('2026-11-23T12:00:00.000Z'),
      retentionMonths: () => 6,
    });
    await log.append(
      entry({
        operation: 'vorpruefung',
        abrufzweck: undefined,
        geschaeftszeichen: 'ABH-2026/0815',
        azrNummern: ['240229123456'],
        ergebnis: 'nichtIdentisch:lichtbild+dokument',
      }),
    );
    await log.append(
      entry({
        operation: 'erstmeldung',
        abrufzweck: undefined,
        geschaeftszeichen: 'ABH-2026/0815',
        azrNummern: ['240229123456', '261123000001'],
        ergebnis: '090098',
      }),
    );
    await log.append(
      entry({
        operation: 'mitteilungen',
        abrufzweck: undefined,
        geschaeftszeichen: undefined,
        azrNummern: ['190312000001', '240229123456'],
        ergebnis: '090030',
      }),
    );
    expect(await log.verify()).toEqual({ intact: true, lines: 3 });
    const vorpruefung = await log.list({ operation: 'vorpruefung' });
    expect(protocolListSchema.parse(vorpruefung).entries).toEqual([
      expect.objectContaining({ seq: 1, ergebnis: 'nichtIdentisch:lichtbild+dokument' }),
    ]);
    expect((await log.list({ azrNummer: '240229123456' })).total).toBe(3);
    const text = new TextDecoder().decode((await log.exportCsv({})).bytes.slice(3));
    const [, first, second, third] = text.split('\r\n');
    expect(first).toBe(
      '1;2026-11-20T09:00:00.000Z;mmuster;100001;Vorprüfung (§ 5 AZRG-DV);;ABH-2026/0815;240229123456;nichtIdentisch:lichtbild+dokument',
    );
    expect(second).toBe(
      '2;2026-11-20T09:00:00.000Z;mmuster;100001;Erstmeldung (090009);;ABH-2026/0815;240229123456, 261123000001;090098',
    );
    expect(third).toBe(
      '3;2026-11-20T09:00:00.000Z;mmuster;100001;Mitteilungen (090030);;;190312000001, 240229123456;090030',
    );
  });

  it('entschärft Formeln und maskiert Trennzeichen in Feldern', () => {
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM')).toBe("'@SUM");
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('ABH-1')).toBe('ABH-1');
  });
});

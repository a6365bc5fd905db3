// Printouts (issue 8, item 5) from the bridge's side: main fills the header itself, the document
// lives in memory under a single-use token until the PDF exists, the PDF goes only to the injected
// save (the save dialog in Electron), and the browser host answers `preview`.
import { describe, expect, it, vi } from 'vitest';
import type { BridgeChannel } from '../../../../shared/bridge/channels';
import type { PrintDocument } from '../../../../shared/bridge/print';
import type { ProtocolList } from '../../../../shared/bridge/register';
import { APP_ENTRY_URL, APP_URL } from '../app-origin';
import { createPrintJobs } from '../print';
import { inertAdminDeps } from './admin-handlers.fixture';
import { createBridgeDispatcher } from './dispatcher';
import { createBridgeHandlers } from './handlers';
import type { PrintHandlerDeps, PrintOutput } from './print-handlers';
import { createTrustedSenderCheck } from './sender';

const NOW = new Date('2026-11-23T09:15:00.000Z');

const auskunft = {
  nachrichtentyp: '090004',
  hinweis: [{ hinweisschluessel: 'UEBERMITTLUNGSSPERRE', hinweistext: 'Sperre (§ 4 AZRG).' }],
  azrNummer: '240301000002',
  nichtIdentischMit: [],
  aktenfuehrendeBehoerde: '100001',
  nurGrunddaten: false,
  verarbeitungEingeschraenkt: false,
  uebermittlungssperre: [{ art: 'normal' }],
  grundpersonalien: {
    referenzId: 'ABCDEFG11',
    inhalt: {
      familienname: 'Haddad',
      vorname: 'Lina',
      geburtsangaben: {
        geburtsort: { ort: 'Aleppo' },
        geburtsortStaat: '475',
        tagDerGeburt: { jahr: 1992, monat: 11 },
      },
      geschlecht: 'w',
      staatsangehoerigkeit: ['475'],
    },
  },
  lichtbildVorhanden: false,
};

const protocolList: ProtocolList = {
  entries: [
    {
      seq: 3,
      time: '2026-11-23T09:00:00.000Z',
      user: 'mmuster',
      behoerde: '100001',
      operation: 'anfrage',
      abrufzweck: '01',
      geschaeftszeichen: 'ABH-2026/0815',
      azrNummern: ['240301000002'],
      ergebnis: '090004',
    },
  ],
  total: 1,
  verification: { intact: true, lines: 3 },
};

let counter = 0;
const tokenBytes = () => new Uint8Array(32).fill((counter += 1));

function bridge(output: PrintOutput, overrides: Partial<PrintHandlerDeps> = {}) {
  const jobs = createPrintJobs({ randomBytes: tokenBytes });
  const protocol = { list: vi.fn((_query: unknown) => Promise.resolve(protocolList)) };
  const dispatcher = createBridgeDispatcher({
    handlers: createBridgeHandlers({
      appInfo: { name: 'azr-desk', version: '0.1.0', environment: 'test' },
      now: () => NOW,
      admin: inertAdminDeps(),
      print: {
        jobs,
        output,
        now: () => NOW,
        userName: () => 'mmuster',
        behoerde: () => Promise.resolve('Ausländerbehörde Musterstadt (100001)'),
        protocol,
        ...overrides,
      },
    }),
    isTrustedSender: createTrustedSenderCheck(APP_URL),
  });
  const call = (channel: BridgeChannel, request: unknown, url = `${APP_ENTRY_URL}#/suche`) =>
    dispatcher.dispatch(channel, request, { url, isMainFrame: true });
  return { call, jobs, protocol };
}

/** An Electron-like output whose "window" fetches the document and signals ready, like the route. */
function pdfOutput(
  save: (name: string, bytes: Uint8Array) => Promise<{ location: string } | undefined>,
) {
  const seen: { route?: string; document?: unknown; second?: unknown } = {};
  let call: ReturnType<typeof bridge>['call'] = () => Promise.reject(new Error('not wired'));
  const output: PrintOutput = {
    kind: 'pdf',
    render: vi.fn(async (route: string, ready: Promise<void>) => {
      seen.route = route;
      const token = route.replace('/druck/', '');
      const printUrl = `${APP_ENTRY_URL}#${route}`;
      seen.document = await call('print.document', { token }, printUrl);
      seen.second = await call('print.document', { token }, printUrl);
      await call('print.ready', { token }, printUrl);
      await ready;
      return new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    }),
    save: vi.fn(save),
  };
  return { output, seen, wire: (c: typeof call) => (call = c) };
}

describe('print.pdf (Electron: hidden window, save dialog)', () => {
  it('rendert die Auskunft mit dem Kopf von main und speichert nur über den Dialog', async () => {
    const pdf = pdfOutput(() => Promise.resolve({ location: '/home/mmuster/Dokumente/a.pdf' }));
    const { call, jobs } = bridge(pdf.output);
    pdf.wire(call);

    const result = await call('print.pdf', {
      kind: 'auskunft',
      abrufzweck: '01',
      geschaeftszeichen: 'ABH-2026/0815',
      auskunft,
    });

    expect(result).toEqual({
      ok: true,
      value: {
        status: 'saved',
        fileName: expect.stringMatching(
          /^Auskunft_240301000002_\d{4}-\d{2}-\d{2}_\d{4}\.pdf$/,
        ) as unknown,
        location: '/home/mmuster/Dokumente/a.pdf',
      },
    });
    expect(pdf.seen.route).toMatch(/^\/druck\/[A-Za-z0-9_-]{43}$/);
    const document = pdf.seen.document as { ok: true; value: PrintDocument };
    expect(document.ok).toBe(true);
    expect(document.value.header).toEqual({
      behoerde: 'Ausländerbehörde Musterstadt (100001)',
      sachbearbeiter: 'mmuster',
      erstelltAm: NOW.toISOString(),
      abrufzweck: '01',
      geschaeftszeichen: 'ABH-2026/0815',
    });
    // Single use: the second fetch of the same token gets nothing.
    expect(pdf.seen.second).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    // The PDF bytes went to the save function only, under a name without the person's name.
    const [fileName, bytes] = vi.mocked(pdf.output.kind === 'pdf' ? pdf.output.save : vi.fn()).mock
      .calls[0] as [string, Uint8Array];
    expect(fileName).not.toMatch(/Haddad|Lina/);
    expect(Array.from(bytes)).toEqual([0x25, 0x50, 0x44, 0x46]);
    // Nothing lingers in memory once the PDF exists.
    expect(jobs.size).toBe(0);
  });

  it('sagt "cancelled", wenn der Dialog abgebrochen wird, und vergisst das Dokument', async () => {
    const pdf = pdfOutput(() => Promise.resolve(undefined));
    const { call, jobs } = bridge(pdf.output);
    pdf.wire(call);
    expect(await call('print.pdf', { kind: 'auskunft', auskunft })).toEqual({
      ok: true,
      value: { status: 'cancelled' },
    });
    expect(jobs.size).toBe(0);
  });

  it('vergisst das Dokument auch, wenn das Rendern scheitert', async () => {
    const output: PrintOutput = {
      kind: 'pdf',
      render: () => Promise.reject(new Error('the print route did not signal ready in time')),
      save: vi.fn(() => Promise.resolve(undefined)),
    };
    const { call, jobs } = bridge(output);
    expect(await call('print.pdf', { kind: 'auskunft', auskunft })).toMatchObject({
      ok: false,
      error: { code: 'HANDLER_FAILED' },
    });
    expect(output.save).not.toHaveBeenCalled();
    expect(jobs.size).toBe(0);
  });

  it('lässt den Renderer keinen Kopf und keine fremden Felder vorgeben', async () => {
    const pdf = pdfOutput(() => Promise.resolve(undefined));
    const { call } = bridge(pdf.output);
    pdf.wire(call);
    const forged = {
      kind: 'auskunft',
      auskunft,
      header: { behoerde: 'BAMF', sachbearbeiter: 'jemand', erstelltAm: NOW.toISOString() },
    };
    expect(await call('print.pdf', forged)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    expect(
      await call('print.pdf', { kind: 'auskunft', auskunft: { ...auskunft, extra: 'x' } }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(pdf.output.kind === 'pdf' && pdf.output.render).not.toHaveBeenCalled();
  });

  it('liest den Protokollauszug aus dem eigenen Protokoll', async () => {
    const pdf = pdfOutput(() => Promise.resolve({ location: '/tmp/p.pdf' }));
    const { call, protocol } = bridge(pdf.output);
    pdf.wire(call);
    const query = { geschaeftszeichen: 'ABH-2026/0815' };
    expect(await call('print.pdf', { kind: 'protokoll', query })).toMatchObject({
      ok: true,
      value: { status: 'saved', fileName: expect.stringMatching(/^Abrufprotokoll_/) as unknown },
    });
    expect(protocol.list).toHaveBeenCalledWith({ geschaeftszeichen: 'ABH-2026/0815', limit: 500 });
    const document = pdf.seen.document as { ok: true; value: PrintDocument };
    expect(document.value).toMatchObject({
      kind: 'protokoll',
      header: { sachbearbeiter: 'mmuster', geschaeftszeichen: 'ABH-2026/0815' },
      list: protocolList,
    });
  });
});

describe('print.pdf (browser host: preview)', () => {
  it('gibt die Druckroute zurück; das Dokument gilt einmal und ist nach "ready" vergessen', async () => {
    const { call, jobs } = bridge({ kind: 'preview' });
    const result = await call('print.pdf', { kind: 'auskunft', auskunft });
    expect(result).toMatchObject({ ok: true, value: { status: 'preview' } });
    const route = (result as { value: { route: string } }).value.route;
    const token = route.replace('/druck/', '');
    expect(await call('print.document', { token })).toMatchObject({
      ok: true,
      value: { kind: 'auskunft' },
    });
    expect(await call('print.ready', { token })).toEqual({
      ok: true,
      value: { acknowledged: true },
    });
    expect(jobs.size).toBe(0);
    expect(await call('print.document', { token })).toMatchObject({ ok: false });
  });

  it('gibt Dokumente nur an die eigene Seite und nur gegen ein gültiges Token', async () => {
    const { call } = bridge({ kind: 'preview' });
    const result = await call('print.pdf', { kind: 'auskunft', auskunft });
    const token = (result as { value: { route: string } }).value.route.replace('/druck/', '');
    expect(await call('print.document', { token }, 'https://evil.example/')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
    expect(await call('print.document', { token: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    // The refused calls did not use up the token.
    expect(await call('print.document', { token })).toMatchObject({ ok: true });
  });
});

describe('print jobs', () => {
  it('vergessen ein liegengebliebenes Dokument nach der Frist', () => {
    const timers: (() => void)[] = [];
    const jobs = createPrintJobs({
      randomBytes: tokenBytes,
      ttlMs: 1_000,
      setTimer: (callback) => {
        timers.push(callback);
        return {};
      },
    });
    const { token } = jobs.open({
      kind: 'protokoll',
      header: { behoerde: '', sachbearbeiter: 'x', erstelltAm: NOW.toISOString() },
      query: { limit: 500 },
      list: protocolList,
    });
    expect(jobs.size).toBe(1);
    timers.forEach((fire) => fire());
    expect(jobs.size).toBe(0);
    expect(jobs.take(token)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { ohneAnAzr, OutboxPayloadError } from './model';
import { OutboxEntryExistsError, OutboxStateError } from './repository';
import {
  REFERENZ_NEU,
  datenpflege,
  erstmeldung,
  fehler,
  folgemeldung,
  setupOutbox,
} from './test-support';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('Postausgang: Einträge anlegen', () => {
  it('der Idempotenzschlüssel steht in IndexedDB, sobald enqueue zurückkehrt — vor jedem Senden', async () => {
    const { db, repository } = await setupOutbox();
    const entry = await repository.enqueue('draft-1', erstmeldung('Bondarenko'));
    const row = await db.outbox.get(entry.id);
    expect(row?.idempotencyKey).toMatch(UUID);
    expect(row).toMatchObject({
      status: 'wartet',
      attempts: 0,
      draftId: 'draft-1',
      handled: false,
    });
    expect(entry.idempotencyKey).toBe(row?.idempotencyKey);
  });

  it('jeder Eintrag bekommt einen eigenen Schlüssel und die Reihenfolge seiner Anlage', async () => {
    const { repository } = await setupOutbox();
    const a = await repository.enqueue('draft-1', erstmeldung('Bondarenko'));
    const b = await repository.enqueue('draft-2', erstmeldung('Melnyk'));
    expect(a.idempotencyKey).not.toBe(b.idempotencyKey);
    expect(b.seq).toBeGreaterThan(a.seq);
    expect((await repository.list()).map((e) => e.id)).toEqual([a.id, b.id]);
    expect((await repository.forDraft('draft-2')).map((e) => e.id)).toEqual([b.id]);
  });

  it('eine Meldung mit AnAZR oder fehlerhaftem Inhalt wird nicht angenommen', async () => {
    const { repository } = await setupOutbox();
    const payload = erstmeldung('Bondarenko');
    const mitAnAzr = {
      ...payload,
      meldung: {
        ...(payload.meldung as object),
        durchfuehrenderSachbearbeiter: 'mmuster',
        durchfuehrendeBehoerde: '100001',
      },
    };
    await expect(repository.enqueue('draft-1', mitAnAzr)).rejects.toBeInstanceOf(
      OutboxPayloadError,
    );
    await expect(
      repository.enqueue('draft-1', { ...payload, meldung: { geschaeftszeichen: 'X' } }),
    ).rejects.toBeInstanceOf(OutboxPayloadError);
    // The helper strips exactly AnAZR, so the builders' output can be handed over.
    const entry = await repository.enqueue('draft-1', {
      ...payload,
      meldung: ohneAnAzr(mitAnAzr.meldung),
    });
    expect(entry.status).toBe('wartet');
  });

  it('ein Entwurf hat höchstens eine offene oder bestätigte Meldung; eine Datenpflege daneben geht', async () => {
    const { repository } = await setupOutbox();
    const first = await repository.enqueue('draft-1', erstmeldung('Bondarenko'));
    await expect(repository.enqueue('draft-1', erstmeldung('Bondarenko'))).rejects.toEqual(
      new OutboxEntryExistsError('draft-1', first.id),
    );
    await repository.enqueue('draft-1', datenpflege(['240301000001', '240301000002']));
    // After a rejection the corrected Meldung may go.
    await repository.markSending(first.id);
    await repository.settle(first.id, {
      status: 'abgelehnt',
      grund: 'personalienGleich',
      antwort: fehler('PERSONALIEN_GLEICH', ['240301000003']),
    });
    await expect(repository.enqueue('draft-1', erstmeldung('Bondarenko'))).resolves.toMatchObject({
      status: 'wartet',
    });
  });
});

describe('Postausgang: Zustände', () => {
  it('Senden zählt Versuche; ein vorübergehender Fehler führt zurück nach „wartet“ mit Zeitpunkt und Code', async () => {
    const { repository, clock } = await setupOutbox();
    const entry = await repository.enqueue('draft-1', erstmeldung('Bondarenko'));
    const sending = await repository.markSending(entry.id);
    expect(sending).toMatchObject({ status: 'wird-gesendet', attempts: 1 });
    await repository.defer(entry.id, 'REGISTER_UNREACHABLE', new Date(clock.millis + 1_500));
    expect(await repository.get(entry.id)).toMatchObject({
      status: 'wartet',
      attempts: 1,
      lastError: 'REGISTER_UNREACHABLE',
      nextAttemptAt: new Date(clock.millis + 1_500),
      idempotencyKey: entry.idempotencyKey,
    });
    await repository.retryNow(entry.id);
    expect((await repository.get(entry.id))?.nextAttemptAt).toEqual(clock.now());
  });

  it('sagt, warum wartende Einträge warten: der Fehler des letzten Versuchs', async () => {
    const { repository, clock } = await setupOutbox();
    expect(await repository.waitingBecause()).toBeUndefined();
    const a = await repository.enqueue('draft-1', erstmeldung('Bondarenko'));
    const b = await repository.enqueue('draft-2', erstmeldung('Shevchenko'));
    expect(await repository.waitingBecause()).toBeUndefined();
    await repository.markSending(a.id);
    await repository.defer(a.id, 'REGISTER_UNREACHABLE', clock.now());
    clock.advance(1_000);
    await repository.markSending(b.id);
    await repository.defer(b.id, 'CERTIFICATE_REJECTED', clock.now());
    expect(await repository.waitingBecause()).toBe('CERTIFICATE_REJECTED');
    // Decided entries do not count.
    await repository.markSending(b.id);
    await repository.settle(b.id, { status: 'abgelehnt', grund: 'vorgaenger', vorgaengerId: a.id });
    expect(await repository.waitingBecause()).toBe('REGISTER_UNREACHABLE');
  });

  it('die Antwort des Registers wird verschlüsselt am Eintrag gespeichert; handled wird erst danach gesetzt', async () => {
    const { repository } = await setupOutbox();
    const entry = await repository.enqueue('draft-1', erstmeldung('Bondarenko'));
    await repository.markSending(entry.id);
    const settled = await repository.settle(entry.id, {
      status: 'bestaetigt',
      antwort: {
        nachrichtentyp: '090098',
        hinweis: [],
        azrNummer: '261123000101',
        personalienAehnlich: [],
      },
    });
    expect(settled).toMatchObject({ status: 'bestaetigt', handled: false });
    expect(settled.ergebnis?.outcome).toMatchObject({ antwort: { azrNummer: '261123000101' } });
    expect((await repository.unhandled()).map((e) => e.id)).toEqual([entry.id]);
    await repository.markHandled(entry.id, 'an-older-revision');
    expect((await repository.get(entry.id))?.handled).toBe(false);
    await repository.markHandled(entry.id, settled.revision);
    expect(await repository.unhandled()).toEqual([]);
    await expect(repository.markSending(entry.id)).rejects.toBeInstanceOf(OutboxStateError);
  });

  it('ein Konflikt wird mit neuer Referenz-ID und NEUEM Schlüssel neu eingereiht', async () => {
    const { repository } = await setupOutbox();
    const entry = await repository.enqueue('draft-1', folgemeldung('240301000042'));
    await repository.markSending(entry.id);
    const konflikt = await repository.settle(entry.id, {
      status: 'konflikt',
      grund: 'referenzVeraltet',
      antwort: fehler('REFERENZ_VERALTET'),
    });
    const neu = structuredClone(konflikt.meldung.meldung) as {
      grundpersonalien: { referenzId: string };
    };
    neu.grundpersonalien.referenzId = REFERENZ_NEU;
    await expect(repository.rebase(entry.id, 'stale', neu)).rejects.toBeInstanceOf(
      OutboxStateError,
    );
    const rebased = await repository.rebase(entry.id, konflikt.revision, neu);
    expect(rebased).toMatchObject({ status: 'wartet', attempts: 0, ergebnis: null });
    expect(rebased.idempotencyKey).not.toBe(entry.idempotencyKey);
    expect(rebased.idempotencyKey).toMatch(UUID);
    expect(
      rebased.meldung.art === 'folgemeldung' &&
        rebased.meldung.meldung.grundpersonalien?.referenzId,
    ).toBe(REFERENZ_NEU);
  });

  it('ein Eintrag, der unterwegs sein kann, lässt sich nicht entfernen; ein Konflikt schon', async () => {
    const { repository } = await setupOutbox();
    const entry = await repository.enqueue('draft-1', folgemeldung('240301000042'));
    await expect(repository.remove(entry.id, entry.revision)).rejects.toBeInstanceOf(
      OutboxStateError,
    );
    await repository.markSending(entry.id);
    const konflikt = await repository.settle(entry.id, {
      status: 'konflikt',
      grund: 'referenzVeraltet',
      antwort: fehler('REFERENZ_VERALTET'),
    });
    await repository.remove(entry.id, konflikt.revision);
    expect(await repository.get(entry.id)).toBeUndefined();
  });

  it('zählt die Zustände aus dem Klartextindex und liefert Seiten in Anlagereihenfolge', async () => {
    const { repository } = await setupOutbox();
    for (const name of ['Aa', 'Bb', 'Cc', 'Dd'])
      await repository.enqueue(`d-${name}`, erstmeldung(name));
    const [first] = await repository.list();
    await repository.markSending(first!.id);
    expect(await repository.counts()).toEqual({
      wartet: 3,
      'wird-gesendet': 1,
      bestaetigt: 0,
      abgelehnt: 0,
      konflikt: 0,
    });
    const page = await repository.page({ status: 'wartet', offset: 1, limit: 1 });
    expect(page.total).toBe(3);
    expect(page.entries.map((e) => e.anzeige.name)).toEqual(['Cc, Oleksandra']);
  });
});

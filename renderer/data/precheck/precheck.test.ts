import { describe, expect, it, vi } from 'vitest';
import type { PrecheckState } from '../../../shared/precheck';
import {
  apply,
  decide,
  envFor,
  nichtIdentisch,
  NR,
  searched,
  trefferliste,
} from '../../../shared/precheck/testing';
import type { Fehlernachricht } from '../../../shared/register-api/messages';
import { DraftCryptoError } from '../drafts/crypto';
import { DraftLockedError } from '../drafts/repository';
import { person, setupRepository } from '../drafts/test-support';
import { buildMeldung } from '../../../shared/precheck';
import { ABSENDER } from '../../../shared/precheck/testing';
import { ohneAnAzr } from '../outbox/model';
import { OutboxRepository } from '../outbox/repository';
import { createPrecheckReactions, repairHandOver } from './reactions';
import type { PrecheckRecord } from './repository';
import { emptyPrecheckRecord, PrecheckRepository, rekeyRecord } from './repository';

async function setup() {
  const base = await setupRepository();
  const prechecks = new PrecheckRepository({
    db: base.db,
    cipher: base.cipher,
    now: base.clock.now,
  });
  const draft = await base.repository.create(
    'erstmeldung',
    person('Kowalenko', 'Oksana', '12.05.1988'),
  );
  const precheckDraft = { content: draft.content, status: draft.status };
  const state = apply(envFor(precheckDraft, base.clock.now), [
    searched(precheckDraft, trefferliste([NR.a, 'A'], [NR.b, 'B'])),
    decide(NR.a, nichtIdentisch()),
    decide(NR.b, nichtIdentisch('Anderes Geburtsjahr laut Pass; Lichtbild abweichend.')),
  ]);
  return { ...base, prechecks, draft, state };
}

const handedOver = (state: PrecheckState, outboxId = 'outbox-1'): PrecheckRecord => ({
  ...emptyPrecheckRecord(),
  state,
  uebermittlung: { outboxId, art: 'erstmeldung', am: '2026-11-23T10:00:00.000Z' },
});

const personalienGleich = (...nummern: string[]): Fehlernachricht => ({
  nachrichtentyp: '090099',
  hinweis: [],
  fehlerfall: [
    {
      fehlerschluessel: 'PERSONALIEN_GLEICH',
      fehlertext: 'Personen mit gleichen Grundpersonalien vorhanden.',
      fehlerhaftesAttribut: [],
    },
  ],
  personalienGleich: nummern,
});

describe('Vorprüfung: Ablage beim Entwurf', () => {
  it('speichert Entscheidungen und Begründungen verschlüsselt und liest sie unverändert zurück', async () => {
    const { prechecks, draft, state, db } = await setup();
    await prechecks.save(draft.id, handedOver(state));
    expect((await prechecks.get(draft.id)).state).toEqual(state);
    const row = await db.prechecks.get(draft.id);
    const stored = new TextDecoder('latin1').decode(row?.ciphertext);
    expect(stored).not.toContain('Geburtsjahr');
    expect(stored).not.toContain(NR.a);
  });

  it('liefert für einen Entwurf ohne Vorprüfung einen leeren Stand', async () => {
    const { prechecks } = await setup();
    expect(await prechecks.get('unbekannt')).toEqual(emptyPrecheckRecord());
  });

  it('erkennt einen veränderten oder verschobenen Datensatz', async () => {
    const { prechecks, draft, state, db } = await setup();
    await prechecks.save(draft.id, handedOver(state));
    const row = await db.prechecks.get(draft.id);
    if (!row) throw new Error('row missing');
    const flipped = new Uint8Array(row.ciphertext);
    flipped[5] = (flipped[5] ?? 0) ^ 1;
    await db.prechecks.put({ ...row, ciphertext: flipped });
    await expect(prechecks.get(draft.id)).rejects.toBeInstanceOf(DraftCryptoError);
    await db.prechecks.put({ ...row, id: 'anderer-entwurf' });
    await expect(prechecks.get('anderer-entwurf')).rejects.toBeInstanceOf(DraftCryptoError);
  });

  it('schreibt bei einer Änderung ohne Wirkung nichts', async () => {
    const { prechecks, draft, db } = await setup();
    await prechecks.update(draft.id, (record) => record);
    expect(await db.prechecks.count()).toBe(0);
  });

  it('schlüsselt nach einer Zusammenführung um und behält die Entscheidung', async () => {
    const { state } = await setup();
    const record = handedOver(state);
    const next = rekeyRecord(record, NR.a, NR.c);
    expect(next.state.kandidaten.map((k) => k.azrNummer)).toEqual([NR.c, NR.b]);
    expect(next.state.kandidaten[0]?.entscheidung?.art).toBe('nichtIdentisch');
    expect(rekeyRecord(next, NR.a, NR.c)).toBe(next);
    // Both numbers were candidates: one remains, with the surviving decision.
    const merged = rekeyRecord(record, NR.a, NR.b);
    expect(merged.state.kandidaten.map((k) => k.azrNummer)).toEqual([NR.b]);
  });
});

describe('Vorprüfung: Reaktion auf die Antwort des Registers', () => {
  const entry = (draftId: string, id = 'outbox-1') => ({
    id,
    draftId,
    art: 'erstmeldung' as const,
  });

  /** A draft handed over to the outbox (entry outbox-1), and the app's reactions to its answer. */
  async function inPostausgang() {
    const env = await setup();
    await env.prechecks.save(env.draft.id, handedOver(env.state));
    await env.repository.setStage(env.draft.id, 'postausgang');
    const reactions = createPrecheckReactions({
      drafts: env.repository,
      prechecks: env.prechecks,
      now: env.clock.now,
      rekey: vi.fn(),
    });
    return { ...env, ...reactions };
  }

  it('bestätigt: schließt den Entwurf mit der AZR-Nummer, auch bei Wiederholung nur einmal', async () => {
    const { prechecks, draft, repository, clock, onSettled } = await inPostausgang();
    const outcome = {
      status: 'bestaetigt' as const,
      antwort: {
        nachrichtentyp: '090098' as const,
        hinweis: [],
        azrNummer: NR.d,
        personalienAehnlich: [],
      },
    };
    await onSettled(entry(draft.id), outcome);
    const first = await prechecks.get(draft.id);
    clock.advanceDays(1);
    await onSettled(entry(draft.id), outcome);
    expect(await prechecks.get(draft.id)).toEqual(first);
    expect(first.abschluss?.azrNummer).toBe(NR.d);
    expect((await repository.get(draft.id)).stage).toBe('abgeschlossen');
    await expect(repository.save(draft.id, draft.content)).rejects.toBeInstanceOf(DraftLockedError);
  });

  it('bestätigt mit aktueller statt zusammengeführter Nummer: schlüsselt um', async () => {
    const { prechecks, draft, state, repository, clock } = await setup();
    await prechecks.save(draft.id, handedOver(state));
    const rekey = vi.fn(() => Promise.resolve(0));
    const { onSettled } = createPrecheckReactions({
      drafts: repository,
      prechecks,
      now: clock.now,
      rekey,
    });
    await onSettled(
      { id: 'outbox-1', draftId: draft.id, art: 'folgemeldung' },
      {
        status: 'bestaetigt',
        wegfallendeAzrNummer: NR.a,
        antwort: {
          nachrichtentyp: '090098',
          hinweis: [],
          azrNummer: NR.e,
          personalienAehnlich: [],
        },
      },
    );
    expect(rekey).toHaveBeenCalledWith(NR.a, NR.e);
  });

  it('personalienGleich: öffnet die Vorprüfung mit der genannten Person wieder', async () => {
    const { prechecks, draft, repository, onSettled } = await inPostausgang();
    await onSettled(entry(draft.id), {
      status: 'abgelehnt',
      grund: 'personalienGleich',
      antwort: personalienGleich(NR.c),
    });
    const record = await prechecks.get(draft.id);
    expect(record.uebermittlung).toBeNull();
    expect(record.state.abweisung?.azrNummern).toEqual([NR.c]);
    expect(record.state.kandidaten.find((k) => k.azrNummer === NR.c)).toMatchObject({
      personalienGleich: true,
      entscheidung: null,
    });
    expect((await repository.get(draft.id)).stage).toBeUndefined();
  });

  it('eine späte Antwort zu einer älteren Übergabe ändert nichts', async () => {
    const { prechecks, draft, state, repository, clock } = await setup();
    await prechecks.save(draft.id, handedOver(state, 'outbox-2'));
    await repository.setStage(draft.id, 'postausgang');
    const { onSettled } = createPrecheckReactions({
      drafts: repository,
      prechecks,
      now: clock.now,
      rekey: vi.fn(),
    });
    await onSettled(entry(draft.id, 'outbox-1'), {
      status: 'abgelehnt',
      grund: 'personalienGleich',
      antwort: personalienGleich(NR.c),
    });
    expect((await prechecks.get(draft.id)).uebermittlung?.outboxId).toBe('outbox-2');
    expect((await repository.get(draft.id)).stage).toBe('postausgang');
  });

  it('aufgegeben: der Entwurf ist wieder bearbeitbar; ein gelöschter Entwurf stört nicht', async () => {
    const { prechecks, draft, repository, onAbandoned, onSettled } = await inPostausgang();
    await onAbandoned(entry(draft.id));
    expect((await prechecks.get(draft.id)).uebermittlung).toBeNull();
    expect((await repository.get(draft.id)).stage).toBeUndefined();
    await repository.discard(draft.id);
    await expect(
      onSettled(entry(draft.id), {
        status: 'abgelehnt',
        grund: 'register',
        antwort: personalienGleich(NR.c),
      }),
    ).resolves.toBeUndefined();
  });
});

describe('Vorprüfung: Übergabe an den Postausgang nach einem Absturz vervollständigen', () => {
  it('ergänzt Übergabe und Stufe aus dem Eintrag, ein zweites Mal ändert nichts', async () => {
    const { prechecks, draft, state, repository, db, cipher, clock } = await setup();
    await prechecks.save(draft.id, { ...emptyPrecheckRecord(), state });
    const outbox = new OutboxRepository({ db, cipher, now: clock.now });
    const built = buildMeldung(
      state,
      { content: draft.content, status: draft.status },
      {
        absender: ABSENDER,
      },
    );
    if (!built.ok) throw new Error('not ready');
    // The crash: the entry is written, the pre-check record and the draft's stage are not.
    const entry = await outbox.enqueue(draft.id, {
      art: built.art,
      meldung: ohneAnAzr(built.meldung),
      anzeige: { name: 'Kowalenko, Oksana' },
    });
    const deps = { drafts: repository, prechecks, outbox };
    expect(await repairHandOver(deps, draft.id)).toBe(true);
    expect((await prechecks.get(draft.id)).uebermittlung?.outboxId).toBe(entry.id);
    expect((await repository.get(draft.id)).stage).toBe('postausgang');
    expect(await repairHandOver(deps, draft.id)).toBe(false);
  });
});

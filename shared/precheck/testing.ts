import type { DraftContent } from '../domain/draft/model';
import { emptyDraftContent } from '../domain/draft/model';
import { toGrundpersonalien } from '../domain/draft/to-meldung';
import type { AnfrageAntwort, Treffer } from '../register-api/messages';
import type { PrecheckDraft } from './grundpersonalien';
import type { Band, Nachweisart, PrecheckState } from './model';
import { emptyPrecheckState } from './model';
import type {
  EntscheidungEingabe,
  IdentitaetsPruefungEingabe,
  PrecheckEnv,
  PrecheckEvent,
} from './reducer';
import { reducePrecheck } from './reducer';

/*
 * Small factories for the pre-check's tests (not used by the application). Tests start from a
 * valid draft and a fresh state and change one thing at a time.
 */

/** Valid AZR-Nummern (JJMMTT + 6 digits) for the candidates of the tests. */
export const NR = {
  a: '240229123456',
  b: '190312000001',
  c: '200101000002',
  d: '210615000003',
  e: '220930000004',
} as const;

export const ABSENDER = {
  durchfuehrenderSachbearbeiter: 'M. Muster',
  durchfuehrendeBehoerde: '123456',
} as const;

/** A complete Erstmeldung draft (status `bereit`); `change` edits its content. */
export function draftFor(change: (content: DraftContent) => void = () => {}): PrecheckDraft {
  const content = emptyDraftContent('erstmeldung', {
    staatsangehoerigkeit: '2021-02-19',
    geschlecht: '1',
  });
  content.geschaeftszeichen = 'ABH-2026/0815';
  Object.assign(content.grundpersonalien, {
    familienname: 'Hryhorenko',
    vorname: 'Oksana',
    geschlecht: 'w',
    geburtsdatum: '00.03.1990',
    geburtsort: 'Charkiw',
    geburtsland: '166',
    staatsangehoerigkeit: ['166'],
  });
  change(content);
  return { content, status: 'bereit' };
}

/** The same draft with its Grundpersonalien edited (returns a new draft). */
export function edited(
  draft: PrecheckDraft,
  change: (content: DraftContent) => void,
): PrecheckDraft {
  const content = JSON.parse(JSON.stringify(draft.content)) as DraftContent;
  change(content);
  return { ...draft, content };
}

export function treffer(azrNummer: string, band: Band): Treffer {
  return {
    azrNummer,
    grundpersonalien: {
      familienname: 'Hryhorenko',
      vorname: 'Oksana',
      geburtsangaben: {
        geburtsort: { ort: 'Charkiw' },
        geburtsortStaat: '166',
        tagDerGeburt: { jahr: 1990 },
      },
      staatsangehoerigkeit: ['166'],
    },
    personalienArt: '0',
    uebermittlungssperre: [],
    erklaerung: { band, punktzahl: 10, felder: [] },
  };
}

export const trefferliste = (...hits: [string, Band][]): AnfrageAntwort => ({
  nachrichtentyp: '090003',
  hinweis: [],
  trefferPersonaliensuche: hits.map(([nummer, band]) => treffer(nummer, band)),
});

export const keinTreffer = (): AnfrageAntwort => ({ nachrichtentyp: '090002', hinweis: [] });

/** A clock that always tells the same time. */
export const clock =
  (iso = '2026-11-23T09:00:00.000Z'): (() => Date) =>
  () =>
    new Date(iso);

export const envFor = (draft: PrecheckDraft, now = clock()): PrecheckEnv => ({ draft, now });

/** The search event for the draft's current Grundpersonalien. */
export const searched = (draft: PrecheckDraft, antwort: AnfrageAntwort): PrecheckEvent => ({
  type: 'searchCompleted',
  gesucht: toGrundpersonalien(draft.content),
  antwort,
});

/** Applies events that must all succeed (test set-up); throws with the code otherwise. */
export function apply(
  env: PrecheckEnv,
  events: readonly PrecheckEvent[],
  state: PrecheckState = emptyPrecheckState(),
): PrecheckState {
  return events.reduce((current, event) => {
    const result = reducePrecheck(current, event, env);
    if (!result.ok) throw new Error(`${event.type} refused: ${result.error.code}`);
    return result.state;
  }, state);
}

export const alleGeprueft: IdentitaetsPruefungEingabe = {
  lichtbildVerglichen: { ergebnis: 'ja' },
  dokumentGeprueft: { ergebnis: 'ja' },
  geburtsdatenUebereinstimmend: { ergebnis: 'ja' },
  aktenfuehrendeBehoerdeBefragt: {
    ergebnis: 'nichtMoeglich',
    vermerk: 'Behörde telefonisch nicht erreicht',
  },
};

export const identisch = (
  pruefung: IdentitaetsPruefungEingabe = alleGeprueft,
): EntscheidungEingabe => ({ art: 'identisch', pruefung });

export const nichtIdentisch = (
  begruendung = 'Lichtbild zeigt eine deutlich ältere Frau; Geburtsjahr 1961.',
  nachweisarten: readonly Nachweisart[] = ['lichtbild', 'geburtsdaten'],
): EntscheidungEingabe => ({ art: 'nichtIdentisch', nachweisarten, begruendung });

export const decide = (azrNummer: string, entscheidung: EntscheidungEingabe): PrecheckEvent => ({
  type: 'decide',
  azrNummer,
  entscheidung,
});

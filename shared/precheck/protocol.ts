import type { Band, Entscheidung, Entscheidungsart, Nachweisart, Pruefpunkt } from './model';
import { nachweisarten, PRUEFPUNKT_NACHWEISART, pruefpunkte } from './model';

/** A decided candidate, as it stands in the pre-check state. */
export interface DecidedKandidat {
  readonly azrNummer: string;
  readonly band?: Band | null;
  readonly entscheidung: Entscheidung;
}

/**
 * What the local protocol keeps of a decision (§ 16 AZRG-DV analogue, architecture §4): no
 * payloads, no names, no free text. The Begründung and the checklist notes describe the person and
 * stay in the encrypted draft; the protocol has the AZR-Nummer, the decision and its evidence types.
 */
export interface DecisionProtocolSummary {
  readonly operation: 'vorpruefung';
  readonly azrNummern: readonly [string];
  readonly entscheidung: Entscheidungsart;
  /** "nicht identisch": the evidence named; "identisch": the checks that were done. */
  readonly nachweisarten: readonly Nachweisart[];
  /** Only for "identisch": which checks were done and which were not possible. */
  readonly pruefpunkte?: Readonly<Record<Pruefpunkt, 'ja' | 'nichtMoeglich'>>;
  readonly band: Band | null;
  readonly entschiedenAm: string;
  /** Compact form for the protocol's `ergebnis` column, e.g. `nichtIdentisch:lichtbild+dokument`. */
  readonly ergebnis: string;
}

export function summarizeForProtocol(decision: DecidedKandidat): DecisionProtocolSummary {
  const { entscheidung } = decision;
  const common = {
    operation: 'vorpruefung' as const,
    azrNummern: [decision.azrNummer] as const,
    band: decision.band ?? null,
    entschiedenAm: entscheidung.entschiedenAm,
  };
  if (entscheidung.art === 'nichtIdentisch') {
    const arten = ordered(entscheidung.nachweisarten);
    return {
      ...common,
      entscheidung: 'nichtIdentisch',
      nachweisarten: arten,
      ergebnis: `nichtIdentisch:${arten.join('+')}`,
    };
  }
  const status = Object.fromEntries(
    pruefpunkte.map((p) => [p, entscheidung.pruefung[p].ergebnis]),
  ) as Record<Pruefpunkt, 'ja' | 'nichtMoeglich'>;
  const arten = ordered(
    pruefpunkte.filter((p) => status[p] === 'ja').map((p) => PRUEFPUNKT_NACHWEISART[p]),
  );
  return {
    ...common,
    entscheidung: 'identisch',
    nachweisarten: arten,
    pruefpunkte: status,
    ergebnis: `identisch:${arten.join('+')}`,
  };
}

/** Evidence types in their canonical order, so equal decisions give equal protocol lines. */
const ordered = (arten: readonly Nachweisart[]): Nachweisart[] =>
  nachweisarten.filter((art) => arten.includes(art));

import { create } from 'zustand';
import type { RequestPurpose } from '../../data/register/purpose-store';
import type {
  AzrNummerValues,
  GrundpersonalienValues,
  PassnummerValues,
  SearchMode,
} from './criteria';
import { emptyGrundpersonalien } from './criteria';

/** The search that is shown below the form: its answer lives in the query cache under `id`. */
export interface CurrentSearch {
  readonly id: string;
  readonly mode: SearchMode;
  /** What was searched, in words, for "kein Treffer" and the results heading. */
  readonly summary: string;
  /** The purpose binding it was sent with: opening a hit uses the same one. */
  readonly purpose: RequestPurpose;
}

interface SearchState {
  readonly mode: SearchMode;
  readonly grundpersonalien: GrundpersonalienValues;
  readonly azrNummer: AzrNummerValues;
  readonly passnummer: PassnummerValues;
  readonly current: CurrentSearch | undefined;
  readonly setMode: (mode: SearchMode) => void;
  readonly keepGrundpersonalien: (values: GrundpersonalienValues) => void;
  readonly keepAzrNummer: (values: AzrNummerValues) => void;
  readonly keepPassnummer: (values: PassnummerValues) => void;
  readonly setCurrent: (current: CurrentSearch | undefined) => void;
  readonly reset: () => void;
}

const initial = {
  mode: 'grundpersonalien' as SearchMode,
  grundpersonalien: emptyGrundpersonalien(),
  azrNummer: { azrNummer: '' },
  passnummer: { passnummer: '' },
  current: undefined,
};

/**
 * The caseworker's inputs, kept in memory while they move between the hit list, a record and
 * back, and across failures (an unreachable register must never cost them what they typed).
 * Never persisted: they are personal data.
 */
export const useSearchStore = create<SearchState>()((set) => ({
  ...initial,
  setMode: (mode) => set({ mode }),
  keepGrundpersonalien: (grundpersonalien) => set({ grundpersonalien }),
  keepAzrNummer: (azrNummer) => set({ azrNummer }),
  keepPassnummer: (passnummer) => set({ passnummer }),
  setCurrent: (current) => set({ current }),
  reset: () => set({ ...initial, grundpersonalien: emptyGrundpersonalien() }),
}));

import { create } from 'zustand';

/**
 * The purpose binding of the next retrieval (§§ 8–9 AZRG-DV): Grunddaten only, or an Abrufzweck with
 * the case's Geschäftszeichen. Kept in memory for the session only: Geschäftszeichen name cases and
 * never go to disk unencrypted, so there is no persist middleware here.
 */
export type PurposeMode = 'grunddaten' | 'zweck';

export interface PurposeBinding {
  readonly mode: PurposeMode;
  readonly abrufzweck: string;
  readonly geschaeftszeichen: string;
}

/** What a request carries: no Abrufzweck means Grunddaten only (§ 9 Abs. 4 AZRG-DV). */
export interface RequestPurpose {
  readonly abrufzweck?: string;
  readonly geschaeftszeichen?: string;
}

const MAX_RECENT = 8;

interface PurposeState {
  readonly binding: PurposeBinding;
  /** Most recent first; offered as suggestions so a case's number is typed once. */
  readonly recentGeschaeftszeichen: readonly string[];
  readonly setBinding: (binding: Partial<PurposeBinding>) => void;
  /** Called when a request was sent with this Geschäftszeichen. */
  readonly remember: (geschaeftszeichen: string) => void;
  readonly reset: () => void;
}

// Grunddaten by default: the data-minimising choice (IT-Grundschutz); a purpose is a decision.
const initial: PurposeBinding = { mode: 'grunddaten', abrufzweck: '', geschaeftszeichen: '' };

export const usePurposeStore = create<PurposeState>()((set) => ({
  binding: initial,
  recentGeschaeftszeichen: [],
  setBinding: (binding) => set((state) => ({ binding: { ...state.binding, ...binding } })),
  remember: (geschaeftszeichen) => {
    const value = geschaeftszeichen.trim();
    if (value === '') return;
    set((state) => ({
      recentGeschaeftszeichen: [
        value,
        ...state.recentGeschaeftszeichen.filter((entry) => entry !== value),
      ].slice(0, MAX_RECENT),
    }));
  },
  reset: () => set({ binding: initial, recentGeschaeftszeichen: [] }),
}));

/** The request fields of a binding; undefined parts are left out (exactOptionalPropertyTypes). */
export function requestPurpose(binding: PurposeBinding): RequestPurpose {
  const geschaeftszeichen = binding.geschaeftszeichen.trim();
  if (binding.mode === 'grunddaten') return geschaeftszeichen === '' ? {} : { geschaeftszeichen };
  return { abrufzweck: binding.abrufzweck, geschaeftszeichen };
}

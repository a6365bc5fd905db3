import type {
  DatenpflegeRequest,
  ErstmeldungRequest,
  FolgemeldungRequest,
} from '../../../shared/bridge/meldungen';
import type { Absender } from '../../../shared/domain/draft/to-meldung';
import { ohneAnAzr } from '../../data/outbox/model';
import type { BuildMeldungResult, DatenpflegeAnfrage } from '../../../shared/precheck';

/**
 * Who is acting is main's to say (architecture §4: the renderer never names caseworker or
 * authority); shared/precheck builds the full register message, so it gets blanks here that
 * `ohneAnAzr` removes again before anything leaves the wizard.
 */
export const NO_ABSENDER: Absender = {
  durchfuehrenderSachbearbeiter: '',
  durchfuehrendeBehoerde: '',
};

type WithoutKey<T> = Omit<T, 'idempotencyKey'>;

/** A Meldung ready for the outbox: the bridge request without its key (the outbox adds that). */
export type PendingMeldung =
  | { readonly art: 'erstmeldung'; readonly meldung: WithoutKey<ErstmeldungRequest> }
  | { readonly art: 'folgemeldung'; readonly meldung: WithoutKey<FolgemeldungRequest> };

export type PendingDatenpflege = WithoutKey<DatenpflegeRequest>;

/** The built Meldung as the outbox takes it. */
export function pendingMeldung(built: Extract<BuildMeldungResult, { ok: true }>): PendingMeldung {
  return built.art === 'erstmeldung'
    ? { art: 'erstmeldung', meldung: ohneAnAzr(built.meldung) }
    : { art: 'folgemeldung', meldung: ohneAnAzr(built.meldung) };
}

export const pendingDatenpflege = (anfrage: DatenpflegeAnfrage): PendingDatenpflege =>
  ohneAnAzr(anfrage);

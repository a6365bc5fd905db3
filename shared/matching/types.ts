/**
 * Input shapes of the matching core: Grundpersonalien-shaped persons (the stored record) and
 * queries (what the caseworker typed or what an Erstmeldung carries). Wire field names are German
 * (XAusländer), everything else English.
 */
import type { TeilbekanntesDatum } from '../domain/teilbekanntes-datum';

/** XAusländer Code.AZR.PersonalienArt (urn:de:xauslaender:codelist:azr:artpersonalie, v1). */
export type PersonalienArtCode = '0' | '3' | '4' | '5' | '6' | '7';

/** A partially known date: the domain type (unknown parts absent, never filled in with 01.01.). */
export type { TeilbekanntesDatum };

/** A further name form of a person: former name, other spelling, other name, alias. */
export interface WeitererName {
  readonly personalienArt: Exclude<PersonalienArtCode, '0'>;
  readonly familienname?: string;
  readonly vornamen?: string;
}

export interface MatchPerson {
  readonly familienname: string;
  readonly vornamen: string;
  readonly geburtsname?: string;
  readonly geburtsdatum: TeilbekanntesDatum;
  readonly geburtsort?: string;
  /** XInneres Geschlecht code (m/w/x/d); absent when unknown. */
  readonly geschlecht?: string;
  /** Destatis Staatsangehörigkeit codes (0–4). 997/998/999 carry no evidence. */
  readonly staatsangehoerigkeiten: readonly string[];
  readonly weitereNamen?: readonly WeitererName[];
  /** Passport or other identity-document numbers, as written. */
  readonly dokumentnummern?: readonly string[];
}

/** A stored record: a person with its AZR-Nummer. */
export interface MatchCandidate extends MatchPerson {
  readonly azrNummer: string;
}

/** A search: the same shape as a person; everything except one name may be missing. */
export type MatchQuery = MatchPerson;

/** Which stored name form a comparison used. */
export type NameFormRole = 'grundpersonalien' | 'geburtsname' | 'weitererName';

export interface NameForm {
  readonly role: NameFormRole;
  readonly personalienArt: PersonalienArtCode;
  readonly familienname: string;
  readonly vornamen: string;
}

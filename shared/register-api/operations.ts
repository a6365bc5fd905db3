import { z } from 'zod';
import {
  anfrageAntwort,
  azrAnfrage,
  datenpflegeAnfrage,
  erstmeldung,
  fehlernachricht,
  folgemeldung,
  health,
  lichtbildAnforderung,
  lichtbildUebermittlung,
  meldungAntwort,
  mitteilungenSeite,
  zulassung,
} from './messages';

/**
 * Every operation of the register API once: method, path, request and answer schemas. The training
 * register routes from this table, the client gateway sends from it, and the OpenAPI document is
 * generated from it, so the three cannot drift apart.
 */
export const registerOperations = {
  anfrage: {
    nachricht: '090001',
    method: 'POST',
    path: '/v1/anfrage',
    summary: 'AZRAnfrage: Suche nach AZR-Nummer, Grundpersonalien, Pass- oder Titelnummer',
    request: azrAnfrage,
    response: anfrageAntwort,
    idempotent: false,
  },
  lichtbild: {
    nachricht: '090005',
    method: 'POST',
    path: '/v1/lichtbild',
    summary: 'Lichtbildanforderung',
    request: lichtbildAnforderung,
    response: lichtbildUebermittlung,
    idempotent: false,
  },
  erstmeldung: {
    nachricht: '090009',
    method: 'POST',
    path: '/v1/erstmeldung',
    summary: 'AZRErstmeldung: neue Person, mit Hinweisen auf Personenverschiedenheit',
    request: erstmeldung,
    response: meldungAntwort,
    idempotent: true,
  },
  folgemeldung: {
    nachricht: '090010',
    method: 'POST',
    path: '/v1/folgemeldung',
    summary: 'AZRFolgemeldung: Daten zu einer bestehenden AZR-Nummer',
    request: folgemeldung,
    response: meldungAntwort,
    idempotent: true,
  },
  datenpflege: {
    nachricht: '090040',
    method: 'POST',
    path: '/v1/datenpflege',
    summary: 'DatenpflegeAnfrage: Verdacht auf Mehrfacherfassung',
    request: datenpflegeAnfrage,
    response: meldungAntwort,
    idempotent: true,
  },
  mitteilungen: {
    nachricht: '090030',
    method: 'GET',
    path: '/v1/mitteilungen',
    summary: 'Mitteilungen zu Datenänderungen für die eigene Behörde, seitenweise',
    request: z.object({
      nach: z.string().optional(),
      anzahl: z.coerce.number().int().min(1).max(500).default(100),
    }),
    response: mitteilungenSeite,
    idempotent: false,
  },
  zulassung: {
    nachricht: undefined,
    method: 'GET',
    path: '/v1/zulassung',
    summary: 'Zulassung der anfragenden Behörde: Abrufzwecke, Direkteingabe',
    request: z.object({}),
    response: zulassung,
    idempotent: false,
  },
  health: {
    nachricht: undefined,
    method: 'GET',
    path: '/v1/health',
    summary: 'Erreichbarkeit des Registers',
    request: z.object({}),
    response: health,
    idempotent: false,
  },
} as const;

export type RegisterOperation = keyof typeof registerOperations;

/** Header that makes a Meldung safe to resend: the same key returns the first answer. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** The answer to any request the register cannot process (also sent with 4xx/5xx status codes). */
export const errorResponse = fehlernachricht;

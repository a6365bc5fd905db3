import type { QueryClient } from '@tanstack/react-query';
import type { NavigateFunction } from 'react-router';
import type { RequestPurpose } from '../../data/register/purpose-store';
import { startAnfrage } from '../../data/register/queries';

/** What the record route gets in its history state: which answer to show, under which purpose. */
export interface RecordRouteState {
  readonly anfrageId: string;
  readonly purpose: RequestPurpose;
}

export const recordPath = (azrNummer: string) => `/suche/person/${azrNummer}`;

export function isRecordRouteState(value: unknown): value is RecordRouteState {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { anfrageId?: unknown }).anfrageId === 'string' &&
    typeof (value as { purpose?: unknown }).purpose === 'object'
  );
}

/**
 * Opening a record is a new retrieval by AZR-Nummer under the same purpose binding as the search
 * it came from (§ 8 AZRG-DV: the purpose stays with the case; a click does not widen it).
 */
export function openRecord(
  client: QueryClient,
  navigate: NavigateFunction,
  azrNummer: string,
  purpose: RequestPurpose,
  options: { readonly replace?: boolean } = {},
) {
  const { id } = startAnfrage(client, {
    ...purpose,
    lieferungFruehererNamen: false,
    anfrageAZR: { azrNummer },
  });
  const state: RecordRouteState = { anfrageId: id, purpose };
  void navigate(recordPath(azrNummer), { state, replace: options.replace ?? false });
}

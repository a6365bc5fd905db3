import type { MatchPerson, Treffer as MatchTreffer } from '../../../shared/matching';
import {
  compareTreffer,
  computeQueryKeys,
  preparePerson,
  scoreCandidate,
} from '../../../shared/matching';
import type { Repository } from '../db/repository';
import type { PersonRecord } from './persons';
import { toMatchCandidate } from './persons';

export interface SearchHit {
  readonly record: PersonRecord;
  readonly result: MatchTreffer;
}

/** Similar persons (§ 8 Abs. 6 AZRG-DV): key lookup in the database, full scoring in TypeScript. */
export async function searchSimilar(
  repository: Repository,
  query: MatchPerson,
  options: { limit?: number; maxScored?: number } = {},
): Promise<SearchHit[]> {
  const { slots, threshold } = computeQueryKeys(query);
  const rows = await repository.candidates(slots, threshold, options.maxScored ?? 300);
  const records = await repository.persons(rows.map((row) => row.azr_nummer));
  const prepared = preparePerson(query);
  const hits: SearchHit[] = [];
  for (const record of records) {
    if (record.zusammengefuehrtIn !== null) continue;
    const result = scoreCandidate(prepared, toMatchCandidate(record));
    if (result.band !== null)
      hits.push({ record, result: { azrNummer: record.azrNummer, ...result } });
  }
  hits.sort((a, b) => compareTreffer(a.result, b.result));
  return hits.slice(0, options.limit ?? 10);
}

// For harnesses that run inside the app page of the browser host (bundled by a benchmark or an e2e
// spec and evaluated in the page): the same keys and IndexedDB the app itself uses.
import type { DraftCipher } from '../../../renderer/data/drafts/crypto';
import { createDraftCipher } from '../../../renderer/data/drafts/crypto';
import type { AzrDatabase } from '../../../renderer/data/drafts/db';
import { openDatabase } from '../../../renderer/data/drafts/db';

/** The app's database and a cipher with the key the host hands out over its bridge. */
export async function appStorage(
  durability: 'strict' | 'relaxed',
): Promise<{ db: AzrDatabase; cipher: DraftCipher }> {
  const response = await fetch('/__bridge/drafts.keys', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({}),
  });
  const result = (await response.json()) as {
    ok: boolean;
    value: { dataKey: string; indexKey: string };
  };
  if (!result.ok) throw new Error('drafts.keys failed');
  return { db: openDatabase({ durability }), cipher: await createDraftCipher(result.value) };
}

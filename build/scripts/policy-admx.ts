// `npm run policy:admx`: writes the Group Policy templates generated from the settings table into
// build/policy (committed; shared/policy/admx.test.ts fails when they drift from the table).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { policyTemplates } from '../../shared/policy/admx';

const outDir = join(import.meta.dirname, '..', 'policy');

for (const [path, text] of Object.entries(policyTemplates())) {
  const target = join(outDir, path);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, text, 'utf8');
  console.log(`geschrieben: build/policy/${path}`);
}

// electron-builder loads hooks with a plain import(), which cannot read TypeScript: this shim loads
// the typed hook (build/scripts/after-pack.ts, fuse table in build/scripts/fuses.ts) through tsx.
import { tsImport } from 'tsx/esm/api';

export default async function afterPack(context) {
  const hook = await tsImport('./scripts/after-pack.ts', import.meta.url);
  await hook.afterPack(context);
}

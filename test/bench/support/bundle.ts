import { build } from 'esbuild';

/** Bundles a page harness into one script for `page.evaluate` / `addInitScript`. */
export async function bundleHarness(entryPoint: string): Promise<string> {
  const harness = await build({
    entryPoints: [entryPoint],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
  });
  return harness.outputFiles[0]?.text ?? '';
}

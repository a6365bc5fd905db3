import type { AfterPackContext } from 'electron-builder';
import { fuseConfig } from './fuses';

/**
 * electron-builder's afterPack hook (loaded through build/after-pack.mjs): flips the fuses of the
 * packaged binary before electron-builder signs it, so the signature covers the flipped bits.
 */
export async function afterPack(context: AfterPackContext): Promise<void> {
  await context.packager.addElectronFuses(context, fuseConfig());
}

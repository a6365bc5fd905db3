// The Electron fuses of azr-desk, every one decided here and nowhere else (architecture §4). Fuses are
// bits baked into the Electron binary at packaging time; a later process cannot flip them back. The
// table is typed as a Record over FuseV1Options, so a fuse that a newer @electron/fuses adds does
// not compile until someone decides it, and the packaging step passes `strictlyRequireAllFuses`.
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import type { FuseV1Config } from '@electron/fuses';

export const fuses: Readonly<Record<FuseV1Options, boolean>> = {
  // ELECTRON_RUN_AS_NODE would turn the signed binary into a general Node interpreter.
  [FuseV1Options.RunAsNode]: false,
  // Cookies of the register session stay encrypted with the OS key on disk.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS / NODE_EXTRA_CA_CERTS could inject code or trust a foreign CA.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and SIGUSR1 would open a debugger into the process that holds the client certificate.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app.asar hash is checked against the one in the signed executable (Windows, Electron ≥ 30).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only app.asar is loaded: a dropped-in resources/app folder cannot replace the validated code.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // No custom browser-process V8 snapshot is shipped; the default snapshot stays.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The app is served from app://, never file://: file pages get no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The config handed to @electron/fuses: every fuse, and a refusal if the binary knows more. */
export const fuseConfig = (): FuseV1Config => ({
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  resetAdHocDarwinSignature: false,
  ...fuses,
});

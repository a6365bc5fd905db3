// Runs once per Playwright run (the spec file is loaded by several processes): says on stderr why
// the Electron smoke test is skipped, so a skip is never silent.
import { electronRequired, findElectronBinary, skipMessage } from './electron-binary';

export default function globalSetup(): void {
  const binary = findElectronBinary();
  if (binary.found) return;
  if (electronRequired()) {
    throw new Error(
      `AZR_REQUIRE_ELECTRON=1, aber ${binary.reason}. Vorher: npx --no install-electron`,
    );
  }
  console.error(skipMessage(binary.reason));
}

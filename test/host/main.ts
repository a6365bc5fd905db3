// `npm run preview`: the browser host on 127.0.0.1, for tests and for looking at the app without an
// Electron binary, wired to a training register started alongside (PGlite in memory, seeded).
// Options: --port N (default 4178; 0 picks a free port), --environment development|test,
// --persons N (default 2000), --register-port N / --register-admin-port N (default: free ports),
// --no-register (use the register named by policy or AZR_REGISTER_URL instead).
import { parseArgs } from 'node:util';
import { ensureTestPki } from '../pki/pki';
import type { RunningSandbox } from '../sandbox/start';
import { startSandbox } from '../sandbox/start';
import { startBrowserHost } from './start';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.AZR_HOST_PORT ?? '4178' },
    environment: { type: 'string', default: 'development' },
    persons: { type: 'string', default: '2000' },
    'register-port': { type: 'string', default: process.env.AZR_SANDBOX_PORT ?? '0' },
    'register-admin-port': { type: 'string', default: process.env.AZR_SANDBOX_ADMIN_PORT ?? '0' },
    'no-register': { type: 'boolean', default: false },
  },
});

const portOf = (name: string, value: string | undefined) => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
    console.error(`Ungültiger Wert für --${name}: ${value}`);
    process.exit(2);
  }
  return parsed;
};

const port = portOf('port', values.port);
const environment = values.environment === 'test' ? 'test' : 'development';

await ensureTestPki({ onGenerate: (reason) => console.log(`Test-PKI wird erzeugt (${reason}) …`) });
let sandbox: RunningSandbox | undefined;
if (!values['no-register']) {
  sandbox = await startSandbox({
    persons: portOf('persons', values.persons),
    seed: 1,
    port: portOf('register-port', values['register-port']),
    adminPort: portOf('register-admin-port', values['register-admin-port']),
    onProgress: (message) => console.log(message),
  });
  console.log(`Trainingsregister (mTLS): ${sandbox.url}`);
  console.log(`Verwaltung des Trainingsregisters: ${sandbox.adminUrl}`);
}

const host = await startBrowserHost({
  port,
  environment,
  ...(sandbox ? { registerUrl: sandbox.url } : {}),
});
console.log(`azr-desk Browser-Host läuft: ${host.url}`);

const stop = () => {
  void Promise.all([host.close(), sandbox?.close()]).then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

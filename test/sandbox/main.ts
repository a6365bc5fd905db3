// `npm run sandbox -- --persons N`: the training register with its admin interface, on 127.0.0.1.
// Data lives in .data/sandbox (PGlite) unless DATABASE_URL names a PostgreSQL server.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureTestPki } from '../pki/pki';
import { startSandbox } from './start';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    port: { type: 'string', default: process.env.AZR_SANDBOX_PORT ?? '4433' },
    'admin-port': { type: 'string', default: process.env.AZR_SANDBOX_ADMIN_PORT ?? '4434' },
    'data-dir': { type: 'string', default: join(import.meta.dirname, '../../.data/sandbox') },
    memory: { type: 'boolean', default: false },
  },
});

const number = (name: string, value: string | undefined) => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    console.error(`Ungültiger Wert für --${name}: ${value}`);
    process.exit(2);
  }
  return parsed;
};

await ensureTestPki();
const databaseUrl = process.env.DATABASE_URL;
const sandbox = await startSandbox({
  persons: number('persons', values.persons),
  seed: number('seed', values.seed),
  port: number('port', values.port),
  adminPort: number('admin-port', values['admin-port']),
  ...(databaseUrl ? { databaseUrl } : values.memory ? {} : { dataDir: values['data-dir'] }),
  onProgress: (message) => console.log(message),
});
console.log(`Trainingsregister (mTLS): ${sandbox.url}`);
console.log(`Verwaltung (nur lokal):   ${sandbox.adminUrl}`);
console.log(`Datenbank: ${sandbox.db.kind}`);

const stop = () => {
  void sandbox.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

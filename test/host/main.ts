// `npm run preview`: the browser host on 127.0.0.1, for tests and for looking at the app without an
// Electron binary. Options: --port N (default 4178; 0 picks a free port).
import { parseArgs } from 'node:util';
import { startBrowserHost } from './start';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.AZR_HOST_PORT ?? '4178' },
    environment: { type: 'string', default: 'development' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Ungültiger Port: ${values.port}`);
  process.exit(2);
}
const environment = values.environment === 'test' ? 'test' : 'development';

const host = await startBrowserHost({ port, environment });
console.log(`azr-desk Browser-Host läuft: ${host.url}`);

const stop = () => {
  void host.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

// `npm run dist:win` / `npm run dist:linux`: packages the built app (run `npm run build` first) with
// electron-builder.yml plus the signing settings from the environment (build/scripts/signing.ts).
// Options: --win | --linux, --dir (unpacked only), --require-signing (fail when unsigned).
import { parseArgs } from 'node:util';
import { Platform, build } from 'electron-builder';
import { signingPlan } from './signing';

const { values } = parseArgs({
  options: {
    win: { type: 'boolean', default: false },
    linux: { type: 'boolean', default: false },
    dir: { type: 'boolean', default: false },
    'require-signing': { type: 'boolean', default: false },
  },
});

const plan = signingPlan(process.env);
if (values.win && plan.kind === 'unsigned') {
  if (values['require-signing']) {
    console.error(`Signieren verlangt, aber nicht möglich: ${plan.reason}`);
    process.exit(1);
  }
  console.warn(`WARNUNG: unsignierte Windows-Pakete (${plan.reason}).`);
}

// electron-builder reads electron-builder.yml itself and deep-merges this object over it.
const config = plan.kind === 'unsigned' ? {} : { win: plan.win };

const targets = values.win ? Platform.WINDOWS : Platform.LINUX;
const files = await build({
  targets: targets.createTarget(values.dir ? 'dir' : null),
  config,
  publish: 'never',
});
console.log(files.join('\n'));

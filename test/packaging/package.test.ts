// Exercises the packaging pipeline as far as it goes without an Electron binary (issue 8): the real
// electron-builder with electron-builder.yml and the afterPack fuse hook, packaging into a folder
// with a stand-in Electron distribution whose "binary" carries a real fuse wire. Then it reads the
// packaged app.asar and the flipped fuses back. Needs the built app (`npm run build`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuses } from '../../build/scripts/fuses';

const root = join(import.meta.dirname, '../..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const electronVersion = (
  JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as {
    version: string;
  }
).version;

/** A stand-in for Electron's unpacked distribution: a "binary" with Electron's default fuse wire. */
function standInElectron(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const defaultWire = '10110001'; // RunAsNode on, cookie encryption off, … as Electron ships
  writeFileSync(
    join(dir, 'electron'),
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho "stand-in for Electron"\n'),
      Buffer.from(SENTINEL),
      Buffer.from([1, defaultWire.length]),
      Buffer.from(defaultWire),
    ]),
    { mode: 0o755 },
  );
  writeFileSync(join(dir, 'version'), electronVersion);
  writeFileSync(join(dir, 'LICENSE'), 'stand-in');
}

describe.skipIf(!existsSync(join(root, 'out/main/index.js')))(
  'das Paket (electron-builder --dir)',
  () => {
    let work: string;
    let appOutDir: string;

    beforeAll(() => {
      work = mkdtempSync(join(tmpdir(), 'azr-package-'));
      standInElectron(join(work, 'electron-dist'));
      const result = spawnSync(
        process.execPath,
        [
          join(root, 'node_modules/electron-builder/cli.js'),
          '--linux',
          'dir',
          '--x64',
          '--publish',
          'never',
          `-c.electronDist=${join(work, 'electron-dist')}`,
          `-c.electronVersion=${electronVersion}`,
          `-c.directories.output=${join(work, 'release')}`,
        ],
        { cwd: root, encoding: 'utf8', env: { ...process.env, CI: '1' }, timeout: 110_000 },
      );
      if (result.status !== 0) {
        throw new Error(`electron-builder failed:\n${result.stdout}\n${result.stderr}`);
      }
      appOutDir = join(work, 'release', 'linux-unpacked');
    }, 120_000);

    afterAll(() => {
      if (work) rmSync(work, { recursive: true, force: true });
    });

    it('app.asar enthält die gebaute App und package.json', () => {
      const files = listPackage(join(appOutDir, 'resources', 'app.asar'), { isPack: false });
      expect(files).toEqual(
        expect.arrayContaining([
          '/package.json',
          '/out/main/index.js',
          '/out/preload/index.cjs',
          '/out/renderer/index.html',
        ]),
      );
    });

    it('app.asar enthält keine Tests, Fixtures, Source Maps, Quellen oder das Übungsregister', () => {
      const files = listPackage(join(appOutDir, 'resources', 'app.asar'), { isPack: false });
      const forbidden = files.filter(
        (file) =>
          /\.map$/.test(file) ||
          /\.(test|spec)\.[cm]?[jt]sx?$/.test(file) ||
          /\/(test|tests|__tests__|fixtures|__fixtures__|sandbox|e2e)\//.test(file) ||
          /^\/(electron|renderer|shared|build|test)\//.test(file) ||
          /\/test\/pki\//.test(file),
      );
      expect(forbidden).toEqual([]);
    });

    it('die Fuses im gepackten Binary sind genau die aus build/scripts/fuses.ts', async () => {
      const wire = await getCurrentFuseWire(join(appOutDir, 'azr-desk'));
      for (const [fuse, enabled] of Object.entries(fuses)) {
        const name = FuseV1Options[Number(fuse)];
        expect(wire[Number(fuse) as FuseV1Options], name).toBe(enabled ? 49 : 48);
      }
    });

    it('app-update.yml liegt bei (Updates prüfen damit den Herausgeber)', () => {
      const yaml = readFileSync(join(appOutDir, 'resources', 'app-update.yml'), 'utf8');
      expect(yaml).toContain('provider: generic');
    });
  },
);

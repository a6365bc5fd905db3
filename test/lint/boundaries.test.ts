import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { boundaries } from '../../eslint.boundaries.js';

// The real boundary rules from eslint.boundaries.js, without type-aware rules, so that files that
// do not exist can be linted from text.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } },
    ...boundaries,
  ],
});

async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('Lint erzwingt die Umgebungsgrenzen', () => {
  it.each([
    ['shared/domain/x.ts', "import { app } from 'electron';"],
    ['shared/domain/x.ts', "import { readFile } from 'node:fs/promises';"],
    ['shared/domain/x.ts', "import { readFile } from 'fs';"],
    ['shared/domain/x.ts', "import { readFile } from 'fs/promises';"],
    ['shared/domain/x.ts', "import { useState } from 'react';"],
    ['shared/domain/x.ts', "import { db } from '../../renderer/data/db';"],
    ['renderer/features/search/x.tsx', "import { ipcRenderer } from 'electron';"],
    ['renderer/features/search/x.tsx', "import { createHash } from 'node:crypto';"],
    ['renderer/features/search/x.tsx', "import { x } from '../../../electron/main/services/x';"],
    ['electron/main/services/register/x.ts', "import { net } from 'electron';"],
    ['electron/main/services/register/x.ts', "import { x } from '../../platform/window';"],
    ['electron/main/index.ts', "import { app } from 'electron';"],
    ['electron/preload/index.ts', "import { readFileSync } from 'node:fs';"],
  ])('%s darf nicht: %s', async (filePath, source) => {
    expect((await importErrors(filePath, source)).length).toBeGreaterThan(0);
  });

  it.each([
    ['shared/domain/x.ts', "import { z } from 'zod';"],
    ['shared/matching/x.ts', "import { table } from '../domain/din91379/search-form';"],
    ['renderer/features/search/x.tsx', "import { z } from '../../../shared/bridge/contract';"],
    ['electron/main/services/register/x.ts', "import { request } from 'node:https';"],
    ['electron/main/platform/window.ts', "import { BrowserWindow } from 'electron';"],
    ['electron/preload/index.ts', "import { contextBridge } from 'electron';"],
  ])('%s darf: %s', async (filePath, source) => {
    expect(await importErrors(filePath, source)).toEqual([]);
  });
});

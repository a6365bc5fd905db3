import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SOURCE_DIR,
  renderSearchFormModule,
  TARGET,
} from '../../../build/scripts/generate-din91379';

// The product never reads ../shared; this test only runs where the source data is checked out.
describe.skipIf(!existsSync(DEFAULT_SOURCE_DIR))(
  'the committed DIN 91379 search-form table',
  () => {
    it('is exactly what the generator makes from the DIN 91379 data files', () => {
      const { text, letters } = renderSearchFormModule(DEFAULT_SOURCE_DIR);
      expect(letters).toBe(649);
      expect(readFileSync(TARGET, 'utf8')).toBe(text);
    });

    it('keeps the CC-BY 4.0 attribution next to the table', () => {
      const folder = TARGET.replace(/search-form\.ts$/, '');
      expect(readFileSync(`${folder}LICENSE.md`, 'utf8')).toContain('CC-BY 4.0');
      expect(readFileSync(`${folder}README.md`, 'utf8')).toContain('String-Latin');
    });
  },
);

import { join } from 'node:path';
import { readTextIfExists, writeFileAtomic } from '../files';
import type { SettingSource } from '../../../../shared/policy/settings';
import type { SettingsLayer } from './resolve';

/** The few file operations the policy and settings code needs; tests pass an in-memory one. */
export interface TextFiles {
  /** The file's text, or undefined when it does not exist. */
  read(path: string): Promise<string | undefined>;
  /** Replaces the file in one step (write beside it, then rename), creating its folder. */
  writeAtomic(path: string, text: string): Promise<void>;
}

export const nodeTextFiles: TextFiles = {
  read: readTextIfExists,
  writeAtomic: (path, text) => writeFileAtomic(path, text),
};

/**
 * Where the machine-wide policy file lives: `%ProgramData%\azr-desk\policy.json` on Windows,
 * `/etc/azr-desk/policy.json` elsewhere. Only administrators can write either place.
 */
export function machinePolicyPath(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): string {
  if (platform === 'win32') {
    return join(env.ProgramData ?? 'C:\\ProgramData', 'azr-desk', 'policy.json');
  }
  return '/etc/azr-desk/policy.json';
}

/**
 * Reads a JSON settings file (machine policy or the user's settings) as a layer. A missing file is
 * empty; an unreadable or malformed one is a logged problem and counts as empty, never a crash.
 */
export async function readJsonLayer(
  files: TextFiles,
  path: string,
  source: SettingSource,
): Promise<SettingsLayer> {
  let text: string | undefined;
  try {
    text = await files.read(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      source,
      values: {},
      problems: [{ source, key: path, reason: `nicht lesbar: ${reason}` }],
    };
  }
  if (text === undefined || text.trim() === '') return { source, values: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { source, values: {}, problems: [{ source, key: path, reason: 'kein gültiges JSON' }] };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return {
      source,
      values: {},
      problems: [{ source, key: path, reason: 'muss ein JSON-Objekt sein' }],
    };
  }
  return { source, values: parsed as Record<string, unknown> };
}

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

// The file primitives the main-process services share (policy, protocol, draft keys): a missing
// file is "nothing stored yet", and a file is replaced in one step so a crash never leaves half.

/** The file's bytes, or undefined when it does not exist; other errors are thrown. */
export async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export async function readTextIfExists(path: string): Promise<string | undefined> {
  return (await readIfExists(path))?.toString('utf8');
}

/** Writes beside the file, then renames over it, creating its folder first. */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  modes: { readonly file?: number; readonly dir?: number } = {},
): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: modes.dir });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, data, { mode: modes.file });
  await rename(temp, path);
}

import { execFile } from 'node:child_process';
import type { ExecFile } from './registry';

/**
 * Runs a program without a shell and resolves with its exit code and output; never rejects for a
 * non-zero exit (reg.exe exits 1 for a missing key, which is not an error here).
 */
export const nodeExecFile: ExecFile = (file, args) =>
  new Promise((resolve, reject) => {
    execFile(
      file,
      [...args],
      { windowsHide: true, timeout: 10_000, encoding: 'utf8', maxBuffer: 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(new Error(error.message, { cause: error }));
          return;
        }
        resolve({ exitCode: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });

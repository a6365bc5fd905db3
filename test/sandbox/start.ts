import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTestPki } from '../pki/pki';
import type { Database } from './db/database';
import { openDatabase } from './db/database';
import { migrate } from './db/migrations';
import { createRepository } from './db/repository';
import type { RegisterListenerControl } from './admin';
import { createAdminServer } from './admin';
import { FaultInjector } from './faults';
import type { Random } from './register/ids';
import { TrainingRegister } from './register/register';
import { createRegisterServer } from './server';
import { seedRegister } from './seed';

export interface StartSandboxOptions {
  readonly port?: number;
  readonly adminPort?: number;
  /** PostgreSQL server; default: embedded PGlite. */
  readonly databaseUrl?: string;
  /** PGlite data directory; absent = in memory. */
  readonly dataDir?: string;
  /** Seed this many synthetic persons when the register is empty. */
  readonly persons?: number;
  readonly seed?: number;
  readonly pkiDir?: string;
  readonly now?: () => Date;
  readonly random?: Random;
  readonly onProgress?: (message: string) => void;
}

export interface RunningSandbox {
  /** e.g. https://127.0.0.1:4433 (no trailing slash). */
  readonly url: string;
  readonly adminUrl: string;
  readonly db: Database;
  close(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Starts the training register (mTLS) and its admin interface, both on 127.0.0.1. */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const pki = loadTestPki(options.pkiDir);
  const db = await openDatabase({
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
  });
  await migrate(db);
  const repository = createRepository(db);
  if ((await repository.personenAnzahl()) === 0) {
    options.onProgress?.(`Trainingsregister wird befüllt (${options.persons ?? 0} Personen) …`);
    await seedRegister(db, {
      persons: options.persons ?? 0,
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      random,
      now: now(),
    });
  }
  const register = new TrainingRegister({ sql: db, now, random });
  await register.protokollBereinigen();
  const purge = setInterval(() => void register.protokollBereinigen(), DAY_MS);
  purge.unref();

  const faults = new FaultInjector(random);
  const server = await createRegisterServer({
    db,
    faults,
    now,
    random,
    tls: {
      cert: readFileSync(pki.entities.server.files.cert, 'utf8'),
      key: readFileSync(pki.entities.server.files.key, 'utf8'),
      ca: readFileSync(pki.entities.ca.files.cert, 'utf8'),
    },
    version: (
      JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as {
        version: string;
      }
    ).version,
  });
  const url = await server.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const port = Number(new URL(url).port);
  // Fastify cannot listen twice; its Node server can, on the same port, after a close.
  const https = server.server;
  let running = true;
  const listener: RegisterListenerControl = {
    running: () => running,
    async stop() {
      if (!running) return;
      running = false;
      await new Promise<void>((resolve) => {
        https.close(() => resolve());
        https.closeAllConnections();
      });
    },
    async start() {
      if (running) return;
      await new Promise<void>((resolve, reject) => {
        https.once('error', reject);
        https.listen(port, '127.0.0.1', () => {
          https.off('error', reject);
          resolve();
        });
      });
      running = true;
    },
  };
  const admin = createAdminServer({ db, faults, now, random, listener });
  const adminUrl = await admin.listen({ host: '127.0.0.1', port: options.adminPort ?? 0 });
  return {
    url,
    adminUrl,
    db,
    async close() {
      clearInterval(purge);
      await listener.start();
      await Promise.all([server.close(), admin.close()]);
      await db.close();
    },
  };
}

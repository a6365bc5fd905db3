import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { computeMatchKeys } from '../../shared/matching';
import { azrNummer } from '../../shared/register-api';
import type { Database } from './db/database';
import { createRepository } from './db/repository';
import type { FaultInjector } from './faults';
import { faultSettingsSchema, noFaults } from './faults';
import { RegisterError } from './register/errors';
import type { Random } from './register/ids';
import { toMatchPerson } from './register/persons';
import { TrainingRegister } from './register/register';
import { seedRegister } from './seed';

/** The register's HTTPS listener, so tests can take the register off the network and back. */
export interface RegisterListenerControl {
  stop(): Promise<void>;
  start(): Promise<void>;
  running(): boolean;
}

export interface AdminServerOptions {
  readonly db: Database;
  readonly faults: FaultInjector;
  readonly now: () => Date;
  readonly random: Random;
  readonly listener?: RegisterListenerControl;
}

/**
 * The control interface for tests and trainers: plain HTTP, bound to 127.0.0.1 only by its caller,
 * on its own port. Reset, seed, merge, Sperren, faults, and read access to check what the register
 * holds (e.g. that a Meldung exists exactly once).
 */
export function createAdminServer(options: AdminServerOptions): FastifyInstance {
  const { db, faults, now, random } = options;
  const register = new TrainingRegister({ sql: db, now, random });
  const repository = createRepository(db);
  const app = Fastify({ logger: false });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof RegisterError)
      return reply.code(error.status).send(error.toFehlernachricht());
    if (error instanceof z.ZodError)
      return reply.code(400).send({ fehler: z.prettifyError(error) });
    return reply.code(500).send({ fehler: String(error) });
  });

  app.get('/admin/status', async () => ({
    personen: await repository.personenAnzahl(),
    datenbank: db.kind,
    stoerungen: faults.current,
    ...(options.listener ? { erreichbar: options.listener.running() } : {}),
  }));

  /**
   * "Register nicht erreichbar" for end-to-end tests: closes the HTTPS port (open connections are cut,
   * new ones refused) and opens it again on the same port. Data and faults stay as they are.
   */
  app.post('/admin/register/stop', async (_request, reply) => {
    if (!options.listener) return reply.code(404).send({ fehler: 'nicht verfügbar' });
    await options.listener.stop();
    return { erreichbar: false };
  });

  app.post('/admin/register/start', async (_request, reply) => {
    if (!options.listener) return reply.code(404).send({ fehler: 'nicht verfügbar' });
    await options.listener.start();
    return { erreichbar: true };
  });

  app.post('/admin/reset', async () => {
    await repository.leeren();
    faults.set(noFaults);
    return { ok: true };
  });

  app.post('/admin/seed', async (request) => {
    const body = z
      .object({
        persons: z.number().int().min(0).max(2_000_000),
        seed: z.number().int().default(1),
      })
      .parse(request.body ?? {});
    const count = await seedRegister(db, {
      persons: body.persons,
      seed: body.seed,
      random,
      now: now(),
    });
    return { personen: count };
  });

  app.post('/admin/merge', async (request) => {
    const body = z.object({ wegfallend: azrNummer, bleibend: azrNummer }).parse(request.body);
    return register.zusammenfuehren(body.wegfallend, body.bleibend);
  });

  app.post('/admin/sperre', async (request) => {
    const body = z
      .object({
        azrNummer,
        uebermittlungssperre: z.enum(['normal', 'gross']).nullable().optional(),
        verarbeitungEingeschraenkt: z.boolean().optional(),
      })
      .parse(request.body);
    const record = await repository.person(body.azrNummer);
    if (!record) throw new RegisterError(404, 'AZR_NUMMER_UNBEKANNT', 'Unbekannte AZR-Nummer.');
    const next = {
      ...record,
      ...(body.uebermittlungssperre !== undefined
        ? { uebermittlungssperre: body.uebermittlungssperre }
        : {}),
      ...(body.verarbeitungEingeschraenkt !== undefined
        ? { verarbeitungEingeschraenkt: body.verarbeitungEingeschraenkt }
        : {}),
    };
    await repository.savePerson(
      next,
      computeMatchKeys(toMatchPerson(next.grundpersonalien, next.weiterePersonalien)).all,
      now(),
    );
    return { ok: true };
  });

  app.put('/admin/faults', (request) => {
    faults.set(faultSettingsSchema.parse(request.body ?? {}));
    return faults.current;
  });

  app.delete('/admin/faults', () => {
    faults.set(noFaults);
    return faults.current;
  });

  app.get('/admin/persons/:azrNummer', async (request, reply) => {
    const { azrNummer: nummer } = z.object({ azrNummer }).parse(request.params);
    const record = await repository.person(nummer);
    return record ?? reply.code(404).send({ fehler: 'unbekannt' });
  });

  /** Persons by exact family name (to count how often a Meldung arrived). */
  app.get('/admin/persons', async (request) => {
    const { familienname } = z.object({ familienname: z.string().min(1) }).parse(request.query);
    const rows = await db.query<{ azr_nummer: string }>(
      "select azr_nummer from person where grundpersonalien->>'familienname' = $1 and zusammengefuehrt_in is null order by azr_nummer",
      [familienname],
    );
    return { azrNummern: rows.map((row) => row.azr_nummer) };
  });

  app.get('/admin/protokoll', async () => ({ eintraege: await repository.protokoll() }));

  return app;
}

import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TLSSocket } from 'node:tls';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { RegisterOperation } from '../../shared/register-api';
import {
  createOpenApiDocument,
  IDEMPOTENCY_HEADER,
  registerOperations,
} from '../../shared/register-api';
import type { Database } from './db/database';
import type { Behoerde } from './db/repository';
import { createRepository } from './db/repository';
import type { FaultInjector } from './faults';
import { RegisterError } from './register/errors';
import type { Random } from './register/ids';
import { TrainingRegister } from './register/register';
import { TR_02102_CIPHERS } from '../../electron/main/services/register/tls';

export interface RegisterServerOptions {
  readonly db: Database;
  readonly tls: { readonly cert: string; readonly key: string; readonly ca: string };
  readonly faults: FaultInjector;
  readonly now?: () => Date;
  readonly random?: Random;
  readonly version?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    behoerde?: Behoerde;
  }
}

const certificateErrors: Record<string, string> = {
  CERT_HAS_EXPIRED: 'Ihr Zertifikat ist abgelaufen. Bitte beantragen Sie ein neues Zertifikat.',
  CERT_NOT_YET_VALID: 'Ihr Zertifikat ist noch nicht gültig.',
};

/** The register over HTTPS with mandatory client certificates; the certificate names the authority. */
export async function createRegisterServer(
  options: RegisterServerOptions,
): Promise<FastifyInstance> {
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const registerOn = (sql: Database | Parameters<Parameters<Database['transaction']>[0]>[0]) =>
    new TrainingRegister({ sql, now, random });
  const repository = createRepository(options.db);

  const app = Fastify({
    logger: false,
    bodyLimit: 2 * 1024 * 1024,
    https: {
      cert: options.tls.cert,
      key: options.tls.key,
      ca: options.tls.ca,
      requestCert: true,
      // Checked per request below, so a refused caller gets a Fehlernachricht that says why
      // instead of a bare connection reset.
      rejectUnauthorized: false,
      minVersion: 'TLSv1.2',
      // The same TR-02102-2 table the client uses: the training register accepts nothing weaker.
      ciphers: TR_02102_CIPHERS,
      honorCipherOrder: true,
    },
  });

  const send = (reply: FastifyReply, error: RegisterError) =>
    reply.code(error.status).send(error.toFehlernachricht());

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/v1/') || request.url.startsWith('/v1/openapi.json')) return;
    const socket = request.raw.socket as TLSSocket;
    if (!socket.authorized) {
      const peer = socket.getPeerCertificate();
      const missing = !peer || Object.keys(peer).length === 0;
      const reason = String(socket.authorizationError ?? '');
      return send(
        reply,
        missing
          ? new RegisterError(
              401,
              'ZERTIFIKAT_FEHLT',
              'Für den Zugang zum Register ist ein Client-Zertifikat erforderlich.',
            )
          : new RegisterError(
              401,
              'ZERTIFIKAT_UNGUELTIG',
              certificateErrors[reason] ??
                'Ihr Zertifikat stammt nicht von einer vom Register anerkannten Zertifizierungsstelle.',
            ),
      );
    }
    const organisation = socket.getPeerCertificate().subject?.O;
    const behoerde =
      typeof organisation === 'string'
        ? await repository.behoerdeByOrganisation(organisation)
        : undefined;
    if (!behoerde) {
      return send(
        reply,
        new RegisterError(
          403,
          'BEHOERDE_UNBEKANNT',
          'Ihre Behörde ist für das Register nicht zugelassen.',
        ),
      );
    }
    request.behoerde = behoerde;

    const { latenzMs } = options.faults.current;
    if (latenzMs > 0) await sleep(latenzMs);
    const fault = options.faults.decide();
    if (fault === '503') {
      return reply
        .code(503)
        .send(
          new RegisterError(
            503,
            'INTERNER_FEHLER',
            'Das Register ist vorübergehend nicht verfügbar.',
          ).toFehlernachricht(),
        );
    }
    if (fault === 'abbruchVorher') {
      socket.destroy();
      return reply.hijack();
    }
    if (fault === 'abbruchNachher') request.raw.headers['x-fault'] = 'abbruchNachher';
    if (fault === 'kaputteAntwort') request.raw.headers['x-fault'] = 'kaputteAntwort';
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const fault = request.raw.headers['x-fault'];
    if (fault === 'abbruchNachher') {
      // The register has processed and committed; the answer is lost on the way back.
      request.raw.socket.destroy();
      return payload;
    }
    if (fault === 'kaputteAntwort') return '{"nachrichtentyp": "0900';
    return payload;
  });

  app.get('/v1/openapi.json', () => createOpenApiDocument(options.version ?? '0.0.0'));

  const parse = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> => {
    const result = schema.safeParse(input);
    if (!result.success) {
      throw new RegisterError(
        400,
        'NACHRICHT_UNGUELTIG',
        'Die Nachricht entspricht nicht dem Schema.',
        {
          fehlerhaftesAttribut: result.error.issues.map(
            (issue) => issue.path.join('.') || '(Nachricht)',
          ),
        },
      );
    }
    return result.data;
  };

  const route = <O extends RegisterOperation>(
    operation: O,
    handle: (
      behoerde: Behoerde,
      input: z.output<(typeof registerOperations)[O]['request']>,
      request: FastifyRequest,
    ) => unknown,
  ) => {
    const spec = registerOperations[operation];
    app.route({
      method: spec.method,
      url: spec.path,
      handler: async (request, reply) => {
        const behoerde = request.behoerde;
        if (!behoerde) throw new Error('authentication hook did not run');
        try {
          const input = parse(spec.request, spec.method === 'GET' ? request.query : request.body);
          const answer = spec.response.parse(
            await handle(
              behoerde,
              input as z.output<(typeof registerOperations)[O]['request']>,
              request,
            ),
          );
          return reply.code(200).send(answer);
        } catch (error) {
          if (error instanceof RegisterError) return send(reply, error);
          request.log.error(error);
          return send(
            reply,
            new RegisterError(500, 'INTERNER_FEHLER', 'Im Register ist ein Fehler aufgetreten.'),
          );
        }
      },
    });
  };

  /**
   * Meldungen are idempotent: the first answer to an Idempotency-Key is stored in the same
   * transaction as the data, so a repeated key — after a lost answer or a crash — changes nothing.
   */
  const idempotent =
    <I>(
      operation: RegisterOperation,
      run: (register: TrainingRegister, behoerde: Behoerde, input: I) => Promise<unknown>,
    ) =>
    async (behoerde: Behoerde, input: I, request: FastifyRequest) => {
      const key = request.headers[IDEMPOTENCY_HEADER.toLowerCase()];
      if (typeof key !== 'string' || key.length < 8 || key.length > 200) {
        throw new RegisterError(
          400,
          'NACHRICHT_UNGUELTIG',
          `Der Header ${IDEMPOTENCY_HEADER} fehlt oder ist ungültig.`,
        );
      }
      const hash = createHash('sha256').update(JSON.stringify(request.body)).digest('hex');
      const outcome = await options.db.transaction(async (tx) => {
        const repo = createRepository(tx);
        await repo.lockKey(`${behoerde.kennzeichen}:${key}`);
        const previous = await repo.idempotentAnswer(behoerde.kennzeichen, key);
        if (previous) {
          if (previous.anfrage_hash !== hash || previous.operation !== operation) {
            throw new RegisterError(
              422,
              'IDEMPOTENZ_KONFLIKT',
              'Dieser Idempotency-Key wurde bereits für eine andere Meldung verwendet.',
            );
          }
          return { status: previous.status, antwort: previous.antwort };
        }
        try {
          const antwort = await run(registerOn(tx), behoerde, input);
          await repo.saveIdempotentAnswer({
            behoerde: behoerde.kennzeichen,
            schluessel: key,
            operation,
            anfrageHash: hash,
            status: 200,
            antwort,
            zeit: now(),
          });
          return { status: 200, antwort };
        } catch (error) {
          if (!(error instanceof RegisterError) || error.status >= 500) throw error;
          return { status: error.status, antwort: error.toFehlernachricht(), error };
        }
      });
      if ('error' in outcome && outcome.error) {
        // A rejection is an answer too: remembered for the key, and logged (§ 16 AZRG-DV).
        const rejection = outcome.error;
        await options.db.transaction(async (tx) => {
          await createRepository(tx).saveIdempotentAnswer({
            behoerde: behoerde.kennzeichen,
            schluessel: key,
            operation,
            anfrageHash: hash,
            status: rejection.status,
            antwort: outcome.antwort,
            zeit: now(),
          });
          await registerOn(tx).protokolliereMeldung(
            behoerde,
            registerOperations[operation].nachricht ?? operation,
            input as { durchfuehrenderSachbearbeiter: string },
            rejection.extra.personalienGleich ?? [],
            rejection.fehlerschluessel,
          );
        });
        throw rejection;
      }
      if (outcome.status !== 200) {
        const stored = outcome.antwort as {
          fehlerfall?: { fehlerschluessel: never; fehlertext: string }[];
          personalienGleich?: string[];
        };
        const first = stored.fehlerfall?.[0];
        throw new RegisterError(
          outcome.status,
          first?.fehlerschluessel ?? 'INTERNER_FEHLER',
          first?.fehlertext ?? '',
          {
            personalienGleich: stored.personalienGleich ?? [],
          },
        );
      }
      return outcome.antwort;
    };

  const register = registerOn(options.db);
  route('health', () => ({ status: 'ok', zeit: now().toISOString() }));
  route('zulassung', (behoerde) => register.zulassung(behoerde));
  route('anfrage', (behoerde, input) => register.anfrage(behoerde, input));
  const meldung = <O extends 'erstmeldung' | 'folgemeldung' | 'datenpflege'>(
    operation: O,
    run: (
      register: TrainingRegister,
      behoerde: Behoerde,
      input: z.output<(typeof registerOperations)[O]['request']>,
    ) => Promise<unknown>,
  ) => route(operation, idempotent(operation, run));
  meldung('erstmeldung', (r, b, input) => r.erstmeldung(b, input));
  meldung('folgemeldung', (r, b, input) => r.folgemeldung(b, input));
  meldung('datenpflege', (r, b, input) => r.datenpflege(b, input));
  route('mitteilungen', (behoerde, input) =>
    register.mitteilungen(behoerde, input.nach, input.anzahl),
  );
  route('lichtbild', (behoerde, input) => register.lichtbild(behoerde, input));

  return app;
}

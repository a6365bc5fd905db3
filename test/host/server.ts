import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { build } from 'esbuild';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { BridgeDispatcher } from '../../electron/main/services/bridge';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/services/content-security-policy';

export const HOST_SCRIPT_PATH = '/__azr-host.js';

export interface BrowserHostOptions {
  /** The built renderer (`out/renderer`). */
  readonly rendererDir: string;
  readonly dispatcher: BridgeDispatcher;
  readonly logger?: boolean;
}

/** Bundles the page-side bridge client once per host start (a few milliseconds with esbuild). */
async function bundleHostScript(): Promise<string> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, 'client/http-bridge.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no host script');
  return output.text;
}

/** Puts the host script first in <head>: classic scripts run before the renderer's module. */
export const injectHostScript = (html: string): string =>
  html.replace('</head>', `  <script src="${HOST_SCRIPT_PATH}"></script>\n  </head>`);

/**
 * The browser host: serves the built renderer on 127.0.0.1 with the app's CSP and exposes every
 * bridge channel as `POST /__bridge/<channel>`, dispatched to the same handlers as in Electron.
 */
export async function createBrowserHost(options: BrowserHostOptions): Promise<FastifyInstance> {
  const [hostScript, indexHtml] = await Promise.all([
    bundleHostScript(),
    readFile(join(options.rendererDir, 'index.html'), 'utf8').catch(() => {
      throw new Error(
        `Kein gebauter Renderer in ${options.rendererDir}: bitte zuerst \`npm run build\` ausführen.`,
      );
    }),
  ]);
  const page = injectHostScript(indexHtml);

  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024 });

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cache-Control', 'no-store');
    return payload;
  });

  await app.register(fastifyStatic, { root: options.rendererDir, index: false, wildcard: true });

  const sendPage = (_request: FastifyRequest, reply: FastifyReply) =>
    reply.type('text/html; charset=utf-8').send(page);
  app.get('/', sendPage);
  app.get('/index.html', sendPage);
  app.get(HOST_SCRIPT_PATH, (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').send(hostScript),
  );

  app.post<{ Params: { channel: string }; Body: unknown }>(
    '/__bridge/:channel',
    async (request) => {
      const body = request.body;
      const payload =
        typeof body === 'object' && body !== null && 'request' in body ? body.request : undefined;
      // HTTP cannot tell frames apart; `frame-ancestors 'none'` keeps the page out of frames, and
      // the Origin header (sent by browsers on every POST) must be the host's own.
      const origin = request.headers.origin ?? '';
      return options.dispatcher.dispatch(request.params.channel, payload, {
        url: origin,
        isMainFrame: true,
      });
    },
  );

  return app;
}

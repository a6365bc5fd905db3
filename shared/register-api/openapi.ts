import { z } from 'zod';
import { errorResponse, registerOperations } from './operations';

/**
 * The OpenAPI 3.1 document of the register API, generated from the operation table (the training
 * register serves it at /v1/openapi.json).
 */
export function createOpenApiDocument(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  const error = z.toJSONSchema(errorResponse, { io: 'output' });
  for (const [operationId, operation] of Object.entries(registerOperations)) {
    const method = operation.method.toLowerCase();
    const requestSchema = z.toJSONSchema(operation.request, { io: 'input' });
    const answer = {
      description: 'Antwort des Registers',
      content: {
        'application/json': { schema: z.toJSONSchema(operation.response, { io: 'output' }) },
      },
    };
    paths[operation.path] = {
      [method]: {
        operationId,
        summary: operation.summary,
        ...(operation.nachricht ? { 'x-xauslaender-nachricht': operation.nachricht } : {}),
        ...(method === 'get'
          ? { parameters: queryParameters(requestSchema) }
          : {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: requestSchema } },
              },
            }),
        ...(operation.idempotent
          ? {
              parameters: [
                {
                  name: 'Idempotency-Key',
                  in: 'header',
                  required: true,
                  schema: { type: 'string' },
                },
              ],
            }
          : {}),
        responses: {
          '200': answer,
          default: {
            description: 'Fehlernachricht (090099)',
            content: { 'application/json': { schema: error } },
          },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'azr-desk Trainingsregister',
      version,
      description:
        'Register-API nach dem Vorbild der XAusländer-AZR-Nachrichten. Authentisierung über TLS-Client-Zertifikate.',
    },
    paths,
  };
}

function queryParameters(schema: Record<string, unknown>) {
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema: property,
  }));
}

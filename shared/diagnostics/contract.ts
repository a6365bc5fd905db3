import { z } from 'zod';

// Bridge schemas of the diagnostics area: the renderer's log lines and the diagnostics export.

export const logLineSchema = z.object({
  level: z.enum(['error', 'warn', 'info', 'debug']),
  /** A technical scope such as `settings` or `search.form`; never free text. */
  scope: z.string().regex(/^[a-z][\w.-]{0,63}$/i),
  message: z.string().max(2000),
  fields: z
    .record(z.string().max(64), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]))
    .optional(),
});

export const logWriteResponseSchema = z.object({ accepted: z.boolean() });

/** Where the zip went; `cancelled` when the caseworker closed the save dialog. */
export const diagnosticsExportSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('saved'),
    fileName: z.string().min(1),
    location: z.string().min(1),
    bytes: z.number().int().nonnegative(),
  }),
  z.object({ status: z.literal('cancelled') }),
]);

export type LogLine = z.infer<typeof logLineSchema>;
export type DiagnosticsExport = z.infer<typeof diagnosticsExportSchema>;

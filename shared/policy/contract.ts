import { z } from 'zod';
import type { SettingKey, SettingValues } from './settings';
import { schemaOf, settingKeys, settingSources, settingsTable } from './settings';

// The bridge schemas of the settings area (`settings.get`, `settings.set`), derived from the table so
// a new setting needs no change here.

const settingValueSchema = z.union([z.string(), z.number(), z.array(z.string())]);

export const effectiveSettingSchema = z.object({
  key: z.enum(settingKeys),
  value: settingValueSchema,
  source: z.enum(settingSources),
  /** Fixed by policy: shown as "von Ihrer Organisation verwaltet", never editable. */
  locked: z.boolean(),
  editable: z.boolean(),
});

export const settingsResponseSchema = z.object({
  settings: z.array(effectiveSettingSchema),
});

/** One change: the key and a value valid for that key, or null to return to the default. */
export type SettingChange = {
  [K in SettingKey]: { readonly key: K; readonly value: SettingValues[K] | null };
}[SettingKey];

const changeSchemas = settingKeys.map((key) =>
  z.object({
    key: z.literal(key),
    value: z.union([schemaOf(settingsTable[key]), z.null()]),
  }),
);

// A discriminated union per key: a value of the wrong type for its key is INVALID_REQUEST at the
// bridge, before any handler runs.
export const settingChangeSchema = z.discriminatedUnion(
  'key',
  changeSchemas as unknown as [(typeof changeSchemas)[number], ...(typeof changeSchemas)[number][]],
) as unknown as z.ZodType<SettingChange, SettingChange>;

export type EffectiveSettingView = z.infer<typeof effectiveSettingSchema>;
export type SettingsResponse = z.infer<typeof settingsResponseSchema>;

import { z } from 'zod';

/**
 * Faults the admin interface can switch on for tests: latency, 503 answers, dropped connections
 * (before or after the register processed the request — the second is what tests exactly-once
 * delivery), malformed bodies. Rates are probabilities per request.
 */
export const faultSettingsSchema = z
  .object({
    latenzMs: z.number().int().min(0).max(60_000).default(0),
    fehler503: z.number().min(0).max(1).default(0),
    abbruchVorher: z.number().min(0).max(1).default(0),
    abbruchNachher: z.number().min(0).max(1).default(0),
    kaputteAntwort: z.number().min(0).max(1).default(0),
  })
  .strict();

export type FaultSettings = z.infer<typeof faultSettingsSchema>;

export const noFaults: FaultSettings = faultSettingsSchema.parse({});

export type FaultDecision =
  'normal' | '503' | 'abbruchVorher' | 'abbruchNachher' | 'kaputteAntwort';

export class FaultInjector {
  private settings: FaultSettings = noFaults;

  constructor(private readonly random: () => number = Math.random) {}

  set(settings: FaultSettings) {
    this.settings = settings;
  }

  get current(): FaultSettings {
    return this.settings;
  }

  /** One draw per request, so the rates add up to at most one fault per request. */
  decide(): FaultDecision {
    const r = this.random();
    const { fehler503, abbruchVorher, abbruchNachher, kaputteAntwort } = this.settings;
    const outcomes: [FaultDecision, number][] = [
      ['503', fehler503],
      ['abbruchVorher', abbruchVorher],
      ['abbruchNachher', abbruchNachher],
      ['kaputteAntwort', kaputteAntwort],
    ];
    let edge = 0;
    for (const [decision, rate] of outcomes) {
      edge += rate;
      if (r < edge) return decision;
    }
    return 'normal';
  }
}

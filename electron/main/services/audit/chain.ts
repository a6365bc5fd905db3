import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ProtocolEntry } from '../../../../shared/bridge/register';
import { protocolOperations } from '../../../../shared/bridge/register';

// The hash chain of the local protocol (architecture §4: "hash-chained"). Each line is one JSON
// object carrying the hash of the line before it (`prev`) and its own (`hash` = SHA-256 over the
// line's fields in a fixed order, `prev` included). A sidecar file ("head") records where the chain
// starts (genesis, or the anchor left by a purge) and the last entry written, so that removing lines
// at either end is visible too.

/** `prev` of the very first entry. */
export const GENESIS = '0'.repeat(64);

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/** One line as stored. Strict: an added field is an edit. */
export const protocolLineSchema = z
  .object({
    seq: z.number().int().positive(),
    time: z.iso.datetime(),
    user: z.string(),
    behoerde: z.string(),
    operation: z.enum(protocolOperations),
    abrufzweck: z.string().optional(),
    geschaeftszeichen: z.string().optional(),
    azrNummern: z.array(z.string()),
    ergebnis: z.string(),
    prev: hex64,
    hash: hex64,
  })
  .strict();

export type ProtocolLine = z.infer<typeof protocolLineSchema>;

const anchorSchema = z.object({ seq: z.number().int().positive(), prev: hex64 });

/** The sidecar: chain start and end. */
export const headSchema = z
  .object({
    version: z.literal(1),
    /** The first line must carry this seq and prev (genesis, or the last purged line's hash). */
    anchor: anchorSchema,
    /** The anchor before the last purge: a crash between writing this file and the purged
     * protocol leaves the unpurged file, which is still complete. */
    previousAnchor: anchorSchema.optional(),
    /** The last entry ever appended (seq 0 / genesis before the first). */
    last: z.object({ seq: z.number().int().nonnegative(), hash: hex64 }),
    purges: z
      .array(
        z.object({
          time: z.iso.datetime(),
          removed: z.number().int().nonnegative(),
          firstKeptSeq: z.number().int().positive(),
        }),
      )
      .default([]),
  })
  .strict();

export type ProtocolHead = z.infer<typeof headSchema>;

export const initialHead = (): ProtocolHead => ({
  version: 1,
  anchor: { seq: 1, prev: GENESIS },
  last: { seq: 0, hash: GENESIS },
  purges: [],
});

/** The fields in the one order the hash is taken over (JSON key order is insertion order). */
function canonical(entry: Omit<ProtocolLine, 'hash'>): string {
  return JSON.stringify({
    seq: entry.seq,
    time: entry.time,
    user: entry.user,
    behoerde: entry.behoerde,
    operation: entry.operation,
    abrufzweck: entry.abrufzweck ?? null,
    geschaeftszeichen: entry.geschaeftszeichen ?? null,
    azrNummern: entry.azrNummern,
    ergebnis: entry.ergebnis,
    prev: entry.prev,
  });
}

export const hashOf = (entry: Omit<ProtocolLine, 'hash'>) =>
  createHash('sha256').update(canonical(entry), 'utf8').digest('hex');

export function sealLine(
  entry: Omit<ProtocolEntry, 'seq'>,
  seq: number,
  prev: string,
): ProtocolLine {
  const unsealed = {
    seq,
    time: entry.time,
    user: entry.user,
    behoerde: entry.behoerde,
    operation: entry.operation,
    ...(entry.abrufzweck !== undefined ? { abrufzweck: entry.abrufzweck } : {}),
    ...(entry.geschaeftszeichen !== undefined
      ? { geschaeftszeichen: entry.geschaeftszeichen }
      : {}),
    azrNummern: [...entry.azrNummern],
    ergebnis: entry.ergebnis,
    prev,
  };
  return { ...unsealed, hash: hashOf(unsealed) };
}

export type Verification =
  | { readonly intact: true; readonly lines: number }
  | { readonly intact: false; readonly line: number; readonly reason: string };

export const splitLines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

/**
 * Checks the whole protocol against its head. Detects: a changed line (hash), an inserted, removed
 * or reordered line (seq and prev), lines removed at the start (anchor) or the end (head `last`).
 * Not detected: a rewrite that recomputes every hash and the head consistently — the chain is
 * unkeyed, it makes tampering evident, not impossible; see README "Abrufprotokoll".
 */
export function verifyChain(text: string, head: ProtocolHead | undefined): Verification {
  const lines = splitLines(text);
  if (!head) {
    if (lines.length === 0) return { intact: true, lines: 0 };
    return {
      intact: false,
      line: 1,
      reason: 'Die Prüfdatei des Protokolls fehlt: Anfang und Ende sind nicht prüfbar.',
    };
  }
  let expectedSeq = 0;
  let expectedPrev = '';
  for (const [index, raw] of lines.entries()) {
    const lineNumber = index + 1;
    let parsed: ProtocolLine;
    try {
      parsed = protocolLineSchema.parse(JSON.parse(raw));
    } catch {
      return {
        intact: false,
        line: lineNumber,
        reason: 'Die Zeile ist kein gültiger Protokolleintrag.',
      };
    }
    const { hash, ...rest } = parsed;
    if (hashOf(rest) !== hash)
      return {
        intact: false,
        line: lineNumber,
        reason: 'Der Eintrag wurde nachträglich verändert.',
      };
    if (index === 0) {
      const anchors = [head.anchor, ...(head.previousAnchor ? [head.previousAnchor] : [])];
      if (!anchors.some((anchor) => anchor.seq === parsed.seq && anchor.prev === parsed.prev))
        return {
          intact: false,
          line: lineNumber,
          reason: 'Der Anfang des Protokolls fehlt oder wurde verändert.',
        };
    } else if (parsed.seq !== expectedSeq || parsed.prev !== expectedPrev) {
      return {
        intact: false,
        line: lineNumber,
        reason:
          'Die Verkettung ist unterbrochen: ein Eintrag wurde eingefügt, entfernt oder umgestellt.',
      };
    }
    expectedSeq = parsed.seq + 1;
    expectedPrev = hash;
  }
  const lastSeq = lines.length === 0 ? head.anchor.seq - 1 : expectedSeq - 1;
  // The file may run ahead of the head after a crash between the two writes, never behind it.
  if (lastSeq < head.last.seq)
    return {
      intact: false,
      line: lines.length + 1,
      reason: 'Am Ende des Protokolls fehlen Einträge.',
    };
  if (lastSeq === head.last.seq && lines.length > 0 && expectedPrev !== head.last.hash)
    return {
      intact: false,
      line: lines.length,
      reason: 'Der letzte Eintrag passt nicht zur Prüfdatei.',
    };
  return { intact: true, lines: lines.length };
}

// Numbers the register hands out. Injected randomness keeps tests deterministic.

export type Random = () => number;

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A new AZR-Nummer: JJMMTT of the record's creation (UTC) + a 6-digit serial. */
export function newAzrNummer(now: Date, laufnummer: number): string {
  const yy = String(now.getUTCFullYear() % 100).padStart(2, '0');
  const mm = String(now.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(now.getUTCDate()).padStart(2, '0');
  return `${yy}${mm}${dd}${String(laufnummer % 1_000_000).padStart(6, '0')}`;
}

/**
 * A Referenz-ID: 7 characters reference part, a version part (digits), one random digit. The AZR's
 * documentation gives 9–15 characters; only the version part changes on an update.
 */
export function newReferenzId(random: Random): string {
  let reference = '';
  for (let i = 0; i < 7; i++) reference += ALPHANUMERIC[Math.floor(random() * ALPHANUMERIC.length)];
  return `${reference}01${Math.floor(random() * 10)}`;
}

/** The next version of a Referenz-ID: same reference part, a higher version, a new random digit. */
export function nextReferenzId(current: string, random: Random): string {
  const reference = current.slice(0, 7);
  const version = Number(current.slice(7, -1));
  // The register's versions increase, though not necessarily by one (Rx7C56w06 → Rx7C56w13).
  const next = version + 1 + Math.floor(random() * 5);
  return `${reference}${String(next).padStart(2, '0')}${Math.floor(random() * 10)}`;
}

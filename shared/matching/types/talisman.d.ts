// talisman 1.1.4 ships no TypeScript declarations; only the two functions used here are declared.
declare module 'talisman/phonetics/daitch-mokotoff.js' {
  /** Daitch–Mokotoff Soundex: one or more 6-digit codes (branching on ambiguous letters). */
  export default function daitchMokotoff(name: string): string[];
}

declare module 'talisman/phonetics/german/cologne.js' {
  /** Kölner Phonetik (Postel 1969): a digit string. */
  export default function cologne(name: string): string;
}

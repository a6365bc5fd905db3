import type { Fehlernachricht } from '../../../shared/register-api';

type Fehlerschluessel = Fehlernachricht['fehlerfall'][number]['fehlerschluessel'];

/** A rejection the register answers with a Fehlernachricht (090099) and an HTTP status. */
export class RegisterError extends Error {
  constructor(
    readonly status: number,
    readonly fehlerschluessel: Fehlerschluessel,
    readonly fehlertext: string,
    readonly extra: { personalienGleich?: string[]; fehlerhaftesAttribut?: string[] } = {},
  ) {
    super(`${fehlerschluessel}: ${fehlertext}`);
    this.name = 'RegisterError';
  }

  toFehlernachricht(): Fehlernachricht {
    return {
      nachrichtentyp: '090099',
      hinweis: [],
      fehlerfall: [
        {
          fehlerschluessel: this.fehlerschluessel,
          fehlertext: this.fehlertext,
          fehlerhaftesAttribut: this.extra.fehlerhaftesAttribut ?? [],
        },
      ],
      personalienGleich: this.extra.personalienGleich ?? [],
    };
  }
}

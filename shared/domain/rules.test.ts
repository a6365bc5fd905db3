import { describe, expect, it } from 'vitest';
import { deutscherRegeltext, fillPlaceholders, REGEL_TEXT } from './rules';

describe('Sätze der Eingaberegeln', () => {
  it('füllt die Platzhalter mit den Werten des Verstoßes', () => {
    expect(deutscherRegeltext({ regel: 'ZU_LANG', werte: { max: 80, laenge: 95 } })).toBe(
      'Höchstens 80 Zeichen (jetzt 95). Bitte kürzen Sie den Eintrag.',
    );
    expect(fillPlaceholders('{{a}} und {{a}}, {{b}}', { a: 1 })).toBe('1 und 1, ');
  });

  it('nennt die fremde Schrift in der deutschen Form des Satzes', () => {
    expect(
      deutscherRegeltext({
        regel: 'ZEICHEN_SCHRIFT',
        werte: { schrift: 'kyrillisch', zeichen: 'И' },
      }),
    ).toMatch(/^Das Feld enthält kyrillische Schrift \(„И“\)\./);
    expect(
      deutscherRegeltext({ regel: 'ZEICHEN_SCHRIFT', werte: { schrift: 'andere', zeichen: 'ᚠ' } }),
    ).toMatch(/^Das Feld enthält nicht lateinische Schrift/);
  });

  it('jeder Satz beginnt groß oder mit einem Anführungszeichen und endet mit einem Punkt', () => {
    for (const text of Object.values(REGEL_TEXT)) expect(text).toMatch(/^[A-ZÄÖÜ„].*\.$/s);
  });
});

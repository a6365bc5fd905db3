import { describe, expect, it } from 'vitest';
import { precheckErrorCodes } from '../../shared/precheck';
import { REGEL_TEXT } from '../../shared/domain/rules';
import type { Regel } from '../../shared/domain/rules';
import { de } from './de';
import { en } from './en';

type Tree = { readonly [key: string]: string | Tree };

const keysOf = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );

describe('Übersetzungen', () => {
  it('Englisch hat genau die Schlüssel des Deutschen', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(de).sort());
  });

  it('kein Text ist leer', () => {
    const empty = [de, en].flatMap((locale) =>
      keysOf(locale).filter((key) => {
        const value = key
          .split('.')
          .reduce<Tree | string>((node, part) => (node as Tree)[part]!, locale);
        return typeof value !== 'string' || value.trim() === '';
      }),
    );
    expect(empty).toEqual([]);
  });

  it('die Hinweise der Vorprüfung gibt es auf Englisch, nicht nur die deutschen Sätze', () => {
    const untranslated = precheckErrorCodes.filter(
      (code) => en.precheck.errors[code] === de.precheck.errors[code],
    );
    expect(untranslated).toEqual([]);
    expect(Object.keys(de.precheck.errors).sort()).toEqual([...precheckErrorCodes].sort());
  });

  it('die Prüfmeldungen gibt es auf Englisch, mit keinem Platzhalter, den die Regel nicht füllt', () => {
    const placeholders = (text: string) => new Set(text.match(/\{\{\w+\}\}/g) ?? []);
    const regeln = Object.keys(REGEL_TEXT) as Regel[];
    expect(regeln.filter((regel) => en.rules[regel] === de.rules[regel])).toEqual([]);
    const unfilled = regeln.filter((regel) =>
      [...placeholders(en.rules[regel])].some((p) => !placeholders(REGEL_TEXT[regel]).has(p)),
    );
    expect(unfilled).toEqual([]);
  });
});

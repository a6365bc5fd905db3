import { describe, expect, it } from 'vitest';
import { precheckErrorCodes } from '../../shared/precheck';
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
});

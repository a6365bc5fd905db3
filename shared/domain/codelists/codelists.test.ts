import { describe, expect, it } from 'vitest';
import type { CodeListVersion } from './index';
import { CODE_LIST_URIS, CodeListRegistry, codeListVersionFromFile, codeLists } from './index';

const uri = 'urn:test:staaten';
const version = (v: string, validFrom: string, codes: Record<string, string>): CodeListVersion => ({
  uri,
  version: v,
  validFrom,
  codes: new Map(Object.entries(codes)),
});

describe('Versionierte Codelisten', () => {
  const registry = new CodeListRegistry(
    [
      version('2025-05-01', '2025-05-01', { '169': 'Weißrussland', '121': 'Albanien' }),
      version('2025-11-01', '2025-11-01', {
        '169': 'Belarus',
        '121': 'Albanien',
        '527': 'Cookinseln',
      }),
    ],
    { transitionDays: 30 },
  );

  it('vor dem Stichtag gilt nur die alte Version', () => {
    expect(registry.versionsAt(uri, '2025-10-31').map((v) => v.version)).toEqual(['2025-05-01']);
    expect(registry.isValid(uri, '527', '2025-10-31')).toBe(false);
  });

  it('um den Stichtag gelten beide Versionen nebeneinander, die neue zuerst', () => {
    expect(registry.versionsAt(uri, '2025-11-15').map((v) => v.version)).toEqual([
      '2025-11-01',
      '2025-05-01',
    ]);
    expect(registry.currentVersion(uri, '2025-11-15')?.version).toBe('2025-11-01');
    expect(registry.isValid(uri, '527', '2025-11-15')).toBe(true);
    expect(registry.label(uri, '169', '2025-11-15')).toBe('Belarus');
  });

  it('nach der Übergangszeit gilt nur noch die neue Version', () => {
    expect(registry.versionsAt(uri, '2025-12-01').map((v) => v.version)).toEqual(['2025-11-01']);
  });

  it('ein entfallener Schlüssel bleibt in der Übergangszeit gültig und wird danach abgelehnt', () => {
    const withWithdrawn = new CodeListRegistry(
      [
        version('1', '2025-05-01', { '910': 'intern' }),
        version('2', '2025-11-01', { '121': 'Albanien' }),
      ],
      { transitionDays: 30 },
    );
    expect(withWithdrawn.isValid(uri, '910', '2025-11-20')).toBe(true);
    expect(withWithdrawn.isValid(uri, '910', '2025-12-01')).toBe(false);
  });

  it('die mitgelieferten Listen sind geladen: Destatis und XInneres Geschlecht', () => {
    expect(codeLists.label(CODE_LIST_URIS.staatsangehoerigkeit, '997', '2026-01-01')).toBe(
      'staatenlos',
    );
    expect(
      codeLists
        .entries(CODE_LIST_URIS.geschlecht, '2026-01-01')
        .map((e) => e.code)
        .sort(),
    ).toEqual(['d', 'm', 'w', 'x']);
  });

  it('Abrufzweck, Art der Personalien und Trefferkategorie des BVA sind geladen', () => {
    const day = '2026-11-23';
    expect(codeLists.label(CODE_LIST_URIS.abrufzweck, '01', day)).toBe(
      'ausländerrechtliche Aufgaben',
    );
    expect(codeLists.label(CODE_LIST_URIS.abrufzweck, '21', day)).toBe('Datenpflege');
    // Version 6 is valid from 1 Nov 2025 only: before that day it offers nothing.
    expect(codeLists.isValid(CODE_LIST_URIS.abrufzweck, '01', '2025-10-31')).toBe(false);
    expect(
      codeLists
        .entries(CODE_LIST_URIS.personalienArt, day)
        .map((e) => e.code)
        .sort(),
    ).toEqual(['0', '3', '4', '5', '6', '7']);
    expect(codeLists.label(CODE_LIST_URIS.personalienArt, '7', day)).toBe('Aliaspersonalien');
    expect(codeLists.label(CODE_LIST_URIS.trefferkategorie, 'G', day)).toBe('Gleich');
  });

  it('eine fehlerhafte Codelisten-Datei wird abgewiesen statt geraten', () => {
    expect(() => codeListVersionFromFile({ uri, version: 'x', codes: [] })).toThrow();
    expect(() =>
      codeListVersionFromFile({ uri, version: 'x', codes: [{ code: '1', label: 'a' }] }),
    ).toThrow(/valid_from/);
  });
});

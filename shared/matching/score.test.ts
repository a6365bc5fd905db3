import { describe, expect, it } from 'vitest';
import { CandidateIndex } from './candidate-index';
import { explanationText, scoreCandidate } from './score';
import type { MustShowRule, ScoreResult } from './score';
import type { MatchCandidate, MatchPerson } from './types';

const stored = (over: Partial<MatchCandidate> = {}): MatchCandidate => ({
  azrNummer: '240101000001',
  familienname: 'Al Srour',
  vornamen: 'Mohyi Aldin',
  geburtsdatum: { jahr: 1990, monat: 3, tag: 14 },
  geburtsort: 'Aleppo',
  geschlecht: 'm',
  staatsangehoerigkeiten: ['475'],
  ...over,
});
const query = (over: Partial<MatchPerson> = {}): MatchPerson => {
  const { familienname, vornamen, geburtsdatum, geburtsort, geschlecht, staatsangehoerigkeiten } =
    stored();
  return {
    familienname,
    vornamen,
    geburtsdatum,
    geburtsort,
    geschlecht,
    staatsangehoerigkeiten,
    ...over,
  };
};
const texts = (r: ScoreResult) => explanationText(r).join('\n');

describe('must-show rules (§8 Abs. 6 AZRG-DV)', () => {
  it.each<[string, Partial<MatchPerson>, Partial<MatchCandidate>, MustShowRule]>([
    [
      'the same document number, even under another name',
      { familienname: 'Syouy', vornamen: 'Moha', dokumentnummern: ['N0I23456'] },
      { dokumentnummern: ['NO123456'] },
      'dokumentnummer',
    ],
    [
      'the same name in search form and a compatible date',
      { familienname: 'AL-SROUR' },
      {},
      'name-identisch',
    ],
    [
      'the same name and a date with day and month swapped',
      { geburtsdatum: { jahr: 1990, monat: 4, tag: 3 } },
      { geburtsdatum: { jahr: 1990, monat: 3, tag: 4 } },
      'name-identisch',
    ],
    [
      'the same name under a registered scheme',
      { familienname: 'Shevchenko', vornamen: 'Hryhorii' },
      { familienname: 'Schewtschenko', vornamen: 'Grigorij' },
      'umschrift',
    ],
    [
      'both names sounding alike with a compatible date',
      { familienname: 'Meyer', vornamen: 'Jörg' },
      { familienname: 'Maier', vornamen: 'Jörk' },
      'klanggleich',
    ],
    [
      'family and given names swapped',
      { familienname: 'Mohyi Aldin', vornamen: 'Al Srour' },
      {},
      'vertauscht',
    ],
    [
      'a hit on a stored alias',
      { familienname: 'Syouy', vornamen: 'Moha' },
      { weitereNamen: [{ personalienArt: '7', familienname: 'Syouy', vornamen: 'Moha' }] },
      'weitere-personalien',
    ],
  ])('shows %s at least as band B', (_, q, c, rule) => {
    const r = scoreCandidate(query(q), stored(c));
    expect(r.rule).toBe(rule);
    expect(['A', 'B']).toContain(r.band);
  });

  it('does not fire for equal names with a clearly different birth date', () => {
    const r = scoreCandidate(query(), stored({ geburtsdatum: { jahr: 1975, monat: 8, tag: 2 } }));
    expect(r.rule).toBeNull();
    expect(r.band).not.toBe('A');
  });

  it('with an unknown birth date, shows equal names only when nobody else has that name', () => {
    const letters = (i: number) =>
      [...i.toString(26)].map((d) => String.fromCharCode(97 + Number.parseInt(d, 26))).join('');
    const index = new CandidateIndex();
    for (let i = 0; i < 1100; i++) {
      const namesake = i < 3;
      index.add(
        stored({
          azrNummer: `2401010${String(i).padStart(5, '0')}`,
          familienname: namesake ? 'Haddad' : `Qa${letters(i)}`,
          vornamen: namesake ? 'Rami' : `Za${letters(i)}`,
        }),
      );
    }
    const unknown = { geburtsdatum: {} };
    const unique = scoreCandidate(
      query({ familienname: 'Qabcd', vornamen: 'Zabcd', ...unknown }),
      stored({ familienname: 'Qabcd', vornamen: 'Zabcd' }),
      index,
    );
    const shared = scoreCandidate(
      query({ familienname: 'Haddad', vornamen: 'Rami', ...unknown }),
      stored({ familienname: 'Haddad', vornamen: 'Rami' }),
      index,
    );
    expect(unique.rule).toBe('name-identisch');
    expect(shared.rule).toBeNull();
  });

  it('does not treat Mehmet as a spelling of Mohammed', () => {
    const r = scoreCandidate(
      query({ familienname: 'Yilmaz', vornamen: 'Mehmet' }),
      stored({ familienname: 'Yilmaz', vornamen: 'Mohammed' }),
    );
    expect(r.rule).toBeNull();
  });
});

describe('bands', () => {
  it('puts an identical record in band A: "Identität sehr wahrscheinlich"', () => {
    const r = scoreCandidate(query(), stored());
    expect(r.band).toBe('A');
    expect(r.score).toBeGreaterThan(24);
  });
  it('does not list a different person with only the nationality in common', () => {
    const r = scoreCandidate(
      query({ familienname: 'Haddad', vornamen: 'Rami', geburtsdatum: { jahr: 1970 } }),
      stored(),
    );
    expect(r.band).toBeNull();
  });
  it('lowers the weight of a common name when statistics are given', () => {
    const letters = (i: number) =>
      [...i.toString(26)].map((d) => String.fromCharCode(97 + Number.parseInt(d, 26))).join('');
    const index = new CandidateIndex();
    for (let i = 0; i < 1200; i++) {
      const common = i % 4 === 0;
      index.add(
        stored({
          azrNummer: `2401010${String(i).padStart(5, '0')}`,
          familienname: common ? 'Al Srour' : `Qa${letters(i)}`,
          vornamen: common ? 'Mohyi Aldin' : `Za${letters(i)}`,
          geburtsdatum: {},
        }),
      );
    }
    const common = scoreCandidate(query({ geburtsdatum: {} }), stored({ geburtsdatum: {} }), index);
    const rare = scoreCandidate(
      query({ familienname: 'Qabcd', vornamen: 'Zabcd', geburtsdatum: {} }),
      stored({ familienname: 'Qabcd', vornamen: 'Zabcd', geburtsdatum: {} }),
      index,
    );
    expect(rare.score).toBeGreaterThan(common.score + 5);
    expect(common.band).not.toBe('A');
  });

  it('treats an equal 01.01. placeholder as weak evidence', () => {
    const full = scoreCandidate(query(), stored());
    const placeholder = scoreCandidate(
      query({ geburtsdatum: { jahr: 1990, monat: 1, tag: 1 } }),
      stored({ geburtsdatum: { jahr: 1990, monat: 1, tag: 1 } }),
    );
    expect(full.score - placeholder.score).toBeGreaterThan(5);
    expect(texts(placeholder)).toContain('Geburtsdatum: Platzhalter-Datum 01.01.');
  });
});

describe('explanations a caseworker can read', () => {
  it('names the matched name form and each field in fixed words', () => {
    const r = scoreCandidate(
      query({ familienname: 'Syouy', vornamen: 'Moha', geburtsdatum: { jahr: 1990 } }),
      stored({ weitereNamen: [{ personalienArt: '7', familienname: 'Syouy', vornamen: 'Moha' }] }),
    );
    expect(r.personalienArt).toBe('7');
    expect(explanationText(r)).toEqual([
      'Namensform: Treffer über Aliaspersonalien',
      'Familienname: identisch (SYOUY)',
      'Vornamen: identisch (MOHA)',
      'Geburtsdatum: Geburtsjahr gleich, Tag/Monat unbekannt (00.00.1990 ↔ 14.03.1990)',
      'Geburtsort: identisch',
      'Staatsangehörigkeit: identisch (475)',
      'Geschlecht: identisch',
    ]);
  });
  it('says which transliteration links the names', () => {
    const r = scoreCandidate(
      query({ familienname: 'Shevchenko', vornamen: 'Yuliia' }),
      stored({ familienname: 'Shevchenko', vornamen: 'Julija' }),
    );
    expect(texts(r)).toContain(
      'Vornamen: identisch nach Umschrift (ukr. Reisepass) (YULIIA ↔ JULIJA)',
    );
  });
  it('reports a typo, a swap and a missing field', () => {
    expect(texts(scoreCandidate(query({ familienname: 'Al Srouf' }), stored()))).toContain(
      'Familienname: 1 Tippfehler (SROUF ↔ SROUR)',
    );
    expect(
      texts(scoreCandidate(query({ familienname: 'Mohyi Aldin', vornamen: 'Al Srour' }), stored())),
    ).toContain('Namensform: Vor- und Familienname vertauscht');
    expect(texts(scoreCandidate(query({ geburtsort: undefined }), stored()))).toContain(
      'Geburtsort: fehlt',
    );
  });
  it('names the Geburtsname as the matched form', () => {
    const r = scoreCandidate(
      query({ familienname: 'Haddad' }),
      stored({ familienname: 'Müller', geburtsname: 'Haddad' }),
    );
    expect(texts(r)).toContain('Namensform: Treffer über Grundpersonalien (Geburtsname)');
    expect(r.personalienArt).toBe('0');
  });
});

describe('the in-memory candidate index', () => {
  const index = new CandidateIndex();
  index.add(stored());
  index.add(stored({ azrNummer: '240101000002', familienname: 'Haddad', vornamen: 'Rami' }));
  index.add(
    stored({
      azrNummer: '240101000003',
      familienname: 'Shevchenko',
      vornamen: 'Yuliia',
      geburtsdatum: { jahr: 1985, monat: 6, tag: 2 },
      staatsangehoerigkeiten: ['166'],
    }),
  );

  it('finds the person under another transliteration', () => {
    const hits = index.search(
      query({
        familienname: 'Schewtschenko',
        vornamen: 'Julija',
        geburtsdatum: { jahr: 1985 },
        staatsangehoerigkeiten: ['166'],
      }),
    );
    expect(hits[0]?.azrNummer).toBe('240101000003');
    expect(hits[0]?.band).toMatch(/[AB]/);
  });
  it('finds the person with swapped names and an unknown birth date', () => {
    const hits = index.search(
      query({ familienname: 'Mohyi Aldin', vornamen: 'Alsrour', geburtsdatum: {} }),
    );
    expect(hits[0]?.azrNummer).toBe('240101000001');
  });
  it('returns nothing for an unrelated person', () => {
    expect(
      index.search(
        query({ familienname: 'Nowak', vornamen: 'Piotr', geburtsdatum: { jahr: 1950 } }),
      ),
    ).toEqual([]);
  });
});

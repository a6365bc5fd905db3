/**
 * Transliteration of Cyrillic names into Latin, one function per scheme that appears in real
 * documents and registers. Used to explain which scheme links two spellings and by the benchmark's
 * and training register's population generators. Every scheme is pinned by golden tables.
 */
import cyrillicToTranslit from 'cyrillic-to-translit-js';
import iuliia from 'iuliia';

export type CyrillicScheme =
  | 'icao'
  | 'icao-ukr'
  | 'ukr-reisepass'
  | 'rus-mvd-310'
  | 'rus-gost-52535'
  | 'bgn-pcgn'
  | 'dt-umschrift';

/** German labels used in explanations ("identisch nach Umschrift (ukr. Reisepass)"). */
export const CYRILLIC_SCHEME_LABELS: Readonly<Record<CyrillicScheme, string>> = {
  icao: 'ICAO 9303',
  'icao-ukr': 'ICAO 9303, ukr.',
  'ukr-reisepass': 'ukr. Reisepass',
  'rus-mvd-310': 'russ. Reisepass bis 2010',
  'rus-gost-52535': 'russ. Reisepass 2010–2013',
  'bgn-pcgn': 'engl. Umschrift',
  'dt-umschrift': 'dt. Umschrift',
};

const ukrainianPassport = cyrillicToTranslit({ preset: 'uk' });

/**
 * ICAO Doc 9303 Part 3 (7th ed.) with the Ukrainian exceptions: Г → H, И → Y (and І → I, Ї → I,
 * Є → IE, Ґ → G). iuliia's ICAO table covers only the Russian alphabet.
 */
const ICAO_UKR: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'ie',
  ж: 'zh',
  з: 'z',
  и: 'y',
  і: 'i',
  ї: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ь: '',
  ю: 'iu',
  я: 'ia',
  "'": '',
  '’': '',
  ʼ: '',
};

/**
 * German transcription (Duden) of Russian and Ukrainian names, as German authorities wrote them
 * before passports carried a Latin form: Schewtschenko, Chruschtschow, Juri.
 */
const DUDEN: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'w',
  г: 'g',
  ґ: 'g',
  д: 'd',
  е: 'e',
  ё: 'jo',
  є: 'je',
  ж: 'sch',
  з: 's',
  и: 'i',
  і: 'i',
  ї: 'ji',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'ch',
  ц: 'z',
  ч: 'tsch',
  ш: 'sch',
  щ: 'schtsch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'ju',
  я: 'ja',
  "'": '',
  '’': '',
  ʼ: '',
};
const VOWELS = new Set([...'аеёєиіїоуыэюя']);

function byTable(
  input: string,
  table: Readonly<Record<string, string>>,
  special?: (ch: string, prev: string | undefined) => string | undefined,
): string {
  const chars = [...input.normalize('NFC')];
  let out = '';
  chars.forEach((ch, i) => {
    const lower = ch.toLowerCase();
    const prev = i > 0 ? chars[i - 1]?.toLowerCase() : undefined;
    const mapped = special?.(lower, prev) ?? table[lower];
    if (mapped === undefined) {
      out += ch;
      return;
    }
    const upper = ch !== lower;
    out += upper && mapped.length > 0 ? mapped[0]!.toUpperCase() + mapped.slice(1) : mapped;
  });
  return out;
}

/** Transliterates a Cyrillic name with one scheme. Latin input passes through unchanged. */
export function transliterate(input: string, scheme: CyrillicScheme): string {
  switch (scheme) {
    case 'icao':
      return iuliia.translate(input, iuliia.ICAO_DOC_9303);
    case 'icao-ukr':
      return byTable(input, ICAO_UKR);
    case 'ukr-reisepass':
      return ukrainianPassport.transform(input);
    case 'rus-mvd-310':
      return iuliia.translate(input, iuliia.MVD_310);
    case 'rus-gost-52535':
      return iuliia.translate(input, iuliia.GOST_52535);
    case 'bgn-pcgn':
      return iuliia.translate(input, iuliia.BGN_PCGN);
    case 'dt-umschrift':
      // Е is "je" at the start and after a vowel (Jewgeni), "e" elsewhere; й is swallowed by a
      // preceding и/ы (Juri, Jewgeni), "j" after і (Andrij), "i" elsewhere (Andrei, Tolstoi).
      return byTable(input, DUDEN, (ch, prev) => {
        if (ch === 'е' && (prev === undefined || VOWELS.has(prev) || prev === 'ь' || prev === 'ъ'))
          return 'je';
        if (ch === 'й') return prev === 'и' || prev === 'ы' ? '' : prev === 'і' ? 'j' : 'i';
        return undefined;
      });
  }
}

export const CYRILLIC_SCHEMES: readonly CyrillicScheme[] = [
  'icao',
  'icao-ukr',
  'ukr-reisepass',
  'rus-mvd-310',
  'rus-gost-52535',
  'bgn-pcgn',
  'dt-umschrift',
];

/** Whether a string contains Cyrillic letters. */
export function isCyrillic(input: string): boolean {
  return /\p{Script=Cyrillic}/u.test(input);
}

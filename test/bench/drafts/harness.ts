// Runs inside the app page (bundled by run.ts, injected with CSP bypassed): drives the real drafts
// repository against Chromium's IndexedDB with the key the browser host hands out.
import { codeLists } from '../../../shared/domain/codelists';
import type { DraftContent } from '../../../shared/domain/draft';
import { emptyDraftContent } from '../../../shared/domain/draft';
import { DraftRepository } from '../../../renderer/data/drafts/repository';
import { openDatabase } from '../../../renderer/data/drafts/db';
import { appStorage } from '../support/page';

const FAMILIENNAMEN = [
  'Schewtschenko',
  'Kowalczyk',
  'Al-Rashidi',
  'Nguyễn',
  'Popescu',
  'Haddad',
  'Yılmaz',
  'Petrović',
  'Osei',
  'Rahimi',
];
const VORNAMEN = [
  'Oleksandra',
  'Łucja',
  'Yasmin',
  'Thị Lan',
  'Ionuț',
  'Karim',
  'Ayşe',
  'Dragan',
  'Kwabena',
  'Zahra',
];

async function repository(durability: 'strict' | 'relaxed') {
  const { db, cipher } = await appStorage(durability);
  return { db, repo: new DraftRepository({ db, cipher, now: () => new Date(), codeLists }) };
}

function content(i: number): DraftContent {
  const c = emptyDraftContent('erstmeldung', {
    staatsangehoerigkeit: '2021-02-19',
    geschlecht: '1',
  });
  c.geschaeftszeichen = `ABH-${2026}/${String(i).padStart(5, '0')}`;
  Object.assign(c.grundpersonalien, {
    familienname: `${FAMILIENNAMEN[i % 10]}${i % 7 === 0 ? '-Nowak' : ''}`,
    vorname: VORNAMEN[(i * 3) % 10],
    geburtsdatum: `${String((i % 28) + 1).padStart(2, '0')}.${String((i % 12) + 1).padStart(2, '0')}.${1950 + (i % 60)}`,
    geburtsort: 'Kyjiw',
    geburtsland: '166',
    staatsangehoerigkeit: ['166'],
    geschlecht: i % 2 ? 'w' : 'm',
  });
  c.weiterePersonalien.ausweispapiere.push({
    art: 'Reisepass',
    nummer: `FX${100000 + i}`,
    ausstellenderStaat: '166',
    gueltigBis: '2030-01-31',
  });
  return c;
}

/** Change → encrypted commit: one field changes per save, as a caseworker types. */
async function autosave(iterations: number, durability: 'strict' | 'relaxed'): Promise<number[]> {
  const { db, repo } = await repository(durability);
  const draft = await repo.create('erstmeldung', content(1));
  const value = draft.content;
  const times: number[] = [];
  const typed = 'Schewtschenko-Bondarenko';
  for (let i = 0; i < iterations; i++) {
    value.grundpersonalien.familienname = typed.slice(0, (i % typed.length) + 1);
    const start = performance.now();
    await repo.save(draft.id, value);
    times.push(performance.now() - start);
  }
  await repo.discard(draft.id);
  db.close();
  return times;
}

async function seed(count: number): Promise<number> {
  const { db, repo } = await repository('relaxed');
  const start = performance.now();
  for (let i = 0; i < count; i += 100)
    await Promise.all(
      Array.from({ length: Math.min(100, count - i) }, (_, k) =>
        repo.create('erstmeldung', content(i + k)),
      ),
    );
  db.close();
  return performance.now() - start;
}

/** The list's query alone (ids in display order from the indexes), without rendering. */
async function listQuery(): Promise<number[]> {
  const { db, repo } = await repository('strict');
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    await repo.listIds({});
    times.push(performance.now() - start);
  }
  db.close();
  return times;
}

/** The list's first screen alone: newest ids by cursor, their rows read and decrypted. */
async function firstPageQuery(limit: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    // A fresh repository each time: its session cache must not answer.
    const { db, repo } = await repository('strict');
    await db.open();
    const start = performance.now();
    const page = await repo.firstPage({}, limit);
    times.push(performance.now() - start);
    if (page.ids.length !== Math.min(limit, await repo.count()))
      throw new Error('first page incomplete');
    db.close();
  }
  return times;
}

async function clear(): Promise<void> {
  const db = openDatabase();
  await Promise.all([db.drafts.clear(), db.draftBlind.clear(), db.draftBodies.clear()]);
  db.close();
}

async function count(): Promise<number> {
  const db = openDatabase();
  const n = await db.drafts.count();
  db.close();
  return n;
}

/**
 * "First paint" as a user sees it: the paint of the first row that shows a decrypted name, taken
 * from the Element Timing API (the list marks a row's name `elementtiming="azr-drafts-row"` only
 * once it is decrypted — placeholders do not count). Resolves with the entry's renderTime.
 */
function firstRowPaint(after: number, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('no drafts row with content was painted'));
    }, timeoutMs);
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { renderTime: number })[]) {
        if (entry.name !== 'text-paint' && entry.name !== 'image-paint') continue;
        if ((entry as unknown as { identifier: string }).identifier !== 'azr-drafts-row') continue;
        const time = entry.renderTime || entry.startTime;
        if (time < after) continue;
        clearTimeout(timer);
        observer.disconnect();
        resolve(time);
        return;
      }
    });
    observer.observe({ type: 'element', buffered: true });
  });
}

export interface ListPaint {
  /** Click (or navigation start) → paint of the first row with a decrypted name. */
  readonly contentPaint: number;
  /** Click (or navigation start) → the app's own mark `azr:drafts-list-painted`. */
  readonly appMark: number;
}

const appMark = () => performance.getEntriesByName('azr:drafts-list-painted').at(-1)?.startTime;

/** Clicks "Entwürfe" in the navigation and waits until the first row with content is painted. */
async function openListFromNavigation(): Promise<ListPaint> {
  performance.clearMarks('azr:drafts-list-painted');
  const link = [...document.querySelectorAll<HTMLAnchorElement>('nav a')].find(
    (a) => a.textContent?.trim() === 'Entwürfe',
  );
  if (!link) throw new Error('no navigation link');
  const start = performance.now();
  performance.mark('azr-bench:click');
  const painted = firstRowPaint(start, 5_000);
  link.click();
  const contentPaint = (await painted) - start;
  for (let i = 0; i < 500 && appMark() === undefined; i++)
    await new Promise((resolve) => setTimeout(resolve, 2));
  return { contentPaint, appMark: (appMark() ?? NaN) - start };
}

/** After a reload on the list: navigation start (time origin) → first row with content painted. */
async function coldStartPaint(): Promise<ListPaint> {
  const contentPaint = await firstRowPaint(0, 10_000);
  for (let i = 0; i < 500 && appMark() === undefined; i++)
    await new Promise((resolve) => setTimeout(resolve, 2));
  return { contentPaint, appMark: appMark() ?? NaN };
}

/** Resolves once the app has unlocked the drafts (its mark), i.e. the app is idle and ready. */
async function unlocked(): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (performance.getEntriesByName('azr:drafts-unlocked').length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('drafts session did not unlock');
}

Object.assign(globalThis, {
  __draftsBench: {
    autosave,
    seed,
    clear,
    count,
    listQuery,
    firstPageQuery,
    openListFromNavigation,
    coldStartPaint,
    unlocked,
  },
});

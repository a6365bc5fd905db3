/**
 * Training-register benchmark (issue 4):
 *   DATABASE_URL=postgres://… npx tsx test/bench/sandbox/run.ts --persons 1000000 [--queries 1300]
 *     [--meldungen 500] [--reuse]
 * Seeds the population into PostgreSQL (or PGlite without DATABASE_URL), then measures
 * similar-person search (database lookup + scoring, as the register runs it) with the matching
 * benchmark's corrupted queries, and Meldungen per second over HTTPS with client certificates.
 */
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { generateQueries } from '../matching/corrupt';
import { ensureTestPki } from '../../pki/pki';
import { openDatabase } from '../../sandbox/db/database';
import { migrate } from '../../sandbox/db/migrations';
import { createRepository } from '../../sandbox/db/repository';
import { searchSimilar } from '../../sandbox/register/search';
import { SEED_BATCH, populationBatch, seedRegister } from '../../sandbox/seed';
import { startSandbox } from '../../sandbox/start';
import { registerClient } from '../../sandbox/testing/client';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '1300' },
    meldungen: { type: 'string', default: '500' },
    seed: { type: 'string', default: '1' },
    reuse: { type: 'boolean', default: false },
  },
});
const persons = Number(values.persons);
const seed = Number(values.seed);
const databaseUrl = process.env.DATABASE_URL;

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function prepare() {
  if (databaseUrl && !values.reuse) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query('drop schema public cascade; create schema public');
    await client.end();
  }
  const db = await openDatabase(databaseUrl ? { databaseUrl } : {});
  await migrate(db);
  const repository = createRepository(db);
  if (!values.reuse || (await repository.personenAnzahl()) === 0) {
    const started = performance.now();
    await seedRegister(db, {
      persons,
      seed,
      random: Math.random,
      now: new Date(),
      onProgress: (done) => {
        if (done % 50_000 === 0) console.log(`  ${done} Personen …`);
      },
    });
    await db.exec('analyze');
    console.log(
      `Befüllt: ${persons} Personen in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
  }
  return { db, repository };
}

const { db, repository } = await prepare();
const population = populationBatch(seed, 0, Math.min(SEED_BATCH, persons));
const queries = generateQueries(population, {
  perType: Math.max(1, Math.round(Number(values.queries) / 13)),
  seed: seed + 11,
});

const latencies: number[] = [];
let found = 0;
for (const query of queries) {
  const started = performance.now();
  const hits = await searchSimilar(repository, query.query);
  latencies.push(performance.now() - started);
  if (hits.some((hit) => hit.record.azrNummer === query.truth)) found++;
}
latencies.sort((a, b) => a - b);
await db.close();

// Meldungen per second, end to end over mTLS against the same database.
const pki = await ensureTestPki();
const sandbox = await startSandbox({ ...(databaseUrl ? { databaseUrl } : {}), persons: 0 });
const client = registerClient(sandbox.url, pki, 'clientMusterstadt');
const meldungen = Number(values.meldungen);
const started = performance.now();
for (let i = 0; i < meldungen; i++) {
  await client.post(
    '/v1/erstmeldung',
    {
      durchfuehrenderSachbearbeiter: 'Bench',
      durchfuehrendeBehoerde: '100001',
      geschaeftszeichen: `BENCH-${i}`,
      grundpersonalien: {
        familienname: `Benchmarkowa${i}`,
        vorname: 'Testa',
        geburtsangaben: {
          geburtsort: { unbekannt: true },
          geburtsortStaat: '998',
          tagDerGeburt: { jahr: 1990 },
        },
        staatsangehoerigkeit: ['998'],
      },
    },
    { 'idempotency-key': `bench-${Date.now()}-${i}` },
  );
}
const perSecond = meldungen / ((performance.now() - started) / 1000);
await client.close();
await sandbox.close();

console.log('');
console.log(
  `Maschine: ${cpus().length} Kerne (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
console.log(`Datenbank: ${databaseUrl ? 'PostgreSQL' : 'PGlite'}, ${persons} Personen`);
console.log(
  `Ähnlichkeitssuche: ${queries.length} Anfragen, p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${(latencies.at(-1) ?? NaN).toFixed(1)} ms; gesuchte Person gefunden in ${((100 * found) / queries.length).toFixed(1)} %`,
);
console.log(`Erstmeldungen über HTTPS (mTLS, nacheinander): ${perSecond.toFixed(0)} pro Sekunde`);

/**
 * Training-register benchmark (issue 4): seeds the population into PostgreSQL (or PGlite without
 * DATABASE_URL), then measures similar-person search as the register runs it (key lookup in the
 * database, person fetch, full scoring; after a warm-up with other persons' queries) with the
 * matching benchmark's corrupted queries, and Meldungen per second over HTTPS with client
 * certificates. Results and how to read them: test/bench/sandbox/REPORT.md.
 *
 * Reproduce the report (Debian's PostgreSQL 15, as root; 10–15 minutes on 2 cores, most of it
 * seeding a million persons):
 *   bash test/sandbox/postgres-setup.sh
 *   su postgres -c "createdb -O azr azr_bench"
 *   su postgres -c "psql -d azr_bench -c 'alter database azr_bench set jit = off' \
 *     -c 'alter database azr_bench set random_page_cost = 1.1' \
 *     -c 'alter database azr_bench set max_parallel_workers_per_gather = 0'"
 *   DATABASE_URL=postgres://azr:azr@127.0.0.1:5432/azr_bench \
 *     npm run bench:sandbox -- --persons 1000000 [--queries 1300] [--meldungen 500] [--seed 1]
 * Add --reuse to measure again on the seeded database (e.g. when the machine is quieter: the
 * numbers move with the load of other processes, which the output reports). The benchmark's
 * settings are per database, no server restart: no JIT compilation (compiling costs more than a
 * 20 ms query), data in the OS cache, no parallel workers on 2 shared cores; everything else
 * stays Debian's default (shared_buffers 128 MB).
 */
import { cpus, loadavg, totalmem } from 'node:os';
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
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `Befüllt: ${persons} Personen in ${seconds.toFixed(0)} s (${(persons / seconds).toFixed(0)} pro Sekunde)`,
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

/** Server version and the settings that matter for the search (PostgreSQL only). */
async function serverSettings(): Promise<string> {
  if (!databaseUrl) return 'PGlite';
  const [row] = await db.query<Record<string, string>>(
    `select current_setting('server_version') as version,
       current_setting('shared_buffers') as shared_buffers, current_setting('work_mem') as work_mem,
       current_setting('jit') as jit, current_setting('random_page_cost') as random_page_cost,
       current_setting('max_parallel_workers_per_gather') as parallel_workers,
       pg_size_pretty(pg_total_relation_size('person_schluessel')) as key_rows,
       pg_size_pretty(pg_total_relation_size('person_schluesselmenge')) as key_sets`,
  );
  return `PostgreSQL ${row?.version}, shared_buffers ${row?.shared_buffers}, work_mem ${row?.work_mem}, jit ${row?.jit}, random_page_cost ${row?.random_page_cost}, max_parallel_workers_per_gather ${row?.parallel_workers}; person_schluessel ${row?.key_rows}, person_schluesselmenge ${row?.key_sets}`;
}

const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ');
const loadBefore = load();
// The register is a long-running server: first warm it up (compiled scoring code, prepared
// statements, cached index pages) with other persons' queries, then measure.
const warmUp = generateQueries(populationBatch(seed, SEED_BATCH, Math.min(SEED_BATCH, persons)), {
  perType: 20,
  seed: seed + 23,
});
for (const query of warmUp) await searchSimilar(repository, query.query);

const latencies: number[] = [];
const missedByType = new Map<string, number>();
let found = 0;
for (const query of queries) {
  const started = performance.now();
  const hits = await searchSimilar(repository, query.query);
  latencies.push(performance.now() - started);
  if (hits.some((hit) => hit.record.azrNummer === query.truth)) found++;
  else missedByType.set(query.type, (missedByType.get(query.type) ?? 0) + 1);
}
latencies.sort((a, b) => a - b);
const settings = await serverSettings();
const loadAfter = load();
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
console.log(`Datenbank: ${settings}; ${persons} Personen`);
console.log(`Last (loadavg 1/5/15 min) vor der Suche ${loadBefore}, danach ${loadAfter}`);
const ms = (p: number) => `${percentile(latencies, p).toFixed(1)} ms`;
console.log(
  `Ähnlichkeitssuche: ${queries.length} Anfragen, p50 ${ms(50)}, p95 ${ms(95)}, p99 ${ms(99)}, max ${ms(100)}; gesuchte Person gefunden in ${((100 * found) / queries.length).toFixed(1)} %`,
);
if (missedByType.size > 0) {
  console.log(
    `  nicht gefunden: ${[...missedByType].map(([type, n]) => `${type} ${n}`).join(', ')}`,
  );
}
console.log(`Erstmeldungen über HTTPS (mTLS, nacheinander): ${perSecond.toFixed(0)} pro Sekunde`);

// The import core's phases in Node (npm run bench:import-parse): parse + map + find duplicates for
// 100,000 CSV rows, the part of an import that comes before the store. The rows are written the way Dutch
// Excel saves them (semicolons, UTF-8 with BOM) from the deterministic people generator, with 2% known
// duplicates (same email in another case, same phone in another format). Prints per phase the median of
// the runs and the peak memory; asserts nothing and compares with nothing: the whole import beside the
// store's own insert, measured in the same run, is `npm run bench:import` (bench/run.mjs, in Chromium).
import { findDuplicates, mapRows, readTable, suggestMapping, type ImportCandidate } from '../shared/import';
import { generatePeople } from './people-generator';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CHUNK = 10_000;

const generate = (): Uint8Array => {
  const people = generatePeople(ROWS);
  const columns = [
    'Voornaam',
    'Achternaam',
    'E-mailadres',
    'Mobiel',
    'Straat',
    'Postcode',
    'Plaats',
    'Land',
    'Functie',
    'Tags',
    'Opmerkingen',
  ];
  const rows = people.map((p, i) => {
    // Every 50th row repeats an earlier person: half by email in capitals, half by phone written nationally.
    const copy = i > 0 && i % 50 === 0;
    const source = copy ? people[i - 37]! : p;
    const email = copy && i % 100 === 0 ? source.emails![0]!.value.toUpperCase() : p.emails![0]!.value;
    const phone =
      copy && i % 100 !== 0
        ? source.phones![0]!.value.replace('+31 6 ', '06-').replace(/ /g, '')
        : p.phones![0]!.value;
    return [
      source.givenName,
      source.familyName,
      email,
      phone,
      p.address!.street,
      p.address!.postalCode,
      p.address!.city,
      'Nederland',
      p.jobTitle,
      (p.tags ?? []).join(', '),
      p.notes,
    ];
  });
  // Written as an old spreadsheet would, not through our own export (which escapes the + of phone numbers).
  const text = [columns, ...rows].map((cells) => cells.join(';')).join('\r\n');
  return new TextEncoder().encode(`\uFEFF${text}\r\n`);
};

let peakHeap = 0;
const sample = () => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
};
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const run = async (bytes: Uint8Array) => {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const table = await readTable({ name: 'bench.csv', bytes });
  sample();
  const t1 = performance.now();
  const { mapping } = suggestMapping(table.headers);
  const candidates: ImportCandidate[] = [];
  let issues = 0;
  // Chunk-wise, as the import worker does, so it can report progress and take a cancel between chunks.
  for (let start = 0; start < table.rows.length; start += CHUNK) {
    const result = mapRows(table.rows.slice(start, start + CHUNK), mapping, {
      startIndex: start,
      rowNumbers: table.rowNumbers,
    });
    candidates.push(...result.candidates);
    issues += result.issues.length;
    sample();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const t2 = performance.now();
  const valid = candidates.filter((c) => c.valid).map((c) => c.person);
  const groups = await findDuplicates(valid, [], { onProgress: sample });
  sample();
  const t3 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  return {
    cpu: (cpu.user + cpu.system) / 1000,
    read: t1 - t0,
    map: t2 - t1,
    dedupe: t3 - t2,
    total: t3 - t0,
    rows: table.rows.length,
    valid: valid.length,
    issues,
    groups: groups.length,
  };
};

const bytes = generate();
const { availableParallelism, loadavg } = await import('node:os');
console.log(
  `Import benchmark: ${ROWS.toLocaleString('en')} rows, ${mb(bytes.length)} CSV, ${RUNS} run(s), Node ${process.version}, ` +
    `${availableParallelism()} cores, load average ${loadavg()[0]!.toFixed(1)}`,
);
const results: Awaited<ReturnType<typeof run>>[] = [];
for (let i = 0; i < RUNS; i++) {
  const r = await run(bytes);
  results.push(r);
  console.log(
    `  run ${i + 1}: read ${r.read.toFixed(0)} ms, map ${r.map.toFixed(0)} ms, dedupe ${r.dedupe.toFixed(0)} ms, total ${r.total.toFixed(0)} ms, CPU ${r.cpu.toFixed(0)} ms` +
      ` (${r.valid.toLocaleString('en')} valid rows, ${r.issues} issues, ${r.groups} duplicate groups)`,
  );
}
const m = (key: 'read' | 'map' | 'dedupe' | 'total' | 'cpu') => median(results.map((r) => r[key]));
const peakRss = process.resourceUsage().maxRSS * 1024;
console.log(
  `Median: read ${m('read').toFixed(0)} ms, map ${m('map').toFixed(0)} ms, dedupe ${m('dedupe').toFixed(0)} ms, total ${m('total').toFixed(0)} ms (CPU ${m('cpu').toFixed(0)} ms; on a shared machine wall time includes waiting)`,
);
console.log(`Peak memory: RSS ${mb(peakRss)} (process maximum), heap used ${mb(peakHeap)} (sampled)`);

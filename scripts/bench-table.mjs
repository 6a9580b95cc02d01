// The README's benchmark table, written from the benches' own results (bench/results/*-latest.json):
// first sync, the whole import, insert and unlock, each beside its anchor with the ratio, the target,
// whether it was met, the commit it measured and the machine's load average then. `npm run bench:table`
// rewrites the table between <!-- bench-table:start --> and <!-- bench-table:end --> in README.md;
// `--check` only says whether it is current. test/unit/scripts/bench-table.test.ts checks that the README
// holds exactly what this prints, so no figure there is typed in by hand.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as prettier from 'prettier';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const START = '<!-- bench-table:start -->';
export const END = '<!-- bench-table:end -->';

const read = (root, name) => {
  const file = path.join(root, 'bench', 'results', name);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
};

const secs = (ms) => (ms == null ? '–' : `${(ms / 1000).toFixed(2)} s`);
const times = (x) => (x == null ? '–' : `${x.toFixed(2)}x`);
const count = (n) => n.toLocaleString('en');
const verdict = (met) => (met == null ? '–' : met ? 'met' : '**missed**');

/** The commit a results file measured, marked `+` when the measured tree had uncommitted changes. */
const commitOf = (json) => {
  const text = String(json.commit ?? 'unknown');
  const [hash] = text.split(' ');
  const dirty =
    text.includes('uncommitted') ||
    json.sharedClean === false ||
    json.rendererClean === false ||
    json.tree?.before?.sharedClean === false ||
    json.tree?.before?.rendererClean === false ||
    (json.tree && typeof json.tree.shared === 'boolean' && (!json.tree.shared || !json.tree.renderer));
  return `${hash}${dirty ? '+' : ''}`;
};

/** The 1-minute load average when the bench started, as each results file records it. */
const loadOf = (json) => {
  const before = json.loadAverageBefore ?? json.loadAverage?.before ?? json.loadAverage;
  return Array.isArray(before) ? before[0].toFixed(1) : '–';
};

const firstSyncRows = (json) => {
  if (!json) return [];
  const { summary, targets, config } = json;
  const n = count(config.people);
  const rows = [
    [
      `First sync, ${n} people: sign-in → list shows everyone`,
      secs(summary.kluisListMs),
      `PouchDB replication ${secs(summary.pouchReplicateMs)}`,
      times(summary.listRatio),
      targets.ratio.label,
      verdict(targets.ratio.met),
    ],
  ];
  if (config.people >= 100_000)
    rows.push([
      `First sync, ${n} people: usable (list and search)`,
      secs(summary.kluisListMs),
      '',
      '',
      targets.usable100k.label,
      verdict(targets.usable100k.met),
    ]);
  return rows.map((row) => [...row, commitOf(json), loadOf(json)]);
};

const importRows = (json) => {
  if (!json) return [];
  const { summary, targets, config } = json;
  const n = count(config.people);
  return [
    [
      `Whole import, ${n} people: file chosen → everyone listed`,
      secs(summary.importMs),
      `\`createMany\` ${secs(summary.createManyMs)}`,
      times(summary.ratio),
      targets.ratio.label,
      verdict(targets.ratio.met),
    ],
    [
      `Whole import, ${n} people: renderer resident memory peak`,
      `${Math.round(summary.importRssPeakMB)} MB`,
      `\`createMany\` ${Math.round(summary.createManyRssPeakMB)} MB`,
      '',
      targets.rssMB.label,
      verdict(targets.rssMB.met),
    ],
  ].map((row) => [...row, commitOf(json), loadOf(json)]);
};

const insertRows = (json) => {
  if (!json) return [];
  const { metrics, config } = json;
  return [
    [
      `Insert, ${count(config.people)} people: encrypted \`createMany\``,
      secs(metrics.insertEncryptedMs.median),
      `raw Dexie \`bulkPut\` ${secs(metrics.insertRawMs.median)}`,
      times(metrics.insertRatio.median),
      metrics.insertRatio.target,
      verdict(metrics.insertRatio.pass),
      commitOf(json),
      loadOf(json),
    ],
  ];
};

const unlockRows = (json) => {
  if (!json) return [];
  return json.sizes.flatMap((size) => {
    const n = count(size.people);
    const anchor = `raw Dexie ${size.anchor.label ?? 'read all, sort, first screen'} ${secs(size.anchor.medianMs)}`;
    const kdf = `Argon2id ${secs(size.argon2id.medianMs)} of it`;
    return [
      [`Unlock, ${n} people, with snapshot: passphrase → first painted list (${kdf})`, size.snapshot],
      [`Unlock, ${n} people, no snapshot (after a crash): the same (${kdf})`, size.cold],
    ].map(([label, figure]) => [
      label,
      secs(figure.medianMs),
      anchor,
      times(figure.ratio),
      figure.target,
      verdict(figure.met),
      commitOf(json),
      loadOf(json),
    ]);
  });
};

const HEADER = [
  'measure (median of the runs)',
  'Kluis',
  'anchor, same run',
  'ratio',
  'target',
  '',
  'commit',
  'load',
];

/** The table and its note, as Markdown formatted by Prettier (as README.md is). */
export const benchTable = async (root = repoRoot) => {
  const rows = [
    ...firstSyncRows(read(root, 'first-sync-latest.json')),
    ...firstSyncRows(read(root, 'first-sync-100000-latest.json')),
    ...importRows(read(root, 'import-latest.json')),
    ...insertRows(read(root, 'latest.json')),
    ...unlockRows(read(root, 'unlock-latest.json')),
  ];
  const line = (cells) => `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
  const markdown = [
    line(HEADER),
    line(HEADER.map(() => '---')),
    ...rows.map(line),
    '',
    'Written by `npm run bench:table` from `bench/results/*-latest.json`. Commit: the commit each bench ' +
      'measured (`+`: the tree had uncommitted changes then); load: the 1-minute load average when it ' +
      'started, on this 2-core machine.',
  ].join('\n');
  return (
    await prettier.format(markdown, { parser: 'markdown', filepath: path.join(root, 'README.md') })
  ).trim();
};

/** README.md's text between the markers, or null when they are missing. */
export const readmeTable = (readme) => {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) return null;
  return readme.slice(start + START.length, end).trim();
};

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const readmePath = path.join(repoRoot, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const table = await benchTable();
  const current = readmeTable(readme);
  if (current === null) {
    console.error(`README.md has no ${START} … ${END} markers`);
    process.exit(1);
  }
  if (process.argv.includes('--check')) {
    if (current !== table) {
      console.error('README.md benchmark table is not current: run npm run bench:table');
      process.exit(1);
    }
    console.log('README.md benchmark table is current');
  } else {
    const start = readme.indexOf(START) + START.length;
    writeFileSync(
      readmePath,
      `${readme.slice(0, start)}\n\n${table}\n\n${readme.slice(readme.indexOf(END))}`,
    );
    console.log(table);
  }
}

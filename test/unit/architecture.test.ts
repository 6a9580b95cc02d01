// The shape issue 15 asked for, checked on every run: no import cycles between shared/ folders or between
// renderer features, no product file over 400 lines, and operations defined only where the walk in
// test/integration/operations finds them. Reads the source as text; nothing is run.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '..', '..');

const sourceFiles = (folder: string): string[] => {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(ROOT, dir))) {
      const path = join(dir, name);
      if (statSync(join(ROOT, path)).isDirectory()) walk(path);
      else if (/\.(ts|tsx|mjs)$/.test(name) && !name.endsWith('.d.ts')) found.push(path);
    }
  };
  walk(folder);
  return found;
};

const IMPORT = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** Folder-level import graph: `unit` maps a file to its folder (e.g. shared/consent). */
const graphOf = (folder: string, unit: (file: string) => string | null) => {
  const edges = new Map<string, Map<string, string>>();
  for (const file of sourceFiles(folder)) {
    const from = unit(file);
    if (!from) continue;
    for (const match of readFileSync(join(ROOT, file), 'utf8').matchAll(IMPORT)) {
      const to = unit(normalize(join(dirname(file), match[1]!)));
      if (!to || to === from) continue;
      const out = edges.get(from) ?? new Map<string, string>();
      if (!out.has(to)) out.set(to, `${file} imports ${match[1]}`);
      edges.set(from, out);
    }
  }
  return edges;
};

/** Each cycle found, as the chain of imports that closes it (one per strongly connected group). */
const cyclesOf = (edges: Map<string, Map<string, string>>): string[][] => {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let next = 0;
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of edges.get(node)?.keys() ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) groups.push(group);
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return groups.map((group) =>
    group.flatMap((from) =>
      [...(edges.get(from) ?? [])].filter(([to]) => group.includes(to)).map(([, why]) => why),
    ),
  );
};

const folderOf = (depth: number, prefix: string) => (file: string) =>
  file.startsWith(prefix) && file.split('/').length > depth
    ? file.split('/').slice(0, depth).join('/')
    : null;

describe('architecture', () => {
  it('has no import cycles between shared/ folders', () => {
    expect(cyclesOf(graphOf('shared', folderOf(2, 'shared/')))).toEqual([]);
  });

  it('has no import cycles between renderer features, nor between the renderer’s parts', () => {
    expect(cyclesOf(graphOf('renderer', folderOf(3, 'renderer/features/')))).toEqual([]);
    expect(cyclesOf(graphOf('renderer', folderOf(2, 'renderer/')))).toEqual([]);
  });

  it('keeps the kit free of features: renderer/kit and renderer/ui import no feature', () => {
    const offenders = ['renderer/kit', 'renderer/ui'].flatMap((folder) =>
      sourceFiles(folder).flatMap((file) =>
        [...readFileSync(join(ROOT, file), 'utf8').matchAll(IMPORT)]
          .map((m) => normalize(join(dirname(file), m[1]!)))
          .filter((target) => target.startsWith('renderer/features/') || target.startsWith('renderer/app/'))
          .map((target) => `${file} imports ${target}`),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps every product file at 400 lines or fewer', () => {
    const long = ['shared', 'renderer', 'electron', 'server', 'scripts']
      .flatMap(sourceFiles)
      .map((file) => ({ file, lines: readFileSync(join(ROOT, file), 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > 401)
      .map(({ file, lines }) => `${file}: ${lines}`);
    expect(long).toEqual([]);
  });

  it('defines operations only in shared/**/operations.ts, where the audit walk finds them', () => {
    const elsewhere = ['shared', 'renderer', 'electron', 'server']
      .flatMap(sourceFiles)
      // shared/workspace is the kit: it defines defineOperation and factories (saveSetting) whose
      // operations are made in the folders' operations.ts files.
      .filter((file) => !file.endsWith('/operations.ts') && !file.startsWith('shared/workspace/'))
      .filter((file) => readFileSync(join(ROOT, file), 'utf8').includes('defineOperation('));
    expect(elsewhere.map((file) => relative(ROOT, join(ROOT, file)))).toEqual([]);
  });
});

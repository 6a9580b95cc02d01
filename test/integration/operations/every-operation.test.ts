/// <reference types="vite/client" />
// Every operation the UI can perform writes its own audit entry: this walks every operation defined in
// shared/**/operations.ts, runs it on a real workspace with the case its area provides, and checks the
// trail holds the entries the case names — so a new operation without a case, or one that stops
// auditing, fails here. (The walk also proves no operation is defined outside an operations.ts file:
// test/unit/architecture.test.ts checks that.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KluisDatabase } from '../../../shared/store';
import type { Operation, Workspace } from '../../../shared/workspace';
import { DEFAULT_ACTOR, openWorkspace, type OperationCases } from './harness';

const isOperation = (value: unknown): value is Operation<unknown, unknown> =>
  typeof value === 'function' && typeof (value as { operationName?: unknown }).operationName === 'string';

const operationModules = import.meta.glob<Record<string, unknown>>('../../../shared/**/operations.ts', {
  eager: true,
});
const operations = new Map<string, Operation<unknown, unknown>>();
for (const module of Object.values(operationModules))
  for (const value of Object.values(module))
    if (isOperation(value)) operations.set(value.operationName, value);

const caseModules = import.meta.glob<{ cases: OperationCases }>('./*.cases.ts', { eager: true });
const cases: OperationCases = Object.assign({}, ...Object.values(caseModules).map((m) => m.cases));

describe('every operation', () => {
  it('finds the operations and a case for each', () => {
    expect(operations.size).toBeGreaterThan(0);
    expect([...operations.keys()].filter((name) => !cases[name]).sort()).toEqual([]);
    expect(
      Object.keys(cases)
        .filter((name) => !operations.has(name))
        .sort(),
    ).toEqual([]);
  });

  let workspace: Workspace;
  let db: KluisDatabase;
  beforeAll(async () => {
    ({ workspace, db } = await openWorkspace());
  });
  afterAll(async () => {
    workspace.lock();
    await db.remove();
  });

  for (const name of [...operations.keys()].sort()) {
    it(`${name} writes its audit entry`, async () => {
      const operation = operations.get(name)!;
      const spec = cases[name]!;
      const input = await spec.input(workspace);
      const before = new Set((await workspace.audit.entries()).entries.map((e) => e.id));
      await operation(workspace, spec.actor ?? DEFAULT_ACTOR, input);
      const added = (await workspace.audit.entries()).entries.filter((e) => !before.has(e.id));
      expect(added.map((e) => ({ action: e.action, kind: e.kind }))).toEqual(
        expect.arrayContaining(spec.audits.map((a) => expect.objectContaining(a))),
      );
      expect(added.length).toBeGreaterThanOrEqual(spec.audits.length);
    });
  }
});

// The server's list of append-only kinds is the set of ledger kinds (declared with ledgerKind, or an item
// config that says `appendOnly: true` itself): found both through the configs themselves and by reading
// every source file under shared/, so a ledger added later without updating the list fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSENT_EVENT, NOTICE_RECEIPT, SUBSCRIPTION_EVENT } from '../../../../shared/consent/types';
import { FIELD_CHANGE } from '../../../../shared/rectification/field-history';
import { PROFILING_OPTOUT } from '../../../../shared/objection/profiling';
import { APPEND_ONLY_KINDS, isAppendOnlyKind } from '../../../../shared/sync/write-rules';
import { OBJECTION } from '../../../../shared/objection/objection-ledger';
import { PURPOSE_BASIS } from '../../../../shared/purposes/purposes';
import { RESTRICTION } from '../../../../shared/restriction/restriction-ledger';

const SHARED = path.resolve(__dirname, '../../../../shared');

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });

/** The kind of every ledgerKind('…', …) in the file, and of every object literal declaring `appendOnly: true`. */
const declaredAppendOnly = (text: string): string[] => [
  ...[...text.matchAll(/ledgerKind\(\s*'([a-z0-9-]+)'/g)].map((match) => match[1]!),
  ...[...text.matchAll(/appendOnly:\s*true(?!\s*;)/g)].map((match) => {
    const before = text.slice(0, match.index);
    const open = before.lastIndexOf('{');
    const kind = /kind:\s*'([a-z0-9-]+)'/.exec(before.slice(open));
    if (!kind) throw new Error(`appendOnly: true without a kind before it: ${before.slice(open, open + 80)}`);
    return kind[1]!;
  }),
];

describe('append-only kinds', () => {
  it('are exactly the item configs that declare appendOnly', () => {
    const configs = [
      PURPOSE_BASIS,
      CONSENT_EVENT,
      OBJECTION,
      RESTRICTION,
      NOTICE_RECEIPT,
      SUBSCRIPTION_EVENT,
      FIELD_CHANGE,
      PROFILING_OPTOUT,
    ];
    expect(configs.every((c) => c.appendOnly)).toBe(true);
    expect(new Set(configs.map((c) => c.kind))).toEqual(APPEND_ONLY_KINDS);
  });

  it('match every ledgerKind and `appendOnly: true` in shared/', () => {
    const declared = sourceFiles(SHARED).flatMap((file) => declaredAppendOnly(readFileSync(file, 'utf8')));
    expect(declared.length).toBe(new Set(declared).size);
    expect(new Set(declared)).toEqual(APPEND_ONLY_KINDS);
  });

  it('are told apart from other kinds', () => {
    expect(isAppendOnlyKind('consent-event')).toBe(true);
    expect(isAppendOnlyKind('activity')).toBe(false);
    expect(isAppendOnlyKind(null)).toBe(false);
  });
});

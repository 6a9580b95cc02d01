// `npm run server` builds the browser host when dist/renderer is missing or older than its sources.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rendererState } from '../../../server/renderer-build.mjs';

const touch = (file: string, seconds: number) => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '');
  utimesSync(file, seconds, seconds);
};

describe('the renderer build check', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'kluis-build-'));
    touch(path.join(root, 'renderer/main.tsx'), 1000);
    touch(path.join(root, 'shared/sync/protocol.ts'), 1000);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is missing on a fresh checkout', () => {
    expect(rendererState(root)).toBe('missing');
  });

  it('is fresh when the build is newer than every source', () => {
    touch(path.join(root, 'dist/renderer/index.html'), 2000);
    expect(rendererState(root)).toBe('fresh');
  });

  it('is stale when a renderer or shared source, or the lock file, changed after the build', () => {
    touch(path.join(root, 'dist/renderer/index.html'), 2000);
    touch(path.join(root, 'shared/sync/deep/new.ts'), 3000);
    expect(rendererState(root)).toBe('stale');
    touch(path.join(root, 'dist/renderer/index.html'), 4000);
    touch(path.join(root, 'package-lock.json'), 5000);
    expect(rendererState(root)).toBe('stale');
  });
});

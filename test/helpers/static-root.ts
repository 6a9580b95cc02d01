// A renderer build for the tests of both static servers (scripts/serve-web.mjs and the sync server's
// browser host), with what they must refuse to serve: a dotfile inside the root, and a file outside it
// that link.txt inside points to.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The words in the files that must never be served: `.env` and `outside.txt`, beside the root. */
export const HIDDEN_TEXT = 'hidden';
export const OUTSIDE_TEXT = 'outside the root';

/** Writes index.html and `assets` (by file name) under a new root in a temporary folder. */
export const makeStaticRoot = (prefix: string, assets: Readonly<Record<string, string | Uint8Array>>) => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const root = path.join(dir, 'root');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Kluis</title>');
  for (const [name, content] of Object.entries(assets))
    writeFileSync(path.join(root, 'assets', name), content);
  writeFileSync(path.join(root, '.env'), HIDDEN_TEXT);
  writeFileSync(path.join(dir, 'outside.txt'), OUTSIDE_TEXT);
  symlinkSync(path.join(dir, 'outside.txt'), path.join(root, 'link.txt'));
  return { root, remove: () => rmSync(dir, { recursive: true, force: true }) };
};

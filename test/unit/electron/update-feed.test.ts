// Which feed a packaged Kluis updates from: the one built in, or the one an administrator's policy file
// names; off in development, without either, when the policy says so, and when the policy cannot be read
// (an administrator who meant to turn updates off must not get them through a typo). Real files.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  decideUpdateFeed,
  parseFeedUrl,
  policyFilePath,
  readUpdatePolicy,
} from '../../../electron/update-feed';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kluis-update-policy-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const policyWith = async (text: string) => {
  const file = path.join(dir, 'policy.json');
  await writeFile(file, text);
  return readUpdatePolicy(file);
};

const packaged = async (text: string | null, builtInFeed: boolean) =>
  decideUpdateFeed({
    isPackaged: true,
    policy: text === null ? await readUpdatePolicy(path.join(dir, 'none.json')) : await policyWith(text),
    builtInFeed,
  });

describe('the update feed', () => {
  it('is the built-in one when there is no policy file', async () => {
    expect(await packaged(null, true)).toEqual({ enabled: true, url: null });
  });

  it('is off in a build without a feed and without a policy naming one', async () => {
    expect(await packaged(null, false)).toEqual({ enabled: false, reason: 'no-feed' });
    expect(await packaged('{"other": 1}', false)).toEqual({ enabled: false, reason: 'no-feed' });
  });

  it('is the policy’s https feed, also over a built-in one', async () => {
    const policy = '{"updateFeed": "https://updates.example.nl/kluis/"}';
    expect(await packaged(policy, true)).toEqual({ enabled: true, url: 'https://updates.example.nl/kluis/' });
    expect(await packaged(policy, false)).toEqual({
      enabled: true,
      url: 'https://updates.example.nl/kluis/',
    });
  });

  it('is off when the policy says false, whatever the build carries', async () => {
    expect(await packaged('{"updateFeed": false}', true)).toEqual({ enabled: false, reason: 'policy-off' });
  });

  it.each([
    ['broken JSON', '{"updateFeed": false'],
    ['a plain-http feed', '{"updateFeed": "http://updates.example.nl/kluis/"}'],
    ['a feed with credentials', '{"updateFeed": "https://admin:secret@updates.example.nl/"}'],
    ['true', '{"updateFeed": true}'],
    ['an array', '["https://updates.example.nl/"]'],
  ])('is off when the policy holds %s', async (_what, text) => {
    expect(await packaged(text, true)).toEqual({ enabled: false, reason: 'policy-invalid' });
  });

  it('is off when the policy file is there but cannot be read', async () => {
    await mkdir(path.join(dir, 'policy.json'));
    const policy = await readUpdatePolicy(path.join(dir, 'policy.json'));
    expect(decideUpdateFeed({ isPackaged: true, policy, builtInFeed: true })).toEqual({
      enabled: false,
      reason: 'policy-invalid',
    });
  });

  it('is off in development, even with a policy naming a feed', async () => {
    const policy = await policyWith('{"updateFeed": "https://updates.example.nl/kluis/"}');
    expect(decideUpdateFeed({ isPackaged: false, policy, builtInFeed: true })).toEqual({
      enabled: false,
      reason: 'development',
    });
  });

  it('accepts only https URLs without credentials', () => {
    expect(parseFeedUrl('https://updates.example.nl/kluis')).toBe('https://updates.example.nl/kluis');
    expect(parseFeedUrl('http://updates.example.nl/')).toBeNull();
    expect(parseFeedUrl('file:///etc/passwd')).toBeNull();
    expect(parseFeedUrl('not a url')).toBeNull();
  });
});

describe('the policy file', () => {
  it('lives where only an administrator can write, on each system', () => {
    expect(policyFilePath('win32', { ProgramData: 'D:\\ProgramData' })).toBe(
      'D:\\ProgramData\\Kluis\\policy.json',
    );
    expect(policyFilePath('win32', {})).toBe('C:\\ProgramData\\Kluis\\policy.json');
    expect(policyFilePath('darwin', {})).toBe('/Library/Application Support/Kluis/policy.json');
    expect(policyFilePath('linux', {})).toBe('/etc/kluis/policy.json');
  });
});

import { describe, expect, it } from 'vitest';
import {
  browserName,
  defaultDeviceName,
  isOwnNameDoc,
  mayCallSync,
  MEMBER_NAME_KIND,
  MemberNamePayload,
  memberNameId,
  osName,
  shortId,
} from '../../../../shared/sync';

const CHROME_LINUX =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';

describe('device name defaults', () => {
  it("names the device after its user, its hostname and its system: Anna's ThinkPad (Linux)", () => {
    const parts = { displayName: 'Anna de Vries', hostname: 'ThinkPad', platform: 'linux' };
    expect(defaultDeviceName(parts, 'en')).toBe("Anna's ThinkPad (Linux)");
    expect(defaultDeviceName(parts, 'nl')).toBe('ThinkPad van Anna (Linux)');
  });

  it('uses the browser where the host cannot read the hostname', () => {
    expect(
      defaultDeviceName({ displayName: 'Joris', platform: 'Linux x86_64', userAgent: CHROME_LINUX }, 'en'),
    ).toBe("Joris' Chrome (Linux)");
    expect(
      defaultDeviceName({ displayName: 'Mila', platform: 'Win32', userAgent: FIREFOX_WINDOWS }, 'nl'),
    ).toBe('Firefox van Mila (Windows)');
  });

  it("drops a Mac's .local and leaves out the owner nobody named", () => {
    expect(
      defaultDeviceName({ displayName: '', hostname: 'Annas-MacBook.local', platform: 'darwin' }, 'en'),
    ).toBe('Annas-MacBook (macOS)');
    expect(defaultDeviceName({ displayName: ' ', platform: 'something' }, 'en')).toBe('computer');
  });

  it('reads the common platform strings', () => {
    expect(
      ['win32', 'Win32', 'darwin', 'MacIntel', 'linux', 'Linux x86_64', 'Linux armv8l'].map(osName),
    ).toEqual(['Windows', 'Windows', 'macOS', 'macOS', 'Linux', 'Linux', 'Linux']);
    expect(browserName('curl/8.0')).toBeNull();
  });
});

describe('name storage', () => {
  it('keeps a name of 1 to 80 characters, trimmed', () => {
    expect(MemberNamePayload.parse({ name: '  Anna  ' })).toEqual({ name: 'Anna' });
    expect(MemberNamePayload.safeParse({ name: '   ' }).success).toBe(false);
    expect(MemberNamePayload.safeParse({ name: 'x'.repeat(81) }).success).toBe(false);
  });

  it("lets the server tell a member's own name documents from anyone else's by id and kind", () => {
    const own = { userId: 'u1', deviceId: 'd1' };
    const stored = (id: string) => `oabcdef123456_${id}`;
    expect(isOwnNameDoc({ id: stored(memberNameId('user', 'u1')), kind: MEMBER_NAME_KIND }, own)).toBe(true);
    expect(isOwnNameDoc({ id: stored(memberNameId('device', 'd1')), kind: MEMBER_NAME_KIND }, own)).toBe(
      true,
    );
    expect(isOwnNameDoc({ id: stored(memberNameId('user', 'u2')), kind: MEMBER_NAME_KIND }, own)).toBe(false);
    expect(isOwnNameDoc({ id: stored(memberNameId('device', 'xd1')), kind: MEMBER_NAME_KIND }, own)).toBe(
      false,
    );
    expect(isOwnNameDoc({ id: stored(memberNameId('user', 'u1')), kind: 'pipeline' }, own)).toBe(false);
  });

  it('lets every role reach the settings push, and nothing more than its role syncs besides', () => {
    expect(mayCallSync('sales', 'push', 'settings')).toBe(true);
    expect(mayCallSync('sales', 'pull', 'settings')).toBe(true);
    expect(mayCallSync('sales', 'push', 'compliance')).toBe(false);
    expect(mayCallSync('marketing', 'pull', 'compliance')).toBe(false);
  });

  it('shortens a random id for a member nobody named', () => {
    expect(shortId('01a235a9f849aa7b3c')).toBe('01a235a9…');
    expect(shortId('local')).toBe('local');
  });
});

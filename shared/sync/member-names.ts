// Names for the organisation's people and devices ("Anna de Vries", "Anna's ThinkPad (Linux)"). A name is
// an employee's personal data, so it is an organisation setting like the purposes register: encrypted
// with the organisation key and synced, never told to the server in the clear. Each member writes only
// their own name and their own device's; the server lets any role push exactly those two documents
// (write-rules.ts isOwnNameDoc), though only admins and managers push other settings.
import { z } from 'zod';
import { sealedKind } from '../store';

export const MEMBER_NAME_KIND = 'member-name';

export const MemberNamePayload = z.strictObject({
  name: z.string().trim().min(1).max(80),
});
export type MemberNamePayload = z.infer<typeof MemberNamePayload>;

export const MEMBER_NAME_CONFIG = sealedKind(MEMBER_NAME_KIND, MemberNamePayload);

/** Whose name a setting holds: a user's (by user id) or a device's (by the server's device id). */
export type NamedKind = 'user' | 'device';

/** The setting's logical id: `user-<id>` or `device-<id>` (the server checks the owner's id in it). */
export const memberNameId = (of: NamedKind, id: string): string => `${of}-${id}`;

/** Every name this device knows, by user id and by device id. */
export interface MemberNames {
  readonly users: Readonly<Record<string, string>>;
  readonly devices: Readonly<Record<string, string>>;
}

export const NO_NAMES: MemberNames = { users: {}, devices: {} };

/** A short form of a random id, for a member or device nobody has named (yet, or on this device). */
export const shortId = (id: string): string => (id.length > 10 ? `${id.slice(0, 8)}…` : id);

/** The kind of computer, from the platform string a host reports (`process.platform` or `navigator`). */
export const osName = (platform: string): string | null => {
  const p = platform.toLowerCase();
  if (p.startsWith('win')) return 'Windows';
  if (p.startsWith('darwin') || p.startsWith('mac')) return 'macOS';
  if (p.includes('android')) return 'Android';
  if (p.startsWith('iphone') || p.startsWith('ipad') || p === 'ios') return 'iOS';
  if (p.includes('linux') || p.includes('x11')) return 'Linux';
  if (p.includes('cros')) return 'ChromeOS';
  return null;
};

/** The browser a user agent names, for a device in the browser host, which cannot read the hostname. */
export const browserName = (userAgent: string): string | null => {
  if (/\bEdg\//.test(userAgent)) return 'Edge';
  if (/\bFirefox\//.test(userAgent)) return 'Firefox';
  // Headless Chromium says HeadlessChrome.
  if (/Chrom(e|ium)\//.test(userAgent)) return /Chromium\//.test(userAgent) ? 'Chromium' : 'Chrome';
  if (/\bSafari\//.test(userAgent)) return 'Safari';
  return null;
};

export interface DeviceNameParts {
  /** The user's display name, or empty when they gave none. */
  readonly displayName: string;
  /** The computer's own name (Electron reads it; the browser host cannot). */
  readonly hostname?: string | undefined;
  readonly platform: string;
  readonly userAgent?: string | undefined;
}

/**
 * A sensible default name for this device: "Anna's ThinkPad (Linux)" in English, "ThinkPad van Anna
 * (Linux)" in Dutch; without a hostname the browser stands in ("Anna's Chrome (Linux)").
 */
export const defaultDeviceName = (parts: DeviceNameParts, language: string): string => {
  const os = osName(parts.platform);
  const machine =
    parts.hostname?.trim().replace(/\.local$/i, '') ||
    (parts.userAgent ? browserName(parts.userAgent) : null) ||
    'computer';
  const owner = parts.displayName.trim().split(/\s+/)[0] ?? '';
  const base = !owner
    ? machine
    : language.startsWith('nl')
      ? `${machine} van ${owner}`
      : `${owner}${/s$/i.test(owner) ? "'" : "'s"} ${machine}`;
  return (os && os !== machine ? `${base} (${os})` : base).slice(0, 80);
};

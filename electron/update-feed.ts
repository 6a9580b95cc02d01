// Where a packaged Kluis looks for updates. A build made with KLUIS_UPDATE_URL carries its feed in
// resources/app-update.yml (electron-builder writes it; electron-updater reads it); an administrator can
// point installed copies at another feed, or turn updates off, with a policy file only an administrator
// can write. A development run, or a build without a feed and no policy naming one, never checks.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export type UpdateFeed =
  | {
      readonly enabled: true;
      /** The feed the policy names; null: the one built in (app-update.yml). */
      readonly url: string | null;
    }
  | { readonly enabled: false; readonly reason: UpdatesOffReason };

/**
 * - development: not a packaged app (`npm start`);
 * - no-feed: built without KLUIS_UPDATE_URL and no policy names a feed;
 * - policy-off: the policy file says `"updateFeed": false`;
 * - policy-invalid: a policy file is there but cannot be read as one, so nothing it may have meant to
 *   forbid is done.
 */
export type UpdatesOffReason = 'development' | 'no-feed' | 'policy-off' | 'policy-invalid';

/** What an administrator's policy file says about updates; `absent`: there is no such file. */
export type UpdatePolicy =
  | { readonly kind: 'absent' }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'feed'; readonly url: string }
  | { readonly kind: 'off' }
  | { readonly kind: 'silent' };

/** The machine-wide policy file: in a folder ordinary users cannot write to on each system. */
export const policyFilePath = (platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string => {
  if (platform === 'win32') {
    return path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Kluis', 'policy.json');
  }
  if (platform === 'darwin') return '/Library/Application Support/Kluis/policy.json';
  return '/etc/kluis/policy.json';
};

/** An https URL without credentials; updates are never fetched in the clear. */
export const parseFeedUrl = (text: unknown): string | null => {
  if (typeof text !== 'string' || text.length > 500) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && !url.username && !url.password ? url.href : null;
  } catch {
    return null;
  }
};

/** Parses the policy file's text (JSON, `updateFeed`: an https URL or false). */
export const parseUpdatePolicy = (text: string): UpdatePolicy => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'invalid' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { kind: 'invalid' };
  if (!('updateFeed' in parsed)) return { kind: 'silent' };
  const value = (parsed as { updateFeed: unknown }).updateFeed;
  if (value === false) return { kind: 'off' };
  const url = parseFeedUrl(value);
  return url === null ? { kind: 'invalid' } : { kind: 'feed', url };
};

export const readUpdatePolicy = async (file: string): Promise<UpdatePolicy> => {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { kind: 'absent' } : { kind: 'invalid' };
  }
  return parseUpdatePolicy(text);
};

export interface FeedFacts {
  readonly isPackaged: boolean;
  readonly policy: UpdatePolicy;
  /** Whether the build carries a feed (resources/app-update.yml exists). */
  readonly builtInFeed: boolean;
}

/** The policy wins over the build; an unreadable policy turns updates off rather than guess. */
export const decideUpdateFeed = ({ isPackaged, policy, builtInFeed }: FeedFacts): UpdateFeed => {
  if (!isPackaged) return { enabled: false, reason: 'development' };
  switch (policy.kind) {
    case 'invalid':
      return { enabled: false, reason: 'policy-invalid' };
    case 'off':
      return { enabled: false, reason: 'policy-off' };
    case 'feed':
      return { enabled: true, url: policy.url };
    case 'absent':
    case 'silent':
      return builtInFeed ? { enabled: true, url: null } : { enabled: false, reason: 'no-feed' };
  }
};

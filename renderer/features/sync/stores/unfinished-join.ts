// A join this device started and left before an admin's device handed over the organisation key (issue
// 20): only the server address and the user id (a random id, no secret) are kept, so the next start can
// offer to finish it by signing in with the passphrase, which checks the admin's grant as the join would.
const KEY = 'kluis.unfinishedJoin';

export interface UnfinishedJoin {
  readonly serverUrl: string;
  readonly userId: string;
}

export const unfinishedJoin = (): UnfinishedJoin | null => {
  try {
    const value = JSON.parse(
      globalThis.localStorage.getItem(KEY) ?? 'null',
    ) as Partial<UnfinishedJoin> | null;
    return typeof value?.serverUrl === 'string' && typeof value.userId === 'string'
      ? { serverUrl: value.serverUrl, userId: value.userId }
      : null;
  } catch {
    return null;
  }
};

export const rememberUnfinishedJoin = (join: UnfinishedJoin): void => {
  try {
    globalThis.localStorage.setItem(KEY, JSON.stringify(join));
  } catch {
    // Without storage the hint is lost, not the join: signing in with the passphrase still finishes it.
  }
};

export const forgetUnfinishedJoin = (): void => {
  try {
    globalThis.localStorage.removeItem(KEY);
  } catch {
    // Nothing kept, nothing to forget.
  }
};

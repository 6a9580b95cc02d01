// "Sign in again" on a linked device whose token expired (it was offline past the token's life, so
// renewal was refused: live-link.ts). The user's passphrase proves the account as at any sign-in; the
// device keeps its id, signing key and replication state and only gets a new token. Errors are values.
import { checkKdfParams, loadSodium, wipe } from '../crypto';
import { err, ok } from '../platform';
import { derivePassphraseKeys } from '../vault';
import { decodeMaterial, type AccountLink, type AccountReply } from './account-link';
import { ROUTES } from './server-routes';
import { serverClient, type Fetch } from './server-client';

export interface SignInAgainOptions {
  readonly fetch: Fetch;
  /** The link as stored, with its expired token. */
  readonly link: AccountLink;
  readonly passphrase: string;
  /** This device's public signing key (base64), as registered at its first sign-in. */
  readonly signingKey: string;
}

/** The link with a new token for the same device, or why not ('wrong-passphrase', 'device-revoked', …). */
export const signInAgain = async (options: SignInAgainOptions): Promise<AccountReply<AccountLink>> => {
  const { link, passphrase } = options;
  const anonymous = serverClient(options.fetch, { serverUrl: link.serverUrl });
  const prelogin = await anonymous.call(ROUTES.prelogin, { body: { userId: link.userId } });
  if (!prelogin.ok) return prelogin;
  const material = decodeMaterial(prelogin.value.kdf);
  if (!material) return err('bad-response');
  // As at every sign-in: a cheap cost would make the verifier cheap to brute-force.
  const kdfCheck = checkKdfParams(material.kdf);
  if (kdfCheck !== 'ok') return err(kdfCheck);
  const sodium = await loadSodium();
  const { kek, authVerifier } = derivePassphraseKeys(sodium, passphrase, material.kdf, material.format);
  wipe(kek);
  const signedIn = await anonymous.call(ROUTES.signIn, {
    body: { userId: link.userId, authVerifier, signingKey: options.signingKey, deviceId: link.deviceId },
  });
  if (!signedIn.ok) return signedIn.error === 'wrong-credentials' ? err('wrong-passphrase') : signedIn;
  if (signedIn.value.deviceId !== link.deviceId) return err('bad-response');
  return ok({ ...link, token: signedIn.value.token, expiresAt: signedIn.value.expiresAt });
};

// The unlock's worker (issue 18): Argon2id (crypto_pwhash) off the page's thread, so the page reads what
// the session and the list open with meanwhile (shared/crypto/kdf-channel.ts). It holds no key beyond the
// one it answers with, and is ended after each unlock, which frees Argon2id's memory.
import { loadSodium, serveKdf, type KdfPort } from '../../../../shared/crypto';

serveKdf(self as unknown as KdfPort, loadSodium());

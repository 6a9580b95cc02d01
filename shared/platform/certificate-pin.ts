// The sync server's certificate as clients pin it: its SHA-256 fingerprint. The server prints it as
// colon-separated upper-case hex (node:crypto's fingerprint256), Electron names a certificate
// "sha256/<base64>", and an invite carries it in 43 base64url characters; all three read to the one
// canonical form here, so a pin is compared in one way wherever it is checked.

/** A SHA-256 fingerprint in its canonical form: 32 bytes as "AB:CD:…" (upper-case hex, colons). */
export type CertificateFingerprint = string;

const HEX_FORM = /^(?:[0-9a-f]{2}[: ]?){31}[0-9a-f]{2}$/i;
const ELECTRON_FORM = /^sha256\/([A-Za-z0-9+/]{43}=)$/;
const INVITE_FORM = /^[A-Za-z0-9_-]{43}$/;

const fromBytes = (bytes: readonly number[]): CertificateFingerprint =>
  bytes.map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');

const toBytes = (fingerprint: CertificateFingerprint): number[] =>
  fingerprint.split(':').map((pair) => parseInt(pair, 16));

const decodeBase64 = (text: string): number[] | null => {
  try {
    const bytes = Array.from(atob(text), (c) => c.charCodeAt(0));
    return bytes.length === 32 ? bytes : null;
  } catch {
    return null;
  }
};

/**
 * The canonical fingerprint in any of the three forms (hex with or without colons or spaces, Electron's
 * "sha256/<base64>", an invite's base64url), or null when `text` is none of them.
 */
export const parseFingerprint = (text: unknown): CertificateFingerprint | null => {
  if (typeof text !== 'string' || text.length > 120) return null;
  const trimmed = text.trim();
  if (HEX_FORM.test(trimmed)) {
    const hex = trimmed.replace(/[: ]/g, '');
    return fromBytes(Array.from({ length: 32 }, (_, i) => parseInt(hex.slice(2 * i, 2 * i + 2), 16)));
  }
  const electron = ELECTRON_FORM.exec(trimmed);
  if (electron) {
    const bytes = decodeBase64(electron[1]!);
    return bytes ? fromBytes(bytes) : null;
  }
  if (INVITE_FORM.test(trimmed)) {
    const bytes = decodeBase64(trimmed.replace(/-/g, '+').replace(/_/g, '/') + '=');
    return bytes ? fromBytes(bytes) : null;
  }
  return null;
};

/** True when both name the same certificate, in whatever forms they are written. */
export const sameFingerprint = (a: unknown, b: unknown): boolean => {
  const x = parseFingerprint(a);
  return x !== null && x === parseFingerprint(b);
};

/** The 43 base64url characters an invite carries. */
export const inviteFingerprint = (fingerprint: CertificateFingerprint): string =>
  btoa(String.fromCharCode(...toBytes(fingerprint)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

// The Content-Security-Policy every host sends with the renderer: Electron's app:// protocol and the browser
// host's static server use this one string, so the two hosts cannot drift apart. (scripts/serve-web.mjs
// reads the array below as text: keep it an array of string literals joined with '; '.)

/**
 * Nothing loads unless listed. `wasm-unsafe-eval` lets libsodium's WebAssembly compile without allowing
 * `eval`; `unsafe-inline` styles are needed by MUI/emotion's runtime style tags.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The policy with the sync server the user connected to in Electron added to connect-src
 * (electron/sync-origin.ts checks each is a bare http(s) origin). The page the sync server serves needs
 * only 'self'; the browser host of `npm run web` adds the servers it may use (scripts/serve-web.mjs).
 */
export const contentSecurityPolicy = (connectOrigins: readonly string[] = []): string =>
  connectOrigins.length
    ? CONTENT_SECURITY_POLICY.replace(
        "connect-src 'self'",
        ["connect-src 'self'", ...connectOrigins].join(' '),
      )
    : CONTENT_SECURITY_POLICY;

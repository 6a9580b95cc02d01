// The Content-Security-Policy every host sends with the renderer: Electron's app:// protocol and the browser
// host's static server use this one string, so the two hosts cannot drift apart.

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

// The renderer's one origin, app://kluis. Window navigation, the protocol handler and the IPC sender check
// all compare against these constants.

export const APP_SCHEME = 'app';
export const APP_HOST = 'kluis';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True only for app://kluis/... — no other host, no userinfo, no port. */
export const isAppUrl = (url: string): boolean => {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === `${APP_SCHEME}:` &&
      parsed.host === APP_HOST &&
      parsed.username === '' &&
      parsed.password === '' &&
      url.toLowerCase().startsWith(`${APP_ORIGIN}/`)
    );
  } catch {
    return false;
  }
};

// Every web permission is denied: a CRM page needs no camera, location, notifications, USB or clipboard
// reads, and a compromised renderer must not be able to ask for them.
import type { Session } from 'electron';

/** The part of Electron's Session this module touches; fakes in tests implement just this. */
export type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;

export const denyAllPermissions = (session: PermissionSession): void => {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // Missing on some older Electron builds; present in the version we ship, kept defensive on purpose.
  if (typeof session.setDevicePermissionHandler === 'function') {
    session.setDevicePermissionHandler(() => false);
  }
};

// The names a user gives themselves and this device outside Settings: at sign-in and join (the names typed
// there), and when a vault made on this device connects to a server (the names given before it had ids).
import { memberNames, setName, type AccountLink } from '../../../../shared/sync';
import type { Session } from '../../../../shared/vault';
import { LOCAL_USER_ID } from '../../../kit/useCurrentUser';
import type { ChosenNames } from '../../../kit/NameFields';

/** The id a vault not linked to a server names its one user and its device by. */
export const LOCAL_NAME_ID = LOCAL_USER_ID;

/** Stores the names chosen for the linked user and this device; an empty one is left unset. */
export const nameLinkedDevice = async (
  session: Session,
  link: AccountLink,
  { displayName, deviceName }: ChosenNames,
): Promise<void> => {
  const actor = { userId: link.userId, role: link.role };
  if (displayName.trim()) await setName(session, actor, { of: 'user', id: link.userId, name: displayName });
  if (deviceName.trim()) await setName(session, actor, { of: 'device', id: link.deviceId, name: deviceName });
};

/** A vault that connects carries the names its owner gave while it was local over to their new ids. */
export const adoptLocalNames = async (session: Session, link: AccountLink): Promise<void> => {
  const names = await memberNames.run(session, undefined);
  await nameLinkedDevice(session, link, {
    displayName: names.users[link.userId] ? '' : (names.users[LOCAL_NAME_ID] ?? ''),
    deviceName: names.devices[link.deviceId] ? '' : (names.devices[LOCAL_NAME_ID] ?? ''),
  });
};

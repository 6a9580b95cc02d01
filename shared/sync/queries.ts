// What the screens read about sync, live: how many stale changes to erased people sync discarded on this
// device (merge.ts counts them), and the names of the organisation's members and devices.
import { defineQuery } from '../workspace';
import { MEMBER_NAME_CONFIG, MEMBER_NAME_KIND, type MemberNames } from './member-names';
import { DISCARD_NOTICE_ID, discardNotice } from './discard-notice';

export const discardedCount = defineQuery(
  'sync.discardedCount',
  [{ collection: 'vault', ids: [DISCARD_NOTICE_ID] }],
  async (workspace): Promise<number> => (await discardNotice(workspace)).count,
);

/** Every member's and device's name this device holds; a setting that cannot be opened is left out. */
export const memberNames = defineQuery(
  'sync.memberNames',
  [{ collection: 'settings', kinds: [MEMBER_NAME_KIND] }],
  async (workspace): Promise<MemberNames> => {
    const users: Record<string, string> = {};
    const devices: Record<string, string> = {};
    for (const { id, data } of (await workspace.settings(MEMBER_NAME_CONFIG).list()).records) {
      if (id.startsWith('user-')) users[id.slice('user-'.length)] = data.name;
      else if (id.startsWith('device-')) devices[id.slice('device-'.length)] = data.name;
    }
    return { users, devices };
  },
);

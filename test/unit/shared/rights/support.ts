// What the rights tests share: the DPO acting on a device, and the restriction of a person who contests their data.
import { recordRestriction } from '../../../../shared/restriction';
import type { Actor } from '../../../../shared/purposes/vocabulary';
import { LOCAL_ACTOR, type Workspace } from '../../../../shared/workspace';

/** The DPO, on their own device, who records the people's requests. */
export const ACTOR: Actor = { userId: 'user-dpo', deviceId: 'device-a' };

/**
 * Restricts the person while they contest the accuracy of their data (Art. 18(1)(a)): only their emails,
 * the correction they asked for, stay editable.
 */
export const restrictButEmails = (session: Workspace, personId: string) =>
  recordRestriction(session, LOCAL_ACTOR, {
    recordedBy: ACTOR,
    personId,
    type: 'restricted',
    reason: 'accuracy_contested',
    editableFields: ['emails'],
  });

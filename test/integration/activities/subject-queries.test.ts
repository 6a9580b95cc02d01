// A subject's live panels on a real vault (RxDB memory storage, real libsodium): the timeline and the
// rights panel read one subject's items, so an activity or a restriction about someone else does not
// reload them, while one about the subject (or, for an organisation, one of its people) does.
import { describe, expect, it } from 'vitest';
import { ACTIVITY_ITEMS, subjectTimeline } from '../../../shared/activities';
import { subjectRights } from '../../../shared/rectification';
import { RESTRICTION } from '../../../shared/restriction';
import { storeZeelandPeople } from '../../fixtures/people';
import { watchReloads } from '../../helpers/reloads';
import { useMemoryVaults } from '../../helpers/vaults';

const open = useMemoryVaults();

describe('subject queries', () => {
  it('reload a subject’s timeline and rights panel only for items about that subject', async () => {
    const workspace = await open();
    const { organisation, colleague, stranger } = await storeZeelandPeople(workspace);
    const { after, stop } = watchReloads(workspace, {
      organisationTimeline: subjectTimeline.reads([organisation.id, colleague.id]),
      strangerTimeline: subjectTimeline.reads([stranger.id]),
      colleagueRights: subjectRights.reads(colleague.id),
      strangerRights: subjectRights.reads(stranger.id),
    });
    const call = (subjectId: string) =>
      workspace.items(ACTIVITY_ITEMS).create(subjectId, {
        type: 'call',
        occurredAt: Date.now(),
        title: 'Nagebeld',
        createdBy: 'local',
      });
    const restrict = (subjectId: string) =>
      workspace.items(RESTRICTION).create(subjectId, {
        type: 'restricted',
        reason: 'accuracy_contested',
        at: Date.now(),
        recordedBy: 'u1',
        deviceId: 'd1',
      });

    await after(() => call(colleague.id), ['organisationTimeline']);
    await after(() => call(organisation.id), ['organisationTimeline']);
    await after(() => call(stranger.id), ['strangerTimeline']);
    await after(() => restrict(stranger.id), ['strangerRights']);
    await after(() => restrict(colleague.id), ['colleagueRights']);
    stop();

    expect((await subjectTimeline.run(workspace, [stranger.id])).activities).toHaveLength(1);
    expect((await subjectRights.run(workspace, colleague.id)).restriction).toMatchObject({
      restricted: true,
    });
  });
});

// The breach register is the admin's (the DPO's) alone in the core as in sync: its Art. 34 letters hold the
// names and addresses of everyone a breach affects, a bulk export that does not pass the purpose gate, so
// another role that opens the screen by its address is refused every breach operation.
import { describe, expect, it } from 'vitest';
import { exportBreach, openBreach, saveBreach } from '../../../../shared/breach/operations';
import { BREACH, type BreachInput } from '../../../../shared/breach/types';
import { ForbiddenError, LOCAL_ACTOR, ROLES, type Actor } from '../../../../shared/workspace';
import { useMemoryVaults } from '../../../helpers/vaults';
import { annelies } from '../../../fixtures/people';

const open = useMemoryVaults();
const awareAt = Date.UTC(2027, 2, 27, 8, 0);

describe('the breach register', () => {
  it('refuses the letters, the register and its changes to every role but admin', async () => {
    const session = await open();
    const person = await session.people.create(annelies);
    const breach: BreachInput = {
      title: 'Laptop stolen from car',
      source: 'device-loss',
      awareAt,
      nature: { properties: ['confidentiality'], events: ['stolen'] },
      affectedSubjectIds: [person.id],
      createdAt: awareAt,
      createdBy: 'local',
    };
    const { id } = await session.compliance(BREACH).put(breach);
    const letters = { id, format: 'letters', language: 'en', timeZone: 'UTC', now: awareAt } as const;
    let saved = 0;
    const deliver = async () => `letters-${++saved}.html`;

    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const actor: Actor = { userId: `user-${role}`, role };
      await expect(exportBreach(session, actor, { ...letters, deliver })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await expect(openBreach(session, actor, id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(saveBreach(session, actor, { id: null, breach })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(saved).toBe(0);

    const done = await exportBreach(session, LOCAL_ACTOR, { ...letters, deliver });
    expect(done.letters).toBe(1);
  });
});

// Teams (issue 19, item 1): a team defined by a manager is kept encrypted among the organisation's settings,
// a list narrowed to it shows the people whose owner is a member and hides the rest, and a report saved for
// it counts only its members' deals and says, in the workbook and the audit trail, which team it was for.
import { describe, expect, it } from 'vitest';
import { createDeal } from '../../../shared/deals';
import { createOrganisation, createPerson } from '../../../shared/directory';
import { DEFAULT_LIMITS, readXlsx } from '../../../shared/import';
import { exportReports, type ReportTexts } from '../../../shared/reports';
import { loadTeams, ownedByTeam, removeTeam, saveTeam, teams } from '../../../shared/teams';
import { LOCAL_ACTOR } from '../../../shared/workspace';
import { somePerson, useConsentVaults } from '../consent/support';

const open = useConsentVaults();

const texts: ReportTexts = {
  title: (id) => id,
  column: (_id, column) => column,
  owner: (userId) => userId,
  stage: (stageId) => stageId,
  outcome: (outcome) => outcome,
  status: (status) => status,
  age: (age) => age,
  noReason: '-',
};

describe('teams', () => {
  it('keeps a team encrypted, edits and removes it, and narrows a list to its members’ records', async () => {
    const session = await open();
    session.audit.setActor('user0anna');
    const annas = await createPerson(session, LOCAL_ACTOR, somePerson(1));
    session.audit.setActor('user00bram');
    const brams = await createPerson(session, LOCAL_ACTOR, somePerson(2));

    const north = await saveTeam(session, LOCAL_ACTOR, {
      id: null,
      team: { name: 'Verkoop Noord', memberIds: ['user0anna', 'user0anna', 'user0cees'] },
    });
    expect(north.memberIds).toEqual(['user0anna', 'user0cees']);
    expect(await teams.run(session, undefined)).toEqual([north]);
    // Stored sealed: the name and the members are in no document in the clear.
    const stored = JSON.stringify(await session.db.settings.find().exec());
    expect(stored).not.toContain('Verkoop Noord');
    expect(stored).not.toContain('user0cees');

    const people = (await session.people.loadAll()).records;
    const inNorth = people.filter((p) => ownedByTeam(north, p.data.ownerId)).map((p) => p.id);
    expect(inNorth).toEqual([annas.id]);
    expect(inNorth).not.toContain(brams.id);

    await saveTeam(session, LOCAL_ACTOR, {
      id: north.id,
      team: { name: 'Verkoop Noord', memberIds: ['user00bram'] },
    });
    const [edited] = await loadTeams(session);
    expect(people.filter((p) => ownedByTeam(edited!, p.data.ownerId)).map((p) => p.id)).toEqual([brams.id]);

    await removeTeam(session, LOCAL_ACTOR, north.id);
    expect(await loadTeams(session)).toEqual([]);
    const trail = (await session.audit.entries()).entries.filter((e) => e.kind === 'team');
    expect(trail.map((e) => e.action).sort()).toEqual(['create', 'delete', 'update']);
    expect(JSON.stringify(trail)).not.toContain('Verkoop');
  });

  it("exports a team's figures only, says the team in the workbook and audits its id", async () => {
    const session = await open();
    const organisation = await createOrganisation(session, LOCAL_ACTOR, {
      name: 'Bakkerij Noorderlicht',
      source: { method: 'business_card', obtainedOn: '2026-11-02' },
    });
    const deal = (ownerId: string, value: number) =>
      createDeal(session, LOCAL_ACTOR, {
        title: `Deal ${ownerId}`,
        organisationId: organisation.id,
        stageId: 'lead',
        value,
        ownerId,
        expectedCloseDate: '2026-06-15',
      });
    const annas = await deal('user0anna', 100_000);
    await deal('user00bram', 700_000);
    const team = await saveTeam(session, LOCAL_ACTOR, {
      id: null,
      team: { name: 'Verkoop Noord', memberIds: ['user0anna'] },
    });

    let bytes: Uint8Array = new Uint8Array();
    await exportReports(session, LOCAL_ACTOR, {
      // The screen's member list is not trusted: the export reads the team as this device holds it.
      filter: {
        from: '2026-01-01',
        to: '2026-12-31',
        ownerId: null,
        team: { id: team.id, memberIds: ['user0anna', 'user00bram'] },
        currency: 'EUR',
      },
      format: 'xlsx',
      texts,
      language: 'en',
      title: 'Reports',
      scope: '2026-01-01 to 2026-12-31 · Everyone · Team Verkoop Noord · amounts in EUR',
      scopeSheet: 'Filters',
      fileName: 'reports',
      deliver: async (file) => {
        bytes = file.bytes;
        return 'reports.xlsx';
      },
    });
    const workbook = readXlsx('reports.xlsx', bytes, DEFAULT_LIMITS);
    expect(workbook.sheetNames.at(-1)).toBe('Filters');
    const filters = readXlsx('reports.xlsx', bytes, DEFAULT_LIMITS, 'Filters').records;
    expect(JSON.stringify(filters)).toContain('Team Verkoop Noord');
    const forecast = readXlsx('reports.xlsx', bytes, DEFAULT_LIMITS, 'forecast').records;
    // Anna's 1,000.00 alone; Bram's 7,000.00 is not the team's.
    expect(JSON.stringify(forecast)).toContain('1000');
    expect(JSON.stringify(forecast)).not.toContain('7000');

    const [entry] = (await session.audit.entries()).entries.filter((e) => e.kind === 'report');
    expect(entry?.details).toMatchObject({ team: team.id, owner: 'all' });
    expect(entry?.recordIds).toEqual([annas.id]);
  });
});

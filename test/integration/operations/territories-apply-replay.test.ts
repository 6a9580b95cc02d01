// Attack (helper-92, review of 9ab6868): finishing an interrupted move must not let a lying server choose
// the page. After the admin moved a customer from Zuid to Noord by hand (no rule matches them), the server
// sends the admin's device Zuid's former key page (still wrapping the customer) and the customer's profile
// as it was sealed for that page: both are documents the admin's own device wrote, replayed; an admin's
// pulls pass untouched. The next apply must not re-seal the customer for Zuid's page nor drop them from
// Noord's: Noord's devices would lose the customer and Zuid's would receive them again, with no move note.
// The page kept is one of the territory the admin's latest accepted move went to (page-moves.ts); on the
// code of 9ab6868 the customer ended in Zuid's page alone.
// RxDB memory storage, real libsodium; the server's replay is played by storing the former documents.
import { describe, expect, it } from 'vitest';
import { keyPageEntries } from '../../../shared/store';
import { applyTerritories, moveToTerritory, territoryOfPage } from '../../../shared/territories';
import { annelies } from '../../fixtures/people';
import { DEFAULT_ACTOR, workspacePerTest } from './harness';
import { defineOn } from './territories.cases';

describe('finishing an interrupted move against a replaying server', () => {
  const fresh = workspacePerTest();

  it("a replayed former page and profile do not move a customer back to the server's choice", async () => {
    const { workspace, db } = fresh;
    const north = (await defineOn(workspace, 'Noord', '1000', '1999')).data;
    const south = (await defineOn(workspace, 'Zuid', '5000', '5999')).data;
    // A postal code no rule matches: this customer is placed by hand.
    const id = (
      await workspace.people.create({
        ...annelies,
        address: { street: '', postalCode: '9999 ZZ', city: '', region: '', country: 'NL' },
      })
    ).id;
    await moveToTerritory(workspace, [id], { tag: south.tag, epochId: south.epochId });
    const former = {
      keys: (await db.keys.find().exec()).map((d) => d.toJSON()),
      profile: (await db.records.findOne(id).exec())!.toJSON(),
    };
    expect(territoryOfPage(former.profile.keyId)).toBe(south.tag);
    await moveToTerritory(workspace, [id], { tag: north.tag, epochId: north.epochId });
    const northPage = (await db.records.findOne(id).exec())!.keyId;
    expect(territoryOfPage(northPage)).toBe(north.tag);

    // The server's replay: Zuid's former page and the profile sealed for it.
    await db.keys.bulkUpsert(former.keys.filter((page) => territoryOfPage(page.id) === south.tag));
    await db.records.bulkUpsert([former.profile]);

    await applyTerritories(workspace, DEFAULT_ACTOR, undefined);
    const pagesOf = (await db.keys.find().exec())
      .filter((page) => id in keyPageEntries(page.payload))
      .map((page) => territoryOfPage(page.id));
    // Finished for the territory of the admin's latest move: Noord's page alone wraps the customer, and
    // every record of theirs is sealed for it; nothing is written for Zuid's page.
    expect(pagesOf).toEqual([north.tag]);
    const records = await db.records.find({ selector: { subjectId: id } }).exec();
    expect(records.map((d) => territoryOfPage(d.keyId))).toEqual(records.map(() => north.tag));
    expect((await workspace.people.loadAll()).records.map((p) => p.id)).toEqual([id]);
  }, 120_000);
});

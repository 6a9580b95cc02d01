// Every admin holds every territory's key (issue 19), whichever admin's device defined it: an admin's
// device, on its pass over the territories (withheld.ts), publishes its admin roster (roster.ts) and grants
// each territory whose current key it holds to the admins its view names who do not hold it yet (an admin
// let in or promoted after the territory was made, or on another device). The grant keeps every holder of
// now, so it moves no key to a new epoch; a device whose view would leave a holder out (a roster it has
// not read yet) leaves the territory to another admin's device.
import { err, ok, type Result } from '../platform';
import { ROUTES, serverClient } from '../sync';
import { listTerritories } from './definitions';
import { holdersOf, type TerritoryError } from './keys';
import { publishAdminRoster } from './roster';
import { setTerritoryHolders, type TerritoryRotationContext } from './rotation';
import { territoryKeyId } from './tags';

/** Answers the tags granted to an admin who lacked them. */
export const grantEveryAdmin = async (
  ctx: TerritoryRotationContext,
): Promise<Result<{ granted: string[] }, TerritoryError>> => {
  const view = await publishAdminRoster(ctx);
  const users = await serverClient(ctx.fetch, ctx.link).call(ROUTES.listUsers);
  if (!users.ok) return users;
  const admins = users.value
    .filter((u) => u.role === 'admin' && u.status === 'active' && view.admins.has(u.id))
    .map((u) => u.id);
  const granted: string[] = [];
  for (const { data } of await listTerritories(ctx)) {
    if (!ctx.session.territoryKeys.has(territoryKeyId(data.tag, data.epochId))) continue;
    if (admins.every((id) => data.holders.includes(id))) continue;
    const next = await holdersOf(ctx, data, view);
    if (!next.ok) return next;
    if (!data.holders.every((id) => next.value.includes(id))) continue;
    const done = await setTerritoryHolders(ctx, data.tag, { members: data.members, managers: data.managers });
    if (!done.ok) return err(done.error);
    granted.push(data.tag);
    await ctx.session.audit.record({
      action: 'territory',
      kind: 'territory-holders',
      recordIds: [data.tag],
      details: { holders: done.value.data.holders.length, reason: 'every-admin' },
    });
  }
  return ok({ granted });
};

// What the territory screens read, live: the territories defined (organisation settings), and how many
// territories this device keeps although the server stopped granting them (withheld.ts), for a notice.
import { defineQuery } from '../workspace';
import { listTerritories, TERRITORY_KIND } from './definitions';
import { WITHHELD_ID, withheldTerritories } from './withheld';

export const territoryList = defineQuery(
  'territories.list',
  [{ collection: 'settings', kinds: [TERRITORY_KIND] }],
  (session) => listTerritories({ session }),
);

export const withheldTerritoryCount = defineQuery(
  'territories.withheldCount',
  [{ collection: 'vault', ids: [WITHHELD_ID] }],
  async (session): Promise<number> => Object.keys((await withheldTerritories(session)).tags).length,
);

// What the territory screens read, live: the territories defined (organisation settings).
import { defineQuery } from '../workspace';
import { listTerritories, TERRITORY_KIND } from './definitions';

export const territoryList = defineQuery(
  'territories.list',
  [{ collection: 'settings', kinds: [TERRITORY_KIND] }],
  (session) => listTerritories({ session }),
);

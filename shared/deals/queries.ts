// What the deals screens read, live: every deal (opened once, then only what changed — the board may hold
// thousands) and the organisation's pipeline.
import { NotFoundError } from '../store';
import { allItemsQuery, defineQuery } from '../workspace';
import { DEAL_CONFIG } from './deal';
import { PIPELINE_CONFIG, PIPELINE_ID, PIPELINE_KIND, type Pipeline } from './pipeline';

export const allDeals = allItemsQuery('deals.all', DEAL_CONFIG);

/** The stored pipeline, or null while none is stored (not seeded, or not yet synced). */
export const storedPipeline = defineQuery(
  'deals.pipeline',
  [{ collection: 'settings', kinds: [PIPELINE_KIND] }],
  async (workspace): Promise<Pipeline | null> => {
    try {
      return (await workspace.settings(PIPELINE_CONFIG).get(PIPELINE_ID)).data;
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  },
);

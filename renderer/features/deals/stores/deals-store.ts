// Every deal, decrypted in memory while unlocked: the board, the list, a subject's deals tab and the
// command palette all read this one store.
import { DEAL_CONFIG } from '../../../../shared/deals';
import { createLiveItemsStore } from './live-items-store';

export const useDealsStore = createLiveItemsStore(DEAL_CONFIG);

// Every service case, decrypted in memory while unlocked: the cases list, a subject's cases tab and the
// command palette read this one store. The timeline entries are loaded per case (CasePage).
import { CASE_CONFIG } from '../../../../shared/cases';
import { createLiveItemsStore } from '../../deals/stores/live-items-store';

export const useCasesStore = createLiveItemsStore(CASE_CONFIG);

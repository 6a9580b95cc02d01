// The organisation's consent settings — purposes register, subscription types, privacy notice versions and
// the controller — decrypted once and kept current (edits on this device and those that arrive by sync).
import { consentSettings, type ConsentSettings } from '../../../../shared/consent';
import { useLiveQuery, valueOr } from '../../../kit/useLiveQuery';

export type { ConsentSettings };

const EMPTY: ConsentSettings = {
  loaded: false,
  purposes: [],
  subscriptionTypes: [],
  notices: [],
  controller: null,
  problems: 0,
};

export const useConsentSettings = (): ConsentSettings =>
  valueOr(useLiveQuery(consentSettings, null, { debounceMs: 0 }), EMPTY);

// A register tab's two questions: what the register holds now, and whether this user may change it.
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { mayEditRegister } from '../permissions';
import { useConsentSettings, type ConsentSettings } from './useConsentSettings';

export const useRegister = (): { readonly settings: ConsentSettings; readonly editable: boolean } => {
  const settings = useConsentSettings();
  const editable = mayEditRegister(useCurrentUser().role);
  return { settings, editable };
};

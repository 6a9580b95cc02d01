// The two names asked when a device gets its vault from the organisation (sign in, join): the user's, and
// this device's, which follows a default made of the user's name and the platform until the user types
// their own ("Anna's Chrome (Linux)"). Both can be changed later in Settings.
import { useState } from 'react';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { useDeviceDefaults } from './useDeviceDefaults';

/** The names a user chose for themselves and this device; an empty one is left unset. */
export interface ChosenNames {
  readonly displayName: string;
  readonly deviceName: string;
}

export interface NameChoice extends ChosenNames {
  setDisplayName(name: string): void;
  setDeviceName(name: string): void;
}

export const useNameChoice = (): NameChoice => {
  const deviceDefault = useDeviceDefaults();
  const [displayName, setDisplayName] = useState('');
  const [typed, setDeviceName] = useState<string | null>(null);
  return { displayName, deviceName: typed ?? deviceDefault(displayName), setDisplayName, setDeviceName };
};

export function NameFields({ choice, busy }: { readonly choice: NameChoice; readonly busy: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('names.signIn.displayName')}
        value={choice.displayName}
        onChange={(e) => choice.setDisplayName(e.target.value)}
        autoComplete="name"
        helperText={t('names.signIn.displayNameHelp')}
        slotProps={{ htmlInput: { readOnly: busy, maxLength: 80 } }}
      />
      <TextField
        label={t('names.signIn.deviceName')}
        value={choice.deviceName}
        onChange={(e) => choice.setDeviceName(e.target.value)}
        autoComplete="off"
        helperText={t('names.signIn.deviceNameHelp')}
        slotProps={{ htmlInput: { readOnly: busy, maxLength: 80 } }}
      />
    </>
  );
}

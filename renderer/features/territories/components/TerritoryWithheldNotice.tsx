// Tells a sales or service user that the server stopped granting one of their territories while no admin
// took them off it (shared/territories/withheld.ts): the device keeps the territory's customers and key,
// and the user should ask an admin. It goes once the server grants the territory again, or an admin's
// removal arrives. Read through watchQuery, not useLiveQuery: the drawer that shows it may render without
// an unlocked vault.
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';
import { withheldTerritoryCount } from '../../../../shared/territories';
import { watchQuery } from '../../../../shared/workspace';
import { useVaultStore } from '../../vault/stores/vault-store';

export function TerritoryWithheldNotice() {
  const { t } = useTranslation();
  const session = useVaultStore((s) => s.session);
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!session) return undefined;
    return watchQuery(session, withheldTerritoryCount, null, (result) => {
      if (result.status === 'ready') setCount(result.value);
    });
  }, [session]);
  if (!session || !count) return null;
  return (
    <Alert severity="warning" role="status">
      {t('territories.withheld', { count })}
    </Alert>
  );
}

// Who recorded a ledger entry and on which device; the owner of an unlinked vault is shown as such.
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { LOCAL_USER_ID } from '../../../kit/useCurrentUser';
import { useMemberNames } from '../../../kit/useMemberNames';
import type { Column } from '../../../ui/ColumnTable';
import { UNLINKED_DEVICE } from '../hooks/useActor';

export function RecordedBy({ userId, deviceId }: { userId: string; deviceId: string }) {
  const { t } = useTranslation();
  const nameOf = useMemberNames();
  return (
    <>
      {userId === LOCAL_USER_ID ? t('consent.ledger.owner') : nameOf.user(userId)}
      <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
        {deviceId === UNLINKED_DEVICE
          ? t('consent.ledger.thisDevice')
          : t('consent.ledger.device', { device: nameOf.device(deviceId) })}
      </Typography>
    </>
  );
}

interface Recorded {
  readonly data: { readonly recordedBy: string; readonly deviceId: string };
}

/** The "Recorded by" column of a ledger's table: who and on which device. */
export const recordedByColumn = <R extends Recorded>(header: string): Column<R> => ({
  header,
  cell: ({ data }) => <RecordedBy userId={data.recordedBy} deviceId={data.deviceId} />,
});

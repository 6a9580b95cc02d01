// The requests a person made, on their Privacy tab (admins only: the register is theirs): each with its
// right, status and deadline, and "New request" pre-selecting the person.
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { formatRoute, NEW_ID } from '../../../kit/routing';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { useNow } from '../hooks/useNow';
import { useRequests } from '../hooks/useRequests';
import { DueChip } from './DueChip';
import { PanelSection } from '../../../ui/PanelSection';
import { RouteButton } from '../../../kit/RouteButton';

export function SubjectRequests({ personId }: { personId: string }) {
  const { role } = useCurrentUser();
  // The register is the admins': its hooks run only for them.
  return role === 'admin' ? <AdminSubjectRequests personId={personId} /> : null;
}

function AdminSubjectRequests({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { requests } = useRequests();
  const now = useNow();
  const mine = requests
    .filter((r) => r.data.subjectId === personId)
    .sort((a, b) => (a.data.receivedOn < b.data.receivedOn ? 1 : -1));
  return (
    <PanelSection id="privacy-requests" title={t('rights.onPerson.title')}>
      {mine.length ? (
        <List dense aria-label={t('rights.onPerson.title')}>
          {mine.map((r) => (
            <ListItem key={r.id} disableGutters sx={{ gap: 1.5 }}>
              <Link href={formatRoute({ name: 'request', id: r.id, subjectId: personId })} underline="hover">
                {t('rights.onPerson.item', {
                  right: t(`rights.right.${r.data.right}`),
                  date: r.data.receivedOn,
                })}
              </Link>
              <DueChip request={r.data} now={now} />
            </ListItem>
          ))}
        </List>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {t('rights.onPerson.none')}
        </Typography>
      )}
      <Stack direction="row">
        <RouteButton variant="outlined" to={{ name: 'request', id: NEW_ID, subjectId: personId }}>
          {t('rights.new')}
        </RouteButton>
      </Stack>
    </PanelSection>
  );
}

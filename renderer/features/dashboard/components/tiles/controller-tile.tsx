// The controller's details (Art. 30(1)(a), 33(3)(b)): its real name instead of the "Our organisation" a new
// vault starts with, a way to reach it, and a DPO or privacy contact point — each missing one is a gap,
// with the way to Privacy → Controller details to fill it in.
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import BadgeOutlinedIcon from '@mui/icons-material/BadgeOutlined';
import { useTranslation } from 'react-i18next';
import type { ControllerDetails } from '../../../../../shared/dashboard';
import { defineTile } from '../DashboardTile';

function Missing({ value }: { value: ControllerDetails }) {
  const { t } = useTranslation();
  if (!value.missing.length)
    return <Typography variant="body2">{t('dashboard.controller.complete')}</Typography>;
  return (
    <List dense disablePadding aria-label={t('dashboard.controller.missingList')}>
      {value.missing.map((gap) => (
        <ListItem key={gap} disableGutters sx={{ py: 0 }}>
          <Typography variant="body2">{t(`dashboard.controller.gaps.${gap}`)}</Typography>
        </ListItem>
      ))}
    </List>
  );
}

export const controllerTile = defineTile({
  name: 'controller',
  icon: <BadgeOutlinedIcon />,
  to: { name: 'privacy', tab: 'controller' },
  source: (s) => s.controller,
  // Without a name every letter and report names a placeholder; a missing contact or DPO is still a gap.
  tone: (v) => (v.missing.includes('name') ? 'error' : v.missing.length ? 'warning' : 'ok'),
  figure: (v, t) => ({
    value: v.missing.length,
    label: t('dashboard.controller.missing', { count: v.missing.length }),
  }),
  Details: Missing,
});

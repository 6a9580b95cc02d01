// The left navigation: the main sections, the language and theme switches, and the lock button.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ApartmentOutlinedIcon from '@mui/icons-material/ApartmentOutlined';
import AssignmentOutlinedIcon from '@mui/icons-material/AssignmentOutlined';
import ContactPageOutlinedIcon from '@mui/icons-material/ContactPageOutlined';
import HandshakeOutlinedIcon from '@mui/icons-material/HandshakeOutlined';
import PolicyOutlinedIcon from '@mui/icons-material/PolicyOutlined';
import SupportAgentOutlinedIcon from '@mui/icons-material/SupportAgentOutlined';
import GavelOutlinedIcon from '@mui/icons-material/GavelOutlined';
import ReportGmailerrorredOutlinedIcon from '@mui/icons-material/ReportGmailerrorredOutlined';
import SpaceDashboardOutlinedIcon from '@mui/icons-material/SpaceDashboardOutlined';
import InsightsOutlinedIcon from '@mui/icons-material/InsightsOutlined';
import LeaderboardOutlinedIcon from '@mui/icons-material/LeaderboardOutlined';
import TodayOutlinedIcon from '@mui/icons-material/TodayOutlined';
import UploadFileOutlinedIcon from '@mui/icons-material/UploadFileOutlined';
import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import PeopleAltOutlinedIcon from '@mui/icons-material/PeopleAltOutlined';
import SettingsOutlinedIcon from '@mui/icons-material/SettingsOutlined';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { KluisLogo } from '../../ui/KluisLogo';
import { LanguageMenu } from '../../kit/LanguageMenu';
import { ThemeToggle } from '../../kit/ThemeToggle';
import { ErasureDiscardNotice } from '../../features/rights/erasure/components/ErasureDiscardNotice';
import { TerritoryWithheldNotice } from '../../features/territories/components/TerritoryWithheldNotice';
import { SyncStatusIndicator } from '../../features/sync/components/SyncStatusIndicator';
import { useCurrentUser } from '../../kit/useCurrentUser';
import { formatRoute, type Route } from '../../kit/routing';

export const DRAWER_WIDTH = 236;

/** Sections only the admin (also the data-protection officer) sees: their files sync to admins only. */
const ADMIN_ONLY = new Set<string>(['nav.dashboard', 'nav.requests', 'nav.breaches']);
/** Sections for managers and admins: every salesperson's figures side by side. */
const MANAGERS = new Set<string>(['nav.manager', 'nav.reports']);

/** A screen addressed by its name alone (a list, or one without records). */
type ScreenName = Exclude<Route, { id: string }>['name'];

/** A section: its screen, its words (nav.<screen>), its icon, and the record screen it also owns. */
const section = (name: ScreenName, icon: ReactNode, record?: Route['name']) => ({
  route: { name } satisfies Route,
  key: `nav.${name}` as const,
  icon,
  owns: record ? [name, record] : [name],
});

const SECTIONS = [
  section('dashboard', <SpaceDashboardOutlinedIcon />),
  section('manager', <LeaderboardOutlinedIcon />),
  section('reports', <InsightsOutlinedIcon />),
  section('today', <TodayOutlinedIcon />),
  section('people', <PeopleAltOutlinedIcon />, 'person'),
  section('organisations', <ApartmentOutlinedIcon />, 'organisation'),
  section('deals', <HandshakeOutlinedIcon />, 'deal'),
  section('cases', <SupportAgentOutlinedIcon />, 'case'),
  section('requests', <GavelOutlinedIcon />, 'request'),
  section('breaches', <ReportGmailerrorredOutlinedIcon />, 'breach'),
  section('privacy', <PolicyOutlinedIcon />),
  section('register', <AssignmentOutlinedIcon />),
  section('capture', <ContactPageOutlinedIcon />),
  section('import', <UploadFileOutlinedIcon />),
  section('settings', <SettingsOutlinedIcon />),
];

export function NavigationDrawer({ route, onLock }: { route: Route; onLock: () => void }) {
  const { t } = useTranslation();
  const { role } = useCurrentUser();
  const sections = SECTIONS.filter(
    (section) =>
      role === 'admin' ||
      (!ADMIN_ONLY.has(section.key) && (role === 'manager' || !MANAGERS.has(section.key))),
  );
  return (
    <Drawer
      variant="permanent"
      sx={{
        width: DRAWER_WIDTH,
        flexShrink: 0,
        '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box', bgcolor: 'background.paper' },
      }}
    >
      {/* The navigation scrolls on a short screen, so the sync status and Lock below it stay in view. */}
      <Box component="nav" aria-label={t('nav.label')} sx={{ flex: 1, minHeight: 0, overflowY: 'auto' }}>
        <Box sx={{ px: 2.5, py: 2.5 }}>
          <KluisLogo />
        </Box>
        <List sx={{ px: 1.5 }}>
          {sections.map((section) => {
            const current = (section.owns as readonly string[]).includes(route.name);
            return (
              <ListItem key={section.key} disablePadding>
                <ListItemButton
                  component="a"
                  href={formatRoute(section.route)}
                  selected={current}
                  aria-current={current ? 'page' : undefined}
                  sx={{ borderRadius: 2, mb: 0.5, '&.Mui-selected': { color: 'primary.main' } }}
                >
                  <ListItemIcon sx={{ minWidth: 38, color: current ? 'primary.main' : undefined }}>
                    {section.icon}
                  </ListItemIcon>
                  <ListItemText
                    primary={t(section.key)}
                    slotProps={{ primary: { sx: { fontWeight: current ? 600 : 500 } } }}
                  />
                </ListItemButton>
              </ListItem>
            );
          })}
        </List>
      </Box>
      <Divider />
      <Box sx={{ p: 1.5, display: 'flex', flexDirection: 'column', gap: 1 }}>
        <SyncStatusIndicator />
        <ErasureDiscardNotice />
        <TerritoryWithheldNotice />
        <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <LanguageMenu />
          <ThemeToggle />
        </Box>
        <Button
          variant="outlined"
          color="inherit"
          startIcon={<LockOutlinedIcon />}
          onClick={onLock}
          fullWidth
        >
          {t('nav.lock')}
        </Button>
      </Box>
    </Drawer>
  );
}

// The left navigation: the main sections, the language and theme switches, and the lock button.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
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
import TodayOutlinedIcon from '@mui/icons-material/TodayOutlined';
import UploadFileOutlinedIcon from '@mui/icons-material/UploadFileOutlined';
import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import PeopleAltOutlinedIcon from '@mui/icons-material/PeopleAltOutlined';
import SettingsOutlinedIcon from '@mui/icons-material/SettingsOutlined';
import { useTranslation } from 'react-i18next';
import { KluisLogo } from '../../ui/KluisLogo';
import { LanguageMenu } from '../../kit/LanguageMenu';
import { ThemeToggle } from '../../kit/ThemeToggle';
import { ErasureDiscardNotice } from '../../features/rights/erasure/components/ErasureDiscardNotice';
import { SyncStatusIndicator } from '../../features/sync/components/SyncStatusIndicator';
import { useCurrentUser } from '../../kit/useCurrentUser';
import { formatRoute, type Route } from '../../kit/routing';

export const DRAWER_WIDTH = 236;

/** Sections only the admin (also the data-protection officer) sees: their files sync to admins only. */
const ADMIN_ONLY = new Set<string>(['nav.dashboard', 'nav.requests', 'nav.breaches']);

const SECTIONS = [
  {
    route: { name: 'dashboard' },
    key: 'nav.dashboard',
    icon: <SpaceDashboardOutlinedIcon />,
    owns: ['dashboard'],
  },
  { route: { name: 'today' }, key: 'nav.today', icon: <TodayOutlinedIcon />, owns: ['today'] },
  {
    route: { name: 'people' },
    key: 'nav.people',
    icon: <PeopleAltOutlinedIcon />,
    owns: ['people', 'person'],
  },
  {
    route: { name: 'organisations' },
    key: 'nav.organisations',
    icon: <ApartmentOutlinedIcon />,
    owns: ['organisations', 'organisation'],
  },
  {
    route: { name: 'deals' },
    key: 'nav.deals',
    icon: <HandshakeOutlinedIcon />,
    owns: ['deals', 'deal'],
  },
  {
    route: { name: 'cases' },
    key: 'nav.cases',
    icon: <SupportAgentOutlinedIcon />,
    owns: ['cases', 'case'],
  },
  {
    route: { name: 'requests' },
    key: 'nav.requests',
    icon: <GavelOutlinedIcon />,
    owns: ['requests', 'request'],
  },
  {
    route: { name: 'breaches' },
    key: 'nav.breaches',
    icon: <ReportGmailerrorredOutlinedIcon />,
    owns: ['breaches', 'breach'],
  },
  { route: { name: 'privacy' }, key: 'nav.privacy', icon: <PolicyOutlinedIcon />, owns: ['privacy'] },
  {
    route: { name: 'register' },
    key: 'nav.register',
    icon: <AssignmentOutlinedIcon />,
    owns: ['register'],
  },
  {
    route: { name: 'capture' },
    key: 'nav.capture',
    icon: <ContactPageOutlinedIcon />,
    owns: ['capture'],
  },
  { route: { name: 'import' }, key: 'nav.import', icon: <UploadFileOutlinedIcon />, owns: ['import'] },
  { route: { name: 'settings' }, key: 'nav.settings', icon: <SettingsOutlinedIcon />, owns: ['settings'] },
] as const;

export function NavigationDrawer({ route, onLock }: { route: Route; onLock: () => void }) {
  const { t } = useTranslation();
  const { role } = useCurrentUser();
  const sections = SECTIONS.filter((section) => role === 'admin' || !ADMIN_ONLY.has(section.key));
  return (
    <Drawer
      variant="permanent"
      sx={{
        width: DRAWER_WIDTH,
        flexShrink: 0,
        '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box', bgcolor: 'background.paper' },
      }}
    >
      <Box sx={{ px: 2.5, py: 2.5 }}>
        <KluisLogo />
      </Box>
      <Box component="nav" aria-label={t('nav.label')} sx={{ flex: 1 }}>
        <List sx={{ px: 1.5 }}>
          {sections.map((section) => {
            const current = (section.owns as readonly string[]).includes(route.name);
            return (
              <ListItemButton
                key={section.key}
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
            );
          })}
        </List>
      </Box>
      <Divider />
      <Box sx={{ p: 1.5, display: 'flex', flexDirection: 'column', gap: 1 }}>
        <SyncStatusIndicator />
        <ErasureDiscardNotice />
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

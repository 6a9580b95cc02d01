// The unlocked application: navigation, the current page, notices, and the idle auto-lock.
import { useCallback, useEffect, useRef } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Snackbar from '@mui/material/Snackbar';
import { BreachClockBanner } from '../../features/breach/components/BreachClockBanner';
import { BreachPage } from '../../features/breach/components/BreachPage';
import { BreachesPage } from '../../features/breach/components/BreachesPage';
import { DashboardPage } from '../../features/dashboard/components/DashboardPage';
import { useAdminLanding } from '../../features/dashboard/hooks/useAdminLanding';
import { RequestPage } from '../../features/rights/components/RequestPage';
import { RequestsPage } from '../../features/rights/components/RequestsPage';
import { CasePage } from '../../features/cases/components/CasePage';
import { CasesPage } from '../../features/cases/components/CasesPage';
import { CapturePage } from '../../features/consent/components/CapturePage';
import { PrivacyPage } from '../../features/consent/components/PrivacyPage';
import { DealPage } from '../../features/deals/components/DealPage';
import { DealsPage } from '../../features/deals/components/DealsPage';
import { AccountabilityPage } from '../../features/lifecycle/components/AccountabilityPage';
import { RetentionScheduler } from '../../features/lifecycle/components/RetentionScheduler';
import { ImportPage } from '../../features/import/components/ImportPage';
import { CommandPalette } from '../../features/palette/components/CommandPalette';
import { TaskReminders } from '../../features/tasks/components/TaskReminders';
import { TodayPage } from '../../features/tasks/components/TodayPage';
import { OrganisationPage } from '../../features/organisations/components/OrganisationPage';
import { OrganisationsPage } from '../../features/organisations/components/OrganisationsPage';
import { PeoplePage } from '../../features/people/components/PeoplePage';
import { PersonPage } from '../../features/people/components/PersonPage';
import { SettingsPage } from '../../features/settings/components/SettingsPage';
import { useConflictsApplied } from '../../features/sync/hooks/useConflicts';
import { useCurrentUser } from '../../kit/useCurrentUser';
import { useSyncStore } from '../../features/sync/stores/sync-store';
import { useSettingsStore } from '../../kit/settings-store';
import { useIdleLock } from '../../features/vault/hooks/useIdleLock';
import { useVaultStore } from '../../features/vault/stores/vault-store';
import { signIn } from '../../../shared/accountability';
import type { Workspace } from '../../../shared/workspace';
import { useRoute } from '../../kit/useRoute';
import { useActor } from '../../kit/workspace';
import type { Route } from '../../kit/routing';
import { useNotificationStore } from '../../kit/notification-store';
import { NavigationDrawer } from './NavigationDrawer';
import { SkipToContent } from './SkipToContent';
import { ManagerHomePage } from '../../features/reports/components/ManagerHomePage';
import { ReportsPage } from '../../features/reports/components/ReportsPage';

/** `applied` changes after a sync conflict's value is applied: record pages that load once open afresh. */
const page = (route: Route, applied: number) => {
  switch (route.name) {
    case 'people':
      return <PeoplePage />;
    case 'person':
      return <PersonPage key={route.id} id={route.id} organisationId={route.organisationId ?? null} />;
    case 'organisations':
      return <OrganisationsPage />;
    case 'organisation':
      return <OrganisationPage key={`${route.id}:${applied}`} id={route.id} />;
    case 'today':
      return <TodayPage />;
    case 'deals':
      return <DealsPage view={route.view ?? 'board'} />;
    case 'deal':
      return <DealPage key={`${route.id}:${applied}`} id={route.id} subjectId={route.subjectId} />;
    case 'cases':
      return <CasesPage />;
    case 'case':
      return <CasePage key={`${route.id}:${applied}`} id={route.id} subjectId={route.subjectId} />;
    case 'import':
      return <ImportPage />;
    case 'privacy':
      return <PrivacyPage tab={route.tab} />;
    case 'capture':
      return <CapturePage />;
    case 'register':
      return <AccountabilityPage tab={route.tab} />;
    case 'settings':
      return <SettingsPage />;
    case 'dashboard':
      return <DashboardPage />;
    case 'manager':
      return <ManagerHomePage />;
    case 'reports':
      return <ReportsPage />;
    case 'requests':
      return <RequestsPage />;
    case 'request':
      return <RequestPage key={route.id} id={route.id} subjectId={route.subjectId} />;
    case 'breaches':
      return <BreachesPage />;
    case 'breach':
      return <BreachPage key={route.id} id={route.id} />;
  }
};

export function AppShell() {
  const route = useRoute();
  const lockVault = useVaultStore((s) => s.lock);
  const autoLockMinutes = useSettingsStore((s) => s.autoLockMinutes);
  const notice = useNotificationStore((s) => s.notice);
  const dismiss = useNotificationStore((s) => s.dismiss);
  const lock = useCallback(() => void lockVault(), [lockVault]);
  useIdleLock(autoLockMinutes, lock);
  const session = useVaultStore((s) => s.session);
  const { userId, role } = useCurrentUser();
  useAdminLanding(session);
  const applied = useConflictsApplied();
  // Every audit entry names who acted; an unlock is itself an entry.
  useEffect(() => {
    session?.audit.setActor(userId);
  }, [session, userId]);
  const actor = useActor();
  const signedIn = useRef<Workspace | null>(null);
  useEffect(() => {
    if (!session || signedIn.current === session) return;
    signedIn.current = session;
    void signIn(session, actor, undefined);
  }, [session, actor]);
  const resumeSync = useSyncStore((s) => s.resume);
  const stopSync = useSyncStore((s) => s.stop);
  // Sync runs while the vault is unlocked and linked to a server; locking unmounts the shell and stops it.
  useEffect(() => {
    if (!session) return;
    void resumeSync(session);
    return () => void stopSync();
  }, [session, resumeSync, stopSync]);

  // A screen opened by its address leaves focus on <body>: the keyboard starts in the page, not in
  // whatever came before it. A screen that placed focus itself (a form's first field) keeps it.
  const main = useRef<HTMLElement>(null);
  useEffect(() => {
    if (document.activeElement === document.body) main.current?.focus({ preventScroll: true });
  }, [route]);

  return (
    <Box sx={{ display: 'flex', height: '100vh', bgcolor: 'background.default' }}>
      <SkipToContent target={main} />
      <NavigationDrawer route={route} onLock={lock} />
      <Box
        component="main"
        ref={main}
        tabIndex={-1}
        sx={{
          outline: 'none',
          flex: 1,
          minWidth: 0,
          display: 'flex',
          flexDirection: 'column',
          overflow: 'auto',
          p: { xs: 2, md: 3.5 },
        }}
      >
        {role === 'admin' && <BreachClockBanner />}
        {page(route, applied)}
      </Box>
      <CommandPalette />
      <TaskReminders />
      <RetentionScheduler />
      <Snackbar
        key={notice?.id}
        open={!!notice}
        autoHideDuration={5000}
        onClose={(_, reason) => reason !== 'clickaway' && dismiss()}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      >
        {notice ? (
          <Alert severity={notice.severity} variant="filled" onClose={dismiss} sx={{ minWidth: 320 }}>
            {notice.message}
          </Alert>
        ) : undefined}
      </Snackbar>
    </Box>
  );
}

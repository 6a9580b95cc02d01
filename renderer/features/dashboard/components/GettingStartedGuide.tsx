// The getting-started guide at the top of the privacy dashboard: name the controller, give the
// data-protection contact, connect or start a server, invite colleagues, import the first file — each
// step ticked off when done, with the way to it. Skippable; Settings shows it again.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import CheckCircleOutlinedIcon from '@mui/icons-material/CheckCircleOutlined';
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked';
import RocketLaunchOutlinedIcon from '@mui/icons-material/RocketLaunchOutlined';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { controllerDetailsFigures } from '../../../../shared/dashboard';
import { formatRoute, type Route } from '../../../kit/routing';
import { useLiveQuery } from '../../../kit/useLiveQuery';
import { useDirectoryVersion, useWorkspace } from '../../../kit/workspace';
import { FormSection } from '../../../ui/FormSection';
import { useSyncStore } from '../../sync/stores/sync-store';
import { useGuideStore } from '../stores/guide-store';

type Step = 'controller' | 'dpo' | 'server' | 'invite' | 'import';

export function GettingStartedGuide() {
  const { t } = useTranslation();
  const skipped = useGuideStore((s) => s.skipped);
  const skip = useGuideStore((s) => s.skip);
  const { directory } = useWorkspace();
  useDirectoryVersion(directory);
  const linked = useSyncStore((s) => s.link !== null);
  const controller = useLiveQuery(controllerDetailsFigures, null);
  // The organisation's users as the server lists them to an admin; a colleague who has joined has a key.
  const members = useSyncStore((s) => s.members);
  const refreshMembers = useSyncStore((s) => s.refreshMembers);
  useEffect(() => {
    if (linked && !skipped) void refreshMembers();
  }, [linked, skipped, refreshMembers]);
  if (skipped) return null;
  const joined = (members ?? []).filter((m) => m.state !== 'waiting' && m.status !== 'removed').length;
  const missing = controller.status === 'ready' ? controller.value.missing : null;
  const privacy: Route = { name: 'privacy', tab: 'controller' };
  const steps: { id: Step; done: boolean; to: Route }[] = [
    {
      id: 'controller',
      done: !!missing && !missing.includes('name') && !missing.includes('contact'),
      to: privacy,
    },
    { id: 'dpo', done: !!missing && !missing.includes('dpo'), to: privacy },
    { id: 'server', done: linked, to: { name: 'settings' } },
    // Done once a second member (a colleague beside this admin) has joined the organisation.
    { id: 'invite', done: linked && joined >= 2, to: { name: 'settings' } },
    { id: 'import', done: directory.people().length > 0, to: { name: 'import' } },
  ];
  return (
    <Box sx={{ mb: 2 }}>
      <FormSection title={t('dashboard.guide.title')} icon={<RocketLaunchOutlinedIcon />}>
        <List dense aria-label={t('dashboard.guide.steps')}>
          {steps.map((step) => (
            <ListItem
              key={step.id}
              disableGutters
              data-step={step.id}
              data-done={String(step.done)}
              secondaryAction={
                <Button size="small" href={formatRoute(step.to)}>
                  {t(`dashboard.guide.${step.id}.action`)}
                </Button>
              }
            >
              <ListItemIcon sx={{ minWidth: 36 }}>
                {step.done ? (
                  <CheckCircleOutlinedIcon color="success" titleAccess={t('dashboard.guide.done')} />
                ) : (
                  <RadioButtonUncheckedIcon titleAccess={t('dashboard.guide.todo')} />
                )}
              </ListItemIcon>
              <ListItemText
                primary={t(`dashboard.guide.${step.id}.title`)}
                secondary={t(`dashboard.guide.${step.id}.hint`)}
                sx={{ pr: 16 }}
              />
            </ListItem>
          ))}
        </List>
        <Button onClick={skip}>{t('dashboard.guide.skip')}</Button>
      </FormSection>
    </Box>
  );
}

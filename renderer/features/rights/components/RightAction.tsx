// What answering this right takes, on the request page: the access package and the portable data (both
// held back until the identity is verified), the erasure (RequestErasure), or a way to the person's record for
// rectification, restriction and objection, with the field changes this request caused.
import { useEffect, useState, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import ArchiveIcon from '@mui/icons-material/Archive';
import DownloadIcon from '@mui/icons-material/Download';
import { useTranslation } from 'react-i18next';
import type { Decrypted } from '../../../../shared/store';
import { fieldChangesForRequest, type FieldChangePayload } from '../../../../shared/rectification';
import { controllerDetailsFigures } from '../../../../shared/dashboard';
import type { SubjectRequest } from '../../../../shared/requests';
import { useFormat } from '../../../kit/useFormat';
import { useLiveQuery } from '../../../kit/useLiveQuery';
import { formatRoute } from '../../../kit/routing';
import { FormSection } from '../../../ui/FormSection';
import { useDirectoryVersion, useWorkspace } from '../../../kit/workspace';
import { RequestErasure } from '../erasure/components/RequestErasure';
import { useRequestExports } from '../hooks/useRequestExports';

function FieldChanges({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { workspace: session } = useWorkspace();
  const [changes, setChanges] = useState<Decrypted<FieldChangePayload>[] | null>(null);
  useEffect(() => {
    let alive = true;
    void fieldChangesForRequest(session, requestId)
      .then((found) => alive && setChanges(found))
      .catch(() => alive && setChanges([]));
    return () => {
      alive = false;
    };
  }, [session, requestId]);
  if (!changes) return <LinearProgress />;
  if (!changes.length)
    return <Typography color="text.secondary">{t('rights.rectification.none')}</Typography>;
  const show = (value: unknown) =>
    value === null ? '—' : typeof value === 'string' ? value : JSON.stringify(value);
  return (
    <List dense aria-label={t('rights.rectification.changes')}>
      {changes.map((c) => (
        <ListItem key={c.id} disableGutters>
          <ListItemText
            primary={`${c.data.field}: ${show(c.data.before)} → ${show(c.data.after)}`}
            secondary={format.dateTime(c.data.at)}
          />
        </ListItem>
      ))}
    </List>
  );
}

/** What to do for this right, in words, then the way to do it. */
function ActionHint({ hint, children }: { hint: string; children: ReactNode }) {
  return (
    <Box sx={{ display: 'grid', gap: 1.5, justifyItems: 'start' }}>
      <Typography variant="body2" color="text.secondary">
        {hint}
      </Typography>
      {children}
    </Box>
  );
}

export function RightAction({ request }: { request: SubjectRequest }) {
  const { t } = useTranslation();
  const { directory } = useWorkspace();
  useDirectoryVersion(directory);
  const { progress, produceAccess, exportPortable } = useRequestExports(request);
  const { right, subjectId } = request.data;
  const present = !!subjectId && !!directory.person(subjectId);
  const verified = !!request.data.verification;
  // The access report names the controller: not before the organisation's own name replaced the placeholder.
  const controller = useLiveQuery(controllerDetailsFigures, null, { enabled: right === 'access' });
  const unnamed = controller.status === 'ready' && controller.value.missing.includes('name');

  const body = (() => {
    // The erasure shows its own states, the certificate included, whether the person is still here or not.
    if (right === 'erasure') return <RequestErasure request={request} />;
    if (!subjectId) return <Alert severity="info">{t('rights.action.unmatched')}</Alert>;
    if (!present) return <Alert severity="info">{t('rights.action.gone')}</Alert>;
    const personLink = (
      <Button variant="outlined" href={formatRoute({ name: 'person', id: subjectId })}>
        {t('rights.action.openPerson')}
      </Button>
    );
    switch (right) {
      case 'access':
      case 'portability': {
        const access = right === 'access';
        const running = progress?.kind === right;
        // A gate, not a choice: no package leaves before the requester's identity is on record.
        return (
          <ActionHint hint={t(access ? 'rights.action.accessHint' : 'rights.action.portabilityHint')}>
            {!verified && (
              <Alert severity="info" role="note" id={`gate-${request.id}`} data-testid="identity-gate">
                {t('rights.gate.package')}
              </Alert>
            )}
            {access && unnamed && (
              <Alert
                severity="warning"
                role="note"
                id={`controller-${request.id}`}
                data-testid="controller-gate"
                action={
                  <Button
                    color="inherit"
                    size="small"
                    href={formatRoute({ name: 'privacy', tab: 'controller' })}
                  >
                    {t('rights.gate.controllerAction')}
                  </Button>
                }
              >
                {t('rights.gate.controller')}
              </Alert>
            )}
            <Button
              variant="contained"
              startIcon={access ? <ArchiveIcon /> : <DownloadIcon />}
              disabled={!!progress || !verified || (access && unnamed)}
              aria-describedby={
                [!verified && `gate-${request.id}`, access && unnamed && `controller-${request.id}`]
                  .filter(Boolean)
                  .join(' ') || undefined
              }
              onClick={() => void (access ? produceAccess() : exportPortable())}
            >
              {t(access ? 'rights.actions.access' : 'rights.actions.portability')}
            </Button>
            {running && (
              <LinearProgress
                sx={{ width: '100%' }}
                variant={progress.total > 1 ? 'determinate' : 'indeterminate'}
                value={(progress.done / progress.total) * 100}
                aria-label={t('rights.action.progress')}
              />
            )}
          </ActionHint>
        );
      }
      case 'rectification':
        return (
          <ActionHint hint={t('rights.rectification.hint')}>
            {personLink}
            <Typography variant="subtitle2">{t('rights.rectification.changes')}</Typography>
            <FieldChanges requestId={request.id} />
          </ActionHint>
        );
      case 'restriction':
      case 'objection':
      case 'automated_decisions':
        return <ActionHint hint={t('rights.action.privacyTab')}>{personLink}</ActionHint>;
      case 'be_informed':
        return personLink;
    }
  })();

  return body ? <FormSection title={t(`rights.action.title.${right}`)}>{body}</FormSection> : null;
}

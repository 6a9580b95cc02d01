// One data-subject request: id 'new' records one (subjectId pre-selects the person); otherwise the request
// from receipt to a documented answer — who, which right, due date, verification, extension, the action
// the right needs, the decision, what was sent, and the status history.
import { useEffect } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { openRequest, requestDueOn } from '../../../../shared/requests';
import { NotFoundError } from '../../../../shared/store';
import { formatRoute, NEW_ID } from '../../../kit/routing';
import { FormSection } from '../../../ui/FormSection';
import { PageHeader } from '../../../ui/PageHeader';
import { SubjectBackButton } from '../../../ui/SubjectBackButton';
import { useFormat } from '../../../kit/useFormat';
import { useOperation } from '../../../kit/useOperation';
import { useRequests } from '../hooks/useRequests';
import { useSubjectName } from '../hooks/useSubjectName';
import { DecisionCard } from './DecisionCard';
import { DueChip } from './DueChip';
import { NewRequestForm } from './NewRequestForm';
import { RightAction } from './RightAction';
import { VerifyExtendCard } from './VerifyExtendCard';
import { useNow } from '../hooks/useNow';

export function RequestPage({ id, subjectId }: { id: string; subjectId?: string | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const opening = useOperation(openRequest);
  const { run: open } = opening;
  const { requests, loaded } = useRequests();
  const subjectName = useSubjectName();
  const now = useNow();
  const request = requests.find((r) => r.id === id);
  const back = (
    <SubjectBackButton
      href={formatRoute(subjectId ? { name: 'person', id: subjectId } : { name: 'requests' })}
    />
  );

  // Opening a request is audited as a view; the page shows the live register's copy. A failure is kept in
  // `opening.error` and shown below (the rejection is handled there, not swallowed).
  useEffect(() => {
    if (id !== NEW_ID) void open(id).catch(() => undefined);
  }, [open, id]);
  const openFailed = opening.error !== null && !(opening.error instanceof NotFoundError);

  if (id === NEW_ID)
    return (
      <>
        <PageHeader title={t('rights.page.newTitle')} subtitle={t('rights.page.newSubtitle')} back={back} />
        <NewRequestForm subjectId={subjectId} />
      </>
    );
  // A view that could not be recorded is not shown: the audit entry is never optional.
  if (openFailed)
    return (
      <>
        <PageHeader title={t('rights.title')} back={back} />
        <Alert
          severity="error"
          role="alert"
          action={
            <Button
              color="inherit"
              size="small"
              disabled={opening.busy}
              onClick={() => void open(id).catch(() => undefined)}
            >
              {t('rights.page.retryOpen')}
            </Button>
          }
        >
          {t('rights.page.openFailed')}
        </Alert>
      </>
    );

  if (!request)
    return loaded ? (
      <>
        <PageHeader title={t('rights.title')} back={back} />
        <Alert severity="info">{t('rights.page.notFound')}</Alert>
      </>
    ) : (
      <CircularProgress aria-label={t('common.loading')} />
    );

  const data = request.data;
  // One date format on the page, the one every list uses ("2 Dec 2026"), in the user's language and region.
  const date = (iso: string) => format.date(iso);
  const facts: [string, string][] = [
    [t('rights.fields.right'), t(`rights.right.${data.right}`)],
    [t('rights.fields.receivedOn'), date(data.receivedOn)],
    [t('rights.fields.channel'), t(`rights.channel.${data.channel}`)],
    [t('rights.list.columns.dueOn'), date(requestDueOn(data))],
    [t('rights.fields.status'), t(`rights.status.${data.status}`)],
    ...(data.requester?.contact
      ? [[t('rights.fields.requesterContact'), data.requester.contact] as [string, string]]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('rights.page.title', { right: t(`rights.right.${data.right}`), who: subjectName(data) })}
        subtitle={t('rights.page.reference', { id: request.id })}
        back={back}
        actions={<DueChip request={data} now={now} />}
      />
      <Box sx={{ display: 'grid', gap: 2 }}>
        <FormSection title={t('rights.page.request')}>
          <Box
            component="dl"
            sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 0.75, m: 0 }}
          >
            {facts.map(([label, value]) => (
              <Box key={label} sx={{ display: 'contents' }}>
                <Typography component="dt" color="text.secondary">
                  {label}
                </Typography>
                <Typography component="dd" sx={{ m: 0 }} data-field={label}>
                  {value}
                </Typography>
              </Box>
            ))}
          </Box>
          {data.details && <Typography sx={{ mt: 2, whiteSpace: 'pre-wrap' }}>{data.details}</Typography>}
        </FormSection>
        <VerifyExtendCard request={request} />
        <RightAction request={request} />
        <DecisionCard request={request} />
        <FormSection title={t('rights.page.history')}>
          <List dense aria-label={t('rights.page.history')}>
            {data.history.map((h, i) => (
              <ListItem key={i} disableGutters>
                <ListItemText
                  primary={t(`rights.status.${h.status}`)}
                  secondary={`${format.dateTime(h.at)} · ${h.by}${h.note ? ` · ${h.note}` : ''}`}
                />
              </ListItem>
            ))}
          </List>
        </FormSection>
      </Box>
    </>
  );
}

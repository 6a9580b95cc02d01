// A case's replies and internal notes, oldest first, with the form to add one.
import { useState, type FormEvent } from 'react';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { CaseEntryType } from '../../../../shared/cases';
import { FormSection } from '../../../ui/FormSection';
import { SubmitButton } from '../../../ui/SubmitButton';
import type { CaseEntry } from '../../../../shared/cases';
import { useAssigneeLabel } from '../hooks/useCaseLabels';
import { useFormat } from '../../../kit/useFormat';

interface Props {
  readonly entries: readonly CaseEntry[] | null;
  readonly onAdd: (type: CaseEntryType, body: string) => Promise<void>;
}

export function CaseTimeline({ entries, onAdd }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const authorLabel = useAssigneeLabel();
  const [type, setType] = useState<CaseEntryType>('reply');
  const [body, setBody] = useState('');
  const [error, setError] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setError(true);
      return;
    }
    setBusy(true);
    try {
      await onAdd(type, body.trim());
      setBody('');
      setError(false);
    } catch {
      // onAdd told the user; the text stays for another try.
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormSection title={t('cases.timeline.title')}>
      <Box
        component="ol"
        aria-label={t('cases.timeline.title')}
        sx={{ listStyle: 'none', p: 0, m: 0, display: 'flex', flexDirection: 'column', gap: 1.5 }}
      >
        {entries?.map((entry) => (
          <Paper
            component="li"
            key={entry.id}
            variant="outlined"
            sx={{
              p: 1.5,
              bgcolor: entry.data.type === 'note' ? 'action.hover' : 'background.paper',
              borderStyle: entry.data.type === 'note' ? 'dashed' : 'solid',
            }}
          >
            <Typography variant="caption" color="text.secondary">
              {t(entry.data.type === 'reply' ? 'cases.timeline.replyBy' : 'cases.timeline.noteBy', {
                author: authorLabel(entry.data.authorId),
              })}
              {' · '}
              {format.dateTime(entry.data.at)}
            </Typography>
            <Typography sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {entry.data.body}
            </Typography>
          </Paper>
        ))}
      </Box>
      {entries && !entries.length && (
        <Typography color="text.secondary" role="status">
          {t('cases.timeline.empty')}
        </Typography>
      )}
      <Box
        component="form"
        onSubmit={(e) => void submit(e)}
        noValidate
        sx={{ mt: 2, display: 'flex', flexDirection: 'column', gap: 1.5 }}
      >
        <ToggleButtonGroup
          size="small"
          exclusive
          value={type}
          aria-label={t('cases.timeline.type')}
          onChange={(_, next: CaseEntryType | null) => next && setType(next)}
        >
          <ToggleButton value="reply">{t('cases.timeline.reply')}</ToggleButton>
          <ToggleButton value="note">{t('cases.timeline.note')}</ToggleButton>
        </ToggleButtonGroup>
        <TextField
          label={t('cases.timeline.body')}
          multiline
          minRows={3}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          error={error}
          helperText={error ? t('cases.errors.body') : undefined}
        />
        <Box>
          <SubmitButton busy={busy}>{t('cases.timeline.add')}</SubmitButton>
        </Box>
      </Box>
    </FormSection>
  );
}

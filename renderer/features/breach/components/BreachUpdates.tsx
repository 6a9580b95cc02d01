// Art. 33(4): what was learnt after the first notification, dated, in the order it came.
import { useState } from 'react';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { formatInstant, hostTimeZone } from '../../../../shared/breach';
import { FormSection } from '../../../ui/FormSection';
import type { SectionProps } from './BreachFacts';

export function BreachUpdates({ draft, change }: SectionProps) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const language = i18n.language.startsWith('nl') ? 'nl' : 'en';
  const updates = [...draft.updates].sort((a, b) => a.at - b.at);
  return (
    <FormSection title={t('breach.section.updates')} description={t('breach.updates.help')}>
      <Stack spacing={1.5}>
        {updates.length > 0 && (
          <List dense aria-label={t('breach.section.updates')}>
            {updates.map((u) => (
              <ListItem key={`${u.at}-${u.text}`}>
                <ListItemText primary={u.text} secondary={formatInstant(u.at, language, hostTimeZone())} />
              </ListItem>
            ))}
          </List>
        )}
        <TextField
          fullWidth
          multiline
          size="small"
          name="update"
          label={t('breach.updates.new')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <Stack direction="row">
          <Button
            disabled={!text.trim()}
            onClick={() => {
              change({ updates: [...draft.updates, { at: Date.now(), text: text.trim() }] });
              setText('');
            }}
          >
            {t('breach.updates.add')}
          </Button>
        </Stack>
      </Stack>
    </FormSection>
  );
}

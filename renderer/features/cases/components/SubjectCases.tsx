// A person's or organisation's service cases, in the Cases tab of their page, with "New case".
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { compareCases } from '../../../../shared/cases';
import { formatRoute, NEW_ID } from '../../../kit/routing';
import type { SubjectPanelProps } from '../../../kit/subject-panel';
import { useCases } from '../hooks/useCases';
import { PriorityChip, StatusChip } from './CaseChips';
import { RouteButton } from '../../../kit/RouteButton';

export function SubjectCases({ subjectId }: SubjectPanelProps) {
  const { t } = useTranslation();
  const { cases: all } = useCases();
  const cases = useMemo(
    () =>
      all
        .filter((c) => c.subjectId === subjectId || c.data.personId === subjectId)
        .sort((a, b) => compareCases(a.data, b.data)),
    [all, subjectId],
  );
  return (
    <Box>
      <Box sx={{ display: 'flex', justifyContent: 'flex-end' }}>
        <RouteButton to={{ name: 'case', id: NEW_ID, subjectId }}>{t('cases.subjectTab.new')}</RouteButton>
      </Box>
      {!cases.length ? (
        <Typography color="text.secondary" role="status" sx={{ py: 2 }}>
          {t('cases.subjectTab.empty')}
        </Typography>
      ) : (
        <List aria-label={t('cases.title')}>
          {cases.map((c) => (
            <ListItem
              key={c.id}
              divider
              secondaryAction={
                <Stack direction="row" spacing={1}>
                  <PriorityChip priority={c.data.priority} />
                  <StatusChip status={c.data.status} />
                </Stack>
              }
            >
              <ListItemText
                primary={
                  <Link href={formatRoute({ name: 'case', id: c.id, subjectId })} underline="hover">
                    {c.data.subject}
                  </Link>
                }
              />
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
}

// Notices due (Art. 14(3)(a)): people whose data was not collected from them — imports, business cards,
// referrals, public sources — and who have not yet received the privacy notice. It is due within one month
// of obtaining the data; overdue people come first. Mark one or several as sent, with version and method.
import { useState } from 'react';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import MarkEmailReadOutlinedIcon from '@mui/icons-material/MarkEmailReadOutlined';
import { useTranslation } from 'react-i18next';
import { noticesDueList } from '../../../../shared/consent';
import { formatRoute } from '../../../kit/routing';
import { useLiveQuery } from '../../../kit/useLiveQuery';
import { EmptyState } from '../../../ui/EmptyState';
import { LoadedTable } from '../../../ui/LoadedTable';
import { useConsentSettings } from '../hooks/useConsentSettings';
import { useFormatters } from '../hooks/useLocalized';
import { MarkNoticeSentDialog } from './MarkNoticeSentDialog';
import { TabIntro } from './TabIntro';

export function NoticesDueTab() {
  const { t } = useTranslation();
  const settings = useConsentSettings();
  const format = useFormatters();
  const state = useLiveQuery(noticesDueList, null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [marking, setMarking] = useState<readonly string[] | null>(null);
  const rows = state.status === 'ready' ? state.value : [];
  const chosen = rows.filter((r) => selected.has(r.personId)).map((r) => r.personId);
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Stack spacing={2} sx={{ maxWidth: 1100 }}>
      <TabIntro
        text={t('consent.noticesDue.intro')}
        action={
          chosen.length > 0 && (
            <Button variant="contained" onClick={() => setMarking(chosen)}>
              {t('consent.noticesDue.markSelected', { count: chosen.length })}
            </Button>
          )
        }
      />
      <LoadedTable
        status={state.status}
        count={rows.length}
        loadingLabel={t('consent.panel.loading')}
        failedText={t('consent.repermission.failed')}
        emptyState={<EmptyState icon={<MarkEmailReadOutlinedIcon />} title={t('consent.noticesDue.empty')} />}
        label={t('consent.tabs.notices-due')}
        leading={
          <TableCell padding="checkbox">
            <Checkbox
              checked={chosen.length === rows.length}
              indeterminate={chosen.length > 0 && chosen.length < rows.length}
              onChange={(e) => setSelected(new Set(e.target.checked ? rows.map((r) => r.personId) : []))}
              slotProps={{ input: { 'aria-label': t('consent.noticesDue.selectAll') } }}
            />
          </TableCell>
        }
        columns={[
          t('consent.repermission.person'),
          t('consent.noticesDue.source'),
          t('consent.noticesDue.dueBy'),
          '',
        ]}
      >
        {rows.map((row) => (
          <TableRow key={row.personId} selected={selected.has(row.personId)}>
            <TableCell padding="checkbox">
              <Checkbox
                checked={selected.has(row.personId)}
                onChange={() => toggle(row.personId)}
                slotProps={{
                  input: { 'aria-label': t('consent.noticesDue.select', { name: row.name }) },
                }}
              />
            </TableCell>
            <TableCell>
              <Link href={formatRoute({ name: 'person', id: row.personId })}>{row.name}</Link>
            </TableCell>
            <TableCell>{t(`source.methods.${row.method as 'import'}`)}</TableCell>
            <TableCell>
              {format.date(row.dueOn)}{' '}
              {row.overdue && <Chip size="small" color="error" label={t('consent.noticesDue.overdue')} />}
            </TableCell>
            <TableCell align="right">
              <Button size="small" onClick={() => setMarking([row.personId])}>
                {t('consent.noticeSent.button')}
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </LoadedTable>
      {marking && (
        <MarkNoticeSentDialog
          personIds={marking}
          who={
            marking.length === 1
              ? (rows.find((r) => r.personId === marking[0])?.name ?? '')
              : t('consent.noticesDue.people', { count: marking.length })
          }
          settings={settings}
          onClose={() => {
            setMarking(null);
            setSelected(new Set());
          }}
        />
      )}
    </Stack>
  );
}

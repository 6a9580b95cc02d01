// "Why do we hold this?": for every field of a person or organisation, its data category and the purposes
// of the register that justify it, with their lawful basis — from the field catalogue.
import { useState } from 'react';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import HelpOutlineIcon from '@mui/icons-material/HelpOutlined';
import { useTranslation } from 'react-i18next';
import { justify, type CataloguedKind } from '../../../../shared/processing-record';
import { useRegisters } from '../hooks/useRegisters';
import { DataTable } from '../../../ui/DataTable';

export function WhyWeHoldThis({ kind }: { kind: CataloguedKind }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const registers = useRegisters();
  const language = i18n.language.startsWith('nl') ? 'nl' : 'en';
  const fields = registers ? justify(kind, registers.purposes, registers.customFields) : [];
  return (
    <>
      <Button size="small" startIcon={<HelpOutlineIcon />} onClick={() => setOpen(true)}>
        {t('lifecycle.why.button')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="md" fullWidth>
        <DialogTitle>{t('lifecycle.why.title')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {t('lifecycle.why.intro')}
          </Typography>
          <DataTable
            label={t('lifecycle.why.title')}
            size="small"
            columns={[t('lifecycle.why.field'), t('lifecycle.why.category'), t('lifecycle.why.purposes')]}
          >
            {fields.map((f) => (
              <TableRow key={f.field}>
                <TableCell>
                  {f.label
                    ? f.label[language] || f.label.en || f.label.nl
                    : t(`lifecycle.why.fields.${f.field}` as 'lifecycle.why.fields.notes')}
                </TableCell>
                <TableCell>
                  {f.category ? t(`lifecycle.categories.${f.category}`) : t('lifecycle.why.notPersonal')}
                </TableCell>
                <TableCell>
                  {f.category && f.purposes.length === 0 && (
                    <Typography variant="body2" color="error">
                      {t('lifecycle.why.noPurpose')}
                    </Typography>
                  )}
                  {f.purposes.map((p) => (
                    <Chip
                      key={p.id}
                      size="small"
                      sx={{ mr: 0.5, mb: 0.5 }}
                      label={`${p.name[language] || p.name.en} · ${t(`lifecycle.bases.${p.basis}`)}`}
                    />
                  ))}
                </TableCell>
              </TableRow>
            ))}
          </DataTable>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{t('lifecycle.why.close')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

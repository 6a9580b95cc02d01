// The append-only consent ledger of one person for one purpose: every given, withdrawn, expired and renewed
// event with its time, method, notice version, evidence, who recorded it and on which device. Entries are
// never edited or deleted (only erasure of the person removes them), so there are no buttons to do so;
// each can be exported as a consent receipt.
import { useState } from 'react';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import ReceiptLongOutlinedIcon from '@mui/icons-material/ReceiptLongOutlined';
import { useTranslation } from 'react-i18next';
import type { ConsentEventPayload } from '../../../../shared/consent';
import { useFormatters } from '../hooks/useLocalized';
import type { ReceiptFormat } from '../../../../shared/consent';
import { ColumnTable } from '../../../ui/ColumnTable';
import { recordedByColumn } from './RecordedBy';
import type { LedgerEntry } from '../../../../shared/purposes';

const TYPE_COLOUR = {
  given: 'success',
  renewed: 'success',
  withdrawn: 'warning',
  expired: 'default',
} as const;

interface Props {
  readonly label: string;
  /** In ledger order (oldest first); shown newest first. */
  readonly entries: readonly LedgerEntry<ConsentEventPayload>[];
  readonly onReceipt: (entry: LedgerEntry<ConsentEventPayload>, format: ReceiptFormat) => void;
}

export function ConsentLedgerTable({ label, entries, onReceipt }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [menu, setMenu] = useState<{ anchor: HTMLElement; entry: LedgerEntry<ConsentEventPayload> } | null>(
    null,
  );
  if (!entries.length)
    return (
      <Typography variant="body2" color="text.secondary">
        {t('consent.ledger.empty')}
      </Typography>
    );
  const shown = [...entries].reverse();
  return (
    <>
      <ColumnTable
        size="small"
        label={label}
        rows={shown}
        rowKey={(entry) => entry.id}
        columns={[
          {
            header: t('consent.ledger.event'),
            cell: ({ data }) => (
              <>
                <Chip
                  size="small"
                  color={TYPE_COLOUR[data.type]}
                  variant="outlined"
                  label={t(`consent.eventTypes.${data.type}`)}
                />
                {data.expiresAt !== null && (
                  <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 0.5 }}>
                    {t('consent.ledger.until', { date: format.date(data.expiresAt) })}
                  </Typography>
                )}
              </>
            ),
          },
          {
            header: t('consent.ledger.time'),
            sx: { whiteSpace: 'nowrap' },
            cell: ({ data }) => (
              <time dateTime={new Date(data.at).toISOString()}>{format.dateTime(data.at)}</time>
            ),
          },
          { header: t('consent.ledger.method'), cell: ({ data }) => t(`consent.methods.${data.method}`) },
          {
            header: t('consent.ledger.notice'),
            cell: ({ data }) => data.noticeVersion || t('consent.ledger.noNotice'),
          },
          {
            header: t('consent.ledger.evidence'),
            sx: { maxWidth: 240, overflowWrap: 'anywhere' },
            cell: ({ data: { evidence } }) => {
              const parts = [
                evidence.text,
                evidence.reference && t('consent.ledger.reference', { reference: evidence.reference }),
                evidence.file && t('consent.ledger.file', { name: evidence.file.name }),
              ].filter(Boolean);
              return parts.length ? parts.join(' · ') : t('consent.ledger.noEvidence');
            },
          },
          recordedByColumn(t('consent.ledger.recordedBy')),
          {
            header: t('consent.ledger.receipt'),
            align: 'right',
            cell: (entry) => (
              <Button
                size="small"
                startIcon={<ReceiptLongOutlinedIcon />}
                onClick={(e) => setMenu({ anchor: e.currentTarget, entry })}
                aria-haspopup="menu"
              >
                {t('consent.ledger.export')}
              </Button>
            ),
          },
        ]}
      />
      <Menu anchorEl={menu?.anchor ?? null} open={menu !== null} onClose={() => setMenu(null)}>
        {(['kantara', 'iso27560'] as const).map((f) => (
          <MenuItem
            key={f}
            onClick={() => {
              if (menu) onReceipt(menu.entry, f);
              setMenu(null);
            }}
          >
            {t(`consent.receipts.${f}`)}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}

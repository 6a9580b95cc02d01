// The record of processing activities (Art. 30): generated from the registers and live counts, shown
// as the auditor will read it, exported as printable HTML or XLSX in Dutch or English — and audited.
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { countInventory } from '../../../../shared/processing-record';
import {
  buildRopa,
  exportRopa,
  type Ropa,
  type RopaDevices,
  type RopaLanguage,
} from '../../../../shared/processing-record';
import { listDevices } from '../../../../shared/sync';
import { ExportBar, useDocumentLanguage } from '../../../kit/ExportBar';
import { notify } from '../../../kit/notification-store';
import { cancelled, useDeliver } from '../../../kit/useDeliver';
import { fetchFromWindow, useSyncStore } from '../../sync/stores/sync-store';
import { useWorkspace } from '../../../kit/workspace';
import type { Registers } from '../hooks/useRegisters';

export function RecordOfProcessingTab({ registers }: { registers: Registers }) {
  const { t } = useTranslation();
  const { workspace: session, directory, actor } = useWorkspace();
  const deliver = useDeliver(t('lifecycle.ropa.title'));
  const link = useSyncStore((s) => s.link);
  const [language, setLanguage] = useDocumentLanguage();
  const [ropa, setRopa] = useState<Ropa | null>(null);

  const generate = async (lang: RopaLanguage): Promise<Ropa> => {
    const people = directory.people().map((r) => r.id);
    const organisations = directory.organisations().length;
    const counts = await countInventory(session, people, organisations, registers.purposes);
    let devices: RopaDevices | null = null;
    if (link?.role === 'admin') {
      const reply = await listDevices(fetchFromWindow, link);
      if (reply.ok) {
        const list = reply.value;
        const synced = list.map((d) => d.lastSyncAt ?? 0).filter(Boolean);
        devices = {
          total: list.length,
          active: list.filter((d) => d.revokedAt === null).length,
          lastSyncedAt: synced.length ? Math.max(...synced) : null,
        };
      }
    }
    return buildRopa({ ...registers, counts, devices, generatedAt: Date.now() }, lang);
  };

  const run = async (action: (r: Ropa) => Promise<void> | void) => {
    try {
      const fresh = await generate(language);
      setRopa(fresh);
      await action(fresh);
    } catch {
      notify(t('lifecycle.ropa.failed'), 'error');
    }
  };

  const save = async (r: Ropa, format: 'html' | 'xlsx') => {
    try {
      const name = await exportRopa(session, actor, { ropa: r, format, deliver });
      notify(t('lifecycle.ropa.saved', { name }));
    } catch (error) {
      if (!cancelled(error)) notify(t('lifecycle.ropa.failed'), 'error');
    }
  };

  return (
    <Stack spacing={2.5}>
      <Typography variant="body2" color="text.secondary">
        {t('lifecycle.ropa.intro')}
      </Typography>
      <ExportBar
        languageLabel={t('lifecycle.ropa.language')}
        language={language}
        onLanguage={setLanguage}
        progressLabel={t('lifecycle.ropa.generating')}
        actions={[
          { label: t('lifecycle.ropa.generate'), run: () => run(() => undefined), primary: true },
          { label: t('lifecycle.ropa.exportHtml'), run: () => run((r) => save(r, 'html')) },
          { label: t('lifecycle.ropa.exportXlsx'), run: () => run((r) => save(r, 'xlsx')) },
        ]}
      />
      {ropa && ropa.gaps.length > 0 && (
        <Alert severity="warning">
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {t('lifecycle.ropa.gaps')}
          </Typography>
          {ropa.gaps.map((gap) => (
            <Typography key={gap} variant="body2">
              {gap}
            </Typography>
          ))}
        </Alert>
      )}
      {ropa && (
        <Stack spacing={1.5} aria-label={t('lifecycle.ropa.title')}>
          <Typography variant="body2">
            {t('lifecycle.ropa.summary', {
              purposes: t('lifecycle.ropa.purposes', { count: ropa.entries.length }),
              people: t('lifecycle.ropa.people', { count: ropa.counts.people }),
              organisations: t('lifecycle.ropa.organisations', { count: ropa.counts.organisations }),
            })}
          </Typography>
          {ropa.entries.map((e) => (
            <Card key={e.purposeId} variant="outlined" sx={{ p: 2 }}>
              <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography variant="subtitle1" sx={{ fontWeight: 600, flex: 1 }}>
                  {e.name}
                </Typography>
                <Chip size="small" label={t(`lifecycle.bases.${e.lawfulBasis}`)} />
                <Chip
                  size="small"
                  variant="outlined"
                  label={t('lifecycle.ropa.people', { count: e.people })}
                />
              </Box>
              <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                {e.retention}
              </Typography>
              <Typography variant="body2" sx={{ mt: 0.5 }}>
                {t('lifecycle.ropa.recipients')}: {e.recipients.join(', ') || '—'}
              </Typography>
              {e.transfers.length > 0 && (
                <Typography variant="body2">
                  {t('lifecycle.ropa.transfers')}:{' '}
                  {e.transfers.map((x) => `${x.country} (${x.safeguard || '—'})`).join(', ')}
                </Typography>
              )}
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

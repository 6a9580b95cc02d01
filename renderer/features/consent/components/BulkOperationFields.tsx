// What a bulk update does: add or remove tags, set the job title or organisation, record a lawful basis
// or a consent event for a purpose, or subscribe / unsubscribe a list.
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { OrganisationRow } from '../../../../shared/directory';
import { useWorkspace } from '../../../kit/workspace';
import type { ConsentSettings } from '../hooks/useConsentSettings';
import { useLocalized } from '../hooks/useLocalized';
import { LawfulBasisField } from './LawfulBasisField';
import { ConsentMethodField } from './ConsentMethodField';
import { PurposeField } from './PurposeField';
import { TextListField } from './TextListField';
import { OwnerChoiceField } from './OwnerChoiceField';
import type { ConsentMethod, LawfulBasis } from '../../../../shared/purposes';
import { type BulkOperation } from '../../../../shared/bulk';

export const OPERATION_KINDS = [
  'tags-add',
  'tags-remove',
  'job-title',
  'organisation',
  'owner',
  'set-basis',
  'consent-given',
  'consent-withdrawn',
  'subscribe',
  'unsubscribe',
] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

export interface OperationDraft {
  readonly kind: OperationKind;
  readonly tags: readonly string[];
  readonly jobTitle: string;
  readonly organisationId: string | null;
  /** The new account owner (a member's user id). */
  readonly ownerId: string;
  readonly purposeId: string;
  readonly basis: LawfulBasis | '';
  readonly method: ConsentMethod;
  readonly note: string;
  readonly listId: string;
}

export const newOperation = (settings: ConsentSettings): OperationDraft => ({
  kind: 'tags-add',
  tags: [],
  jobTitle: '',
  organisationId: null,
  ownerId: '',
  purposeId: settings.purposes[0]?.id ?? '',
  basis: '',
  method: 'email',
  note: '',
  listId: settings.subscriptionTypes[0]?.id ?? '',
});

/** The core's operation for a draft, or null while it is incomplete. */
export const toOperation = (d: OperationDraft, settings: ConsentSettings): BulkOperation | null => {
  switch (d.kind) {
    case 'tags-add':
      return d.tags.length ? { type: 'set-fields', tagsAdd: d.tags } : null;
    case 'tags-remove':
      return d.tags.length ? { type: 'set-fields', tagsRemove: d.tags } : null;
    case 'job-title':
      return { type: 'set-fields', jobTitle: d.jobTitle };
    case 'organisation':
      return { type: 'set-fields', organisationId: d.organisationId };
    case 'owner':
      return d.ownerId.trim() ? { type: 'set-fields', ownerId: d.ownerId.trim() } : null;
    case 'set-basis':
      return d.purposeId
        ? {
            type: 'set-basis',
            purposeId: d.purposeId,
            basis: d.basis || null,
            note: d.note,
          }
        : null;
    case 'consent-given':
    case 'consent-withdrawn': {
      if (!d.purposeId) return null;
      const notice = settings.notices[0];
      return {
        type: 'consent',
        purposeId: d.purposeId,
        event: d.kind === 'consent-given' ? 'given' : 'withdrawn',
        method: d.method,
        noticeId: d.kind === 'consent-given' ? (notice?.id ?? null) : null,
        noticeVersion: d.kind === 'consent-given' ? (notice?.data.version ?? '') : '',
        evidence: { text: d.note },
      };
    }
    case 'subscribe':
    case 'unsubscribe':
      return d.listId ? { type: d.kind, subscriptionTypeId: d.listId } : null;
  }
};

interface Props {
  readonly value: OperationDraft;
  readonly onChange: (value: OperationDraft) => void;
  readonly settings: ConsentSettings;
  readonly tagSuggestions: readonly string[];
}

export function BulkOperationFields({ value, onChange, settings, tagSuggestions }: Props) {
  const { t } = useTranslation();
  const { directory } = useWorkspace();
  const localized = useLocalized();
  const set = (change: Partial<OperationDraft>) => onChange({ ...value, ...change });
  const purposes =
    value.kind === 'consent-given' || value.kind === 'consent-withdrawn'
      ? settings.purposes.filter((p) => p.data.lawfulBasis === 'consent')
      : settings.purposes;
  const organisation = value.organisationId ? (directory.organisation(value.organisationId) ?? null) : null;
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 1.5,
        gridTemplateColumns: { xs: '1fr', md: '1fr 2fr' },
        alignItems: 'start',
      }}
    >
      <TextField
        select
        label={t('consent.bulk.operation')}
        value={value.kind}
        onChange={(e) => set({ kind: e.target.value as OperationKind })}
      >
        {OPERATION_KINDS.map((kind) => (
          <MenuItem key={kind} value={kind}>
            {kind === 'owner' ? t('reports.owner.bulk') : t(`consent.bulk.operations.${kind}`)}
          </MenuItem>
        ))}
      </TextField>
      <Box sx={{ display: 'grid', gap: 1.5 }}>
        {(value.kind === 'tags-add' || value.kind === 'tags-remove') && (
          <TextListField
            label={t('fields.tags')}
            helperText={t('consent.purposeForm.listHelp')}
            value={value.tags}
            suggestions={tagSuggestions}
            onChange={(tags) => set({ tags })}
          />
        )}
        {value.kind === 'job-title' && (
          <TextField
            label={t('fields.jobTitle')}
            value={value.jobTitle}
            onChange={(e) => set({ jobTitle: e.target.value })}
          />
        )}
        {value.kind === 'organisation' && (
          <Autocomplete<OrganisationRow>
            options={directory.organisations()}
            filterOptions={(_, state) => directory.searchOrganisations(state.inputValue).slice(0, 50)}
            value={organisation}
            onChange={(_, row) => set({ organisationId: row?.id ?? null })}
            getOptionLabel={(o) => o.name}
            isOptionEqualToValue={(a, b) => a.id === b.id}
            renderInput={(params) => (
              <TextField
                {...params}
                label={t('fields.organisation')}
                helperText={t('consent.bulk.noOrganisationHelp')}
              />
            )}
          />
        )}
        {value.kind === 'owner' && (
          <OwnerChoiceField value={value.ownerId} onChange={(ownerId) => set({ ownerId })} />
        )}
        {(value.kind === 'set-basis' ||
          value.kind === 'consent-given' ||
          value.kind === 'consent-withdrawn') && (
          <PurposeField
            label={t('consent.campaign.purpose')}
            purposes={purposes}
            value={value.purposeId}
            onChange={(purposeId) => set({ purposeId })}
          />
        )}
        {value.kind === 'set-basis' && (
          <LawfulBasisField value={value.basis} onChange={(basis) => set({ basis })} allowNone />
        )}
        {(value.kind === 'consent-given' || value.kind === 'consent-withdrawn') && (
          <ConsentMethodField value={value.method} onChange={(method) => set({ method })} />
        )}
        {(value.kind === 'set-basis' ||
          value.kind === 'consent-given' ||
          value.kind === 'consent-withdrawn') && (
          <TextField
            label={value.kind === 'set-basis' ? t('consent.basis.note') : t('consent.record.evidenceText')}
            value={value.note}
            onChange={(e) => set({ note: e.target.value })}
            helperText={value.kind === 'consent-given' ? t('consent.bulk.consentHelp') : undefined}
          />
        )}
        {(value.kind === 'subscribe' || value.kind === 'unsubscribe') && (
          <TextField
            select
            label={t('consent.campaign.list')}
            value={value.listId}
            onChange={(e) => set({ listId: e.target.value })}
          >
            {settings.subscriptionTypes.map((s) => (
              <MenuItem key={s.id} value={s.id}>
                {localized(s.data.name)}
              </MenuItem>
            ))}
          </TextField>
        )}
      </Box>
    </Box>
  );
}

// The facts of a breach, in the order of the Dutch authority's form: what happened and when, its nature,
// the kinds of data and number of records, and the people affected.
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import {
  BREACH_DATA_KINDS,
  BREACH_EVENTS,
  BREACH_PROPERTIES,
  type BreachPayload,
} from '../../../../shared/breach';
import { FormSection } from '../../../ui/FormSection';
import { AffectedPeoplePicker } from './AffectedPeoplePicker';
import { CheckboxGroup } from './CheckboxGroup';
import { DateTimeField } from './DateTimeField';
import { DrillFindingsView } from './DrillFindingsView';

export interface SectionProps {
  readonly draft: BreachPayload;
  readonly change: (patch: Partial<BreachPayload>) => void;
  /** Field path ('people.max') -> message key. */
  readonly errors: Readonly<Record<string, string>>;
}

const count = (text: string): number => {
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) && n >= 0 ? n : 0;
};

/** A number of records or people: never below zero. */
function CountField(props: {
  readonly name: string;
  readonly label: string;
  readonly value: number;
  readonly onChange: (value: number) => void;
  readonly error?: string | undefined;
  readonly maxWidth?: number;
}) {
  return (
    <TextField
      size="small"
      type="number"
      name={props.name}
      label={props.label}
      error={Boolean(props.error)}
      helperText={props.error}
      value={props.value}
      onChange={(e) => props.onChange(count(e.target.value))}
      slotProps={{ htmlInput: { min: 0 } }}
      sx={props.maxWidth ? { maxWidth: props.maxWidth } : undefined}
    />
  );
}

export function BreachFacts({ draft, change, errors }: SectionProps) {
  const { t } = useTranslation();
  const error = (path: string) => (errors[path] ? t('breach.form.invalid', { field: path }) : undefined);
  /** One list of the breach's nature (which properties of the data, which events), as checkboxes. */
  const natureGroup = <K extends keyof BreachPayload['nature']>(
    key: K,
    options: readonly BreachPayload['nature'][K][number][],
    optionLabel: (option: BreachPayload['nature'][K][number]) => string,
  ) => (
    <CheckboxGroup
      row
      label={t(`breach.field.${key}`)}
      options={options}
      value={draft.nature[key]}
      optionLabel={optionLabel}
      onChange={(chosen) => change({ nature: { ...draft.nature, [key]: chosen } })}
    />
  );
  return (
    <Stack spacing={3}>
      <FormSection title={t('breach.section.timeline')}>
        <Grid container spacing={2}>
          <Grid size={12}>
            <TextField
              fullWidth
              required
              size="small"
              name="title"
              label={t('breach.field.title')}
              helperText={error('title') ?? t('breach.field.titleHelp')}
              error={Boolean(errors.title)}
              value={draft.title}
              onChange={(e) => change({ title: e.target.value })}
            />
          </Grid>
          <Grid size={12}>
            <TextField
              fullWidth
              multiline
              minRows={2}
              size="small"
              name="description"
              label={t('breach.field.description')}
              value={draft.description}
              onChange={(e) => change({ description: e.target.value })}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <DateTimeField
              name="occurredAt"
              label={t('breach.field.occurredAt')}
              value={draft.occurredAt}
              error={error('occurredAt')}
              onChange={(occurredAt) => change({ occurredAt })}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <DateTimeField
              name="awareAt"
              required
              label={t('breach.field.awareAt')}
              value={draft.awareAt}
              error={error('awareAt')}
              onChange={(awareAt) => awareAt !== null && change({ awareAt })}
            />
          </Grid>
        </Grid>
      </FormSection>
      <FormSection title={t('breach.section.nature')}>
        <Stack spacing={1}>
          {natureGroup('properties', BREACH_PROPERTIES, (p) => t(`breach.property.${p}`))}
          {natureGroup('events', BREACH_EVENTS, (e) => t(`breach.event.${e}`))}
        </Stack>
      </FormSection>
      <FormSection title={t('breach.section.data')}>
        <Stack spacing={2}>
          {draft.exposure && <DrillFindingsView figures={draft.exposure} />}
          <CheckboxGroup
            label={t('breach.field.dataKinds')}
            options={BREACH_DATA_KINDS}
            value={draft.dataKinds}
            optionLabel={(k) => t(`breach.dataKind.${k}`)}
            onChange={(dataKinds) => change({ dataKinds })}
          />
          <CountField
            name="records"
            label={t('breach.field.records')}
            value={draft.records}
            onChange={(records) => change({ records })}
            maxWidth={260}
          />
        </Stack>
      </FormSection>
      <FormSection title={t('breach.section.people')}>
        <Grid container spacing={2}>
          <Grid size={12}>
            <TextField
              fullWidth
              size="small"
              name="group"
              label={t('breach.field.group')}
              value={draft.people.group}
              onChange={(e) => change({ people: { ...draft.people, group: e.target.value } })}
            />
          </Grid>
          <Grid size={{ xs: 6, sm: 3 }}>
            <CountField
              name="peopleMin"
              label={t('breach.field.min')}
              value={draft.people.min}
              onChange={(min) => change({ people: { ...draft.people, min } })}
            />
          </Grid>
          <Grid size={{ xs: 6, sm: 3 }}>
            <CountField
              name="peopleMax"
              label={t('breach.field.max')}
              error={errors['people.max'] ? t('breach.form.minMax') : undefined}
              value={draft.people.max}
              onChange={(max) => change({ people: { ...draft.people, max } })}
            />
          </Grid>
          <Grid size={12}>
            <AffectedPeoplePicker
              value={draft.affectedSubjectIds}
              onChange={(ids) =>
                change({
                  affectedSubjectIds: ids,
                  // A manual selection is the exact number; a drill already set it from the device.
                  ...(draft.source === 'manual'
                    ? { people: { ...draft.people, min: ids.length, max: ids.length } }
                    : {}),
                })
              }
            />
          </Grid>
        </Grid>
      </FormSection>
    </Stack>
  );
}

// The admin's assessment and decisions: measures in place beforehand, consequences and risk, whether to
// notify the authority and the people (with reasons and Art. 34(3) exemptions), and the follow-up.
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { breachClock } from '../../../../shared/breach';
import { KEY_PROTECTIONS, PEOPLE_EXEMPTIONS, RISK_LEVELS } from '../../../../shared/breach';
import { FormSection } from '../../../ui/FormSection';
import { SelectField } from '../../../ui/forms/SelectField';
import { useNow } from '../hooks/useNow';
import type { SectionProps } from './BreachFacts';
import { CheckboxGroup } from './CheckboxGroup';
import { DateTimeField } from './DateTimeField';

/** A labelled row of radio buttons, one for each option. */
function RadioRow<T extends string>(props: {
  readonly label: string;
  readonly name: string;
  readonly options: readonly T[];
  readonly optionLabel: (option: T) => string;
  readonly value: T | '';
  readonly onChange: (value: T) => void;
}) {
  return (
    <FormControl>
      <FormLabel id={`${props.name}-label`}>{props.label}</FormLabel>
      <RadioGroup
        row
        name={props.name}
        aria-labelledby={`${props.name}-label`}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as T)}
      >
        {props.options.map((option) => (
          <FormControlLabel
            key={option}
            value={option}
            control={<Radio />}
            label={props.optionLabel(option)}
          />
        ))}
      </RadioGroup>
    </FormControl>
  );
}

const DECISIONS = ['yes', 'no', 'undecided'] as const;

function Decision(props: {
  readonly label: string;
  readonly name: string;
  readonly value: boolean | null;
  readonly onChange: (value: boolean | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <RadioRow
      label={props.label}
      name={props.name}
      options={DECISIONS}
      optionLabel={(d) => t(`breach.decision.${d}`)}
      value={props.value === null ? 'undecided' : props.value ? 'yes' : 'no'}
      onChange={(d) => props.onChange(d === 'undecided' ? null : d === 'yes')}
    />
  );
}

const Text = (props: { label: string; name: string; value: string; onChange: (v: string) => void }) => (
  <TextField
    fullWidth
    multiline
    minRows={2}
    size="small"
    name={props.name}
    label={props.label}
    value={props.value}
    onChange={(e) => props.onChange(e.target.value)}
  />
);

export function BreachAssessment({ draft, change, errors }: SectionProps) {
  const { t } = useTranslation();
  const now = useNow();
  const clock = breachClock(draft, now);
  const late = clock.status === 'overdue' || clock.status === 'notified_late';
  /** Whether to notify the authority or the people, and why. */
  const decision = (key: 'notifyAuthority' | 'notifyPeople') => (
    <Decision
      name={key}
      label={t(`breach.field.${key}`)}
      value={draft[key].decision}
      onChange={(value) => change({ [key]: { ...draft[key], decision: value } })}
    />
  );
  const reasons = (key: 'notifyAuthority' | 'notifyPeople') => (
    <Text
      name={`${key}Reasons`}
      label={t('breach.field.reasons')}
      value={draft[key].reasons}
      onChange={(value) => change({ [key]: { ...draft[key], reasons: value } })}
    />
  );
  /** A free-text answer stored at the top of the record under its own field name. */
  const text = (field: 'consequences' | 'measuresTaken' | 'measuresProposed' | 'followUp') => (
    <Text
      name={field}
      label={t(`breach.field.${field}`)}
      value={draft[field]}
      onChange={(value) => change({ [field]: value })}
    />
  );
  return (
    <Stack spacing={3}>
      <FormSection title={t('breach.section.beforehand')}>
        <Stack spacing={2}>
          <FormControlLabel
            control={
              <Switch
                checked={draft.beforehand.encrypted}
                onChange={(e) => change({ beforehand: { ...draft.beforehand, encrypted: e.target.checked } })}
              />
            }
            label={t('breach.field.encrypted')}
          />
          <SelectField
            size="small"
            name="keyProtection"
            label={t('breach.field.keyProtection')}
            value={draft.beforehand.keyProtection}
            options={KEY_PROTECTIONS}
            labelOf={(k) => t(`breach.keyProtection.${k}`)}
            onChange={(keyProtection) => change({ beforehand: { ...draft.beforehand, keyProtection } })}
            sx={{ maxWidth: 480 }}
          />
          <Text
            name="beforehandText"
            label={t('breach.field.beforehandText')}
            value={draft.beforehand.text}
            onChange={(text) => change({ beforehand: { ...draft.beforehand, text } })}
          />
        </Stack>
      </FormSection>
      <FormSection title={t('breach.section.consequences')}>
        <Stack spacing={2}>
          {text('consequences')}
          <RadioRow
            name="risk"
            label={t('breach.field.risk')}
            options={RISK_LEVELS}
            optionLabel={(level) => t(`breach.risk.${level}`)}
            value={draft.risk.level ?? ''}
            onChange={(level) => change({ risk: { ...draft.risk, level } })}
          />
          <Text
            name="riskReasons"
            label={t('breach.field.riskReasons')}
            value={draft.risk.reasons}
            onChange={(reasons) => change({ risk: { ...draft.risk, reasons } })}
          />
        </Stack>
      </FormSection>
      <FormSection title={t('breach.section.followUp')}>
        <Stack spacing={2}>
          {decision('notifyAuthority')}
          {reasons('notifyAuthority')}
          <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <DateTimeField
              name="notifiedAuthorityAt"
              label={t('breach.field.notifiedAuthorityAt')}
              value={draft.notifiedAuthorityAt}
              error={errors.notifiedAuthorityAt ? t('breach.form.notifiedBeforeAware') : undefined}
              onChange={(notifiedAuthorityAt) => change({ notifiedAuthorityAt })}
            />
            <Button onClick={() => change({ notifiedAuthorityAt: Date.now() })}>
              {t('breach.form.now')}
            </Button>
          </Stack>
          {late && (
            <TextField
              fullWidth
              multiline
              minRows={2}
              size="small"
              name="delayReason"
              required
              error={clock.delayReasonMissing}
              label={t('breach.field.delayReason')}
              helperText={t('breach.field.delayReasonHelp')}
              value={draft.delayReason}
              onChange={(e) => change({ delayReason: e.target.value })}
            />
          )}
          {decision('notifyPeople')}
          <CheckboxGroup
            label={t('breach.field.exemptions')}
            options={PEOPLE_EXEMPTIONS}
            value={draft.notifyPeople.exemptions}
            optionLabel={(e) => t(`breach.exemption.${e}`)}
            onChange={(exemptions) => change({ notifyPeople: { ...draft.notifyPeople, exemptions } })}
          />
          {reasons('notifyPeople')}
          <DateTimeField
            name="peopleNotifiedAt"
            label={t('breach.field.peopleNotifiedAt')}
            value={draft.peopleNotifiedAt}
            onChange={(peopleNotifiedAt) => change({ peopleNotifiedAt })}
          />
          {text('measuresTaken')}
          {text('measuresProposed')}
          {text('followUp')}
        </Stack>
      </FormSection>
    </Stack>
  );
}

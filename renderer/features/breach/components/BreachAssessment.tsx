// The admin's assessment and decisions: measures in place beforehand, consequences and risk, whether to
// notify the authority and the people (with reasons and Art. 34(3) exemptions), and the follow-up.
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { breachClock } from '../../../../shared/breach';
import { KEY_PROTECTIONS, PEOPLE_EXEMPTIONS, RISK_LEVELS, type RiskLevel } from '../../../../shared/breach';
import { FormSection } from '../../../ui/FormSection';
import { useNow } from '../hooks/useNow';
import type { SectionProps } from './BreachFacts';
import { CheckboxGroup } from './CheckboxGroup';
import { DateTimeField } from './DateTimeField';

function Decision(props: {
  readonly label: string;
  readonly name: string;
  readonly value: boolean | null;
  readonly onChange: (value: boolean | null) => void;
}) {
  const { t } = useTranslation();
  const text = props.value === null ? 'undecided' : props.value ? 'yes' : 'no';
  return (
    <FormControl>
      <FormLabel id={`${props.name}-label`}>{props.label}</FormLabel>
      <RadioGroup
        row
        name={props.name}
        aria-labelledby={`${props.name}-label`}
        value={text}
        onChange={(e) => props.onChange(e.target.value === 'undecided' ? null : e.target.value === 'yes')}
      >
        <FormControlLabel value="yes" control={<Radio />} label={t('breach.decision.yes')} />
        <FormControlLabel value="no" control={<Radio />} label={t('breach.decision.no')} />
        <FormControlLabel value="undecided" control={<Radio />} label={t('breach.decision.undecided')} />
      </RadioGroup>
    </FormControl>
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
          <TextField
            select
            size="small"
            name="keyProtection"
            label={t('breach.field.keyProtection')}
            value={draft.beforehand.keyProtection}
            onChange={(e) =>
              change({
                beforehand: {
                  ...draft.beforehand,
                  keyProtection: e.target.value as typeof draft.beforehand.keyProtection,
                },
              })
            }
            sx={{ maxWidth: 480 }}
          >
            {KEY_PROTECTIONS.map((k) => (
              <MenuItem key={k} value={k}>
                {t(`breach.keyProtection.${k}`)}
              </MenuItem>
            ))}
          </TextField>
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
          <Text
            name="consequences"
            label={t('breach.field.consequences')}
            value={draft.consequences}
            onChange={(consequences) => change({ consequences })}
          />
          <FormControl>
            <FormLabel id="risk-label">{t('breach.field.risk')}</FormLabel>
            <RadioGroup
              row
              name="risk"
              aria-labelledby="risk-label"
              value={draft.risk.level ?? ''}
              onChange={(e) => change({ risk: { ...draft.risk, level: e.target.value as RiskLevel } })}
            >
              {RISK_LEVELS.map((level) => (
                <FormControlLabel
                  key={level}
                  value={level}
                  control={<Radio />}
                  label={t(`breach.risk.${level}`)}
                />
              ))}
            </RadioGroup>
          </FormControl>
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
          <Decision
            name="notifyAuthority"
            label={t('breach.field.notifyAuthority')}
            value={draft.notifyAuthority.decision}
            onChange={(decision) => change({ notifyAuthority: { ...draft.notifyAuthority, decision } })}
          />
          <Text
            name="notifyAuthorityReasons"
            label={t('breach.field.reasons')}
            value={draft.notifyAuthority.reasons}
            onChange={(reasons) => change({ notifyAuthority: { ...draft.notifyAuthority, reasons } })}
          />
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
          <Decision
            name="notifyPeople"
            label={t('breach.field.notifyPeople')}
            value={draft.notifyPeople.decision}
            onChange={(decision) => change({ notifyPeople: { ...draft.notifyPeople, decision } })}
          />
          <CheckboxGroup
            label={t('breach.field.exemptions')}
            options={PEOPLE_EXEMPTIONS}
            value={draft.notifyPeople.exemptions}
            optionLabel={(e) => t(`breach.exemption.${e}`)}
            onChange={(exemptions) => change({ notifyPeople: { ...draft.notifyPeople, exemptions } })}
          />
          <Text
            name="notifyPeopleReasons"
            label={t('breach.field.reasons')}
            value={draft.notifyPeople.reasons}
            onChange={(reasons) => change({ notifyPeople: { ...draft.notifyPeople, reasons } })}
          />
          <DateTimeField
            name="peopleNotifiedAt"
            label={t('breach.field.peopleNotifiedAt')}
            value={draft.peopleNotifiedAt}
            onChange={(peopleNotifiedAt) => change({ peopleNotifiedAt })}
          />
          <Text
            name="measuresTaken"
            label={t('breach.field.measuresTaken')}
            value={draft.measuresTaken}
            onChange={(measuresTaken) => change({ measuresTaken })}
          />
          <Text
            name="measuresProposed"
            label={t('breach.field.measuresProposed')}
            value={draft.measuresProposed}
            onChange={(measuresProposed) => change({ measuresProposed })}
          />
          <Text
            name="followUp"
            label={t('breach.field.followUp')}
            value={draft.followUp}
            onChange={(followUp) => change({ followUp })}
          />
        </Stack>
      </FormSection>
    </Stack>
  );
}

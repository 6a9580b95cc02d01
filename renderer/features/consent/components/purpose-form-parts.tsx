// The purpose dialog's building blocks: an empty purpose, which field an error belongs to, and the
// section and switch the form repeats.
import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import type { PurposePayload } from '../../../../shared/purposes';

export const EMPTY: PurposePayload = {
  name: { en: '', nl: '' },
  description: { en: '', nl: '' },
  lawfulBasis: 'consent',
  balancingTest: '',
  appliesToAll: false,
  directMarketing: false,
  dataCategories: ['identity', 'contact'],
  specialCategoryException: '',
  categoriesOfSubjects: [],
  recipients: [],
  thirdCountryTransfers: [],
  retention: { text: { en: '', nl: '' }, months: null, trigger: 'end_of_relationship' },
  securityMeasures: [],
  channels: ['email'],
  requiresSubscription: false,
  purposeCategory: [],
  active: true,
};

export type ErrorKey = 'name' | 'balancingTest' | 'specialCategory' | 'months' | 'invalid';

export const errorKeyOf = (path: string): ErrorKey => {
  if (path === 'name' || path.startsWith('name.')) return 'name';
  if (path === 'balancingTest') return 'balancingTest';
  if (path === 'specialCategoryException') return 'specialCategory';
  if (path.startsWith('retention.months')) return 'months';
  return 'invalid';
};

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack spacing={1.5} component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
      <Typography component="legend" variant="h3" sx={{ mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Stack>
  );
}

export function Toggle(props: {
  label: string;
  help: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  disabled: boolean;
}) {
  return (
    <Box>
      <FormControlLabel
        control={
          <Switch
            checked={props.checked}
            onChange={(e) => props.onChange(e.target.checked)}
            disabled={props.disabled}
          />
        }
        label={props.label}
      />
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block', ml: 6, mt: -0.5 }}>
        {props.help}
      </Typography>
    </Box>
  );
}

// Section 1 of the form: the contact point for the authority (Art. 33(3)(b)), from the controller's DPO.
import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { FormSection } from '../../../ui/FormSection';
import type { SectionProps } from './BreachFacts';

export function BreachContact({ draft, change }: SectionProps) {
  const { t } = useTranslation();
  const field = (key: 'name' | 'email' | 'phone') => (
    <TextField
      fullWidth
      size="small"
      name={`contact-${key}`}
      label={t(`breach.field.contact.${key}`)}
      value={draft.contact[key]}
      onChange={(e) => change({ contact: { ...draft.contact, [key]: e.target.value } })}
    />
  );
  return (
    <FormSection title={t('breach.section.contact')} description={t('breach.field.contactHelp')}>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, sm: 4 }}>{field('name')}</Grid>
        <Grid size={{ xs: 12, sm: 4 }}>{field('email')}</Grid>
        <Grid size={{ xs: 12, sm: 4 }}>{field('phone')}</Grid>
      </Grid>
    </FormSection>
  );
}

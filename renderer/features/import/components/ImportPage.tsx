// Import from spreadsheets and address books (CSV, XLSX, vCard): a wizard from file to report. The heavy
// work (reading, mapping, finding duplicates) runs in a worker; the commit is whole or not at all.
import Box from '@mui/material/Box';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { PageHeader } from '../../../ui/PageHeader';
import { STEPS, useImportStore } from '../stores/import-store';
import { DuplicatesStep } from './DuplicatesStep';
import { FileStep } from './FileStep';
import { ImportProgress } from './ImportProgress';
import { MappingStep } from './MappingStep';
import { PurposeStep } from './PurposeStep';
import { ReportStep } from './ReportStep';
import { WizardError } from './WizardError';

export function ImportPage() {
  const { t } = useTranslation();
  // One subscription for the four the page follows; shallow, so a change elsewhere in the store is ignored.
  const { step, busy, error, cancel } = useImportStore(
    useShallow(({ step, busy, error, cancel }) => ({ step, busy, error, cancel })),
  );
  const active = STEPS.indexOf(step);

  return (
    <Box sx={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
      <PageHeader title={t('import.title')} subtitle={t('import.subtitle')} />
      <Stepper activeStep={active} alternativeLabel sx={{ mb: 3 }}>
        {STEPS.map((s) => (
          <Step key={s}>
            <StepLabel>{t(`import.steps.${s}`)}</StepLabel>
          </Step>
        ))}
      </Stepper>
      {error && <WizardError error={error} />}
      {step === 'file' && busy?.kind === 'read' ? (
        <ImportProgress busy={busy} onCancel={cancel} />
      ) : (
        step === 'file' && <FileStep />
      )}
      {step === 'mapping' && <MappingStep />}
      {step === 'purpose' && <PurposeStep />}
      {step === 'duplicates' && <DuplicatesStep />}
      {step === 'run' && busy && <ImportProgress busy={busy} onCancel={cancel} />}
      {step === 'report' && <ReportStep />}
    </Box>
  );
}

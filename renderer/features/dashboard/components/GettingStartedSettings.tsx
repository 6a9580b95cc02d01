// Settings → Getting started: shows the dashboard's getting-started guide again after it was skipped.
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import RocketLaunchOutlinedIcon from '@mui/icons-material/RocketLaunchOutlined';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../kit/routing';
import { FormSection } from '../../../ui/FormSection';
import { useGuideStore } from '../stores/guide-store';

export function GettingStartedSettings() {
  const { t } = useTranslation();
  const showAgain = useGuideStore((s) => s.showAgain);
  return (
    <FormSection title={t('dashboard.guide.title')} icon={<RocketLaunchOutlinedIcon />}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {t('dashboard.guide.settingsHint')}
      </Typography>
      <Button
        variant="outlined"
        onClick={() => {
          showAgain();
          navigate({ name: 'dashboard' });
        }}
      >
        {t('dashboard.guide.show')}
      </Button>
    </FormSection>
  );
}

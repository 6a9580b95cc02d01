// A small marker next to a restricted person's name in lists and on pages that link them (Art. 18).
import Chip from '@mui/material/Chip';
import BlockOutlinedIcon from '@mui/icons-material/BlockOutlined';
import { useTranslation } from 'react-i18next';

export function RestrictionMarker() {
  const { t } = useTranslation();
  return (
    <Chip
      size="small"
      color="warning"
      variant="outlined"
      icon={<BlockOutlinedIcon />}
      label={t('subjectRights.restriction.marker')}
      title={t('subjectRights.restriction.markerHelp')}
      data-testid="restriction-marker"
    />
  );
}

// The arrow back to where a subject page was opened from; a link, so it also works as one.
import IconButton from '@mui/material/IconButton';
import ArrowBackRoundedIcon from '@mui/icons-material/ArrowBackRounded';
import { useTranslation } from 'react-i18next';

export function SubjectBackButton({ href }: { readonly href: string }) {
  const { t } = useTranslation();
  return (
    <IconButton component="a" href={href} aria-label={t('common.back')}>
      <ArrowBackRoundedIcon />
    </IconButton>
  );
}

// The first stop of the keyboard on every screen: "Skip to content" jumps past the sidebar's links to the
// page. Hidden until it has focus, as WCAG 2.4.1 (bypass blocks) suggests.
import type { RefObject } from 'react';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';

export function SkipToContent({ target }: { target: RefObject<HTMLElement | null> }) {
  const { t } = useTranslation();
  return (
    <Button
      variant="contained"
      onClick={() => target.current?.focus()}
      sx={{
        position: 'fixed',
        top: 8,
        left: 8,
        zIndex: (theme) => theme.zIndex.tooltip + 1,
        transform: 'translateY(-200%)',
        '&:focus, &.Mui-focusVisible': { transform: 'none' },
      }}
    >
      {t('nav.skipToContent')}
    </Button>
  );
}

// The sentence at the top of a privacy tab saying what it is for, with the tab's main action beside it.
import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';

export function TabIntro({ text, action }: { text: string; action?: ReactNode }) {
  return (
    <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
      <Typography variant="body2" color="text.secondary" sx={{ flex: 1, minWidth: 280, maxWidth: 760 }}>
        {text}
      </Typography>
      {action}
    </Box>
  );
}

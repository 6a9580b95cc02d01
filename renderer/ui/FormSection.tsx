// A titled card grouping related fields; the title labels the group for assistive technology.
import { useId, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import Typography from '@mui/material/Typography';

interface Props {
  readonly title: string;
  readonly description?: ReactNode;
  readonly icon?: ReactNode;
  readonly children: ReactNode;
}

export function FormSection({ title, description, icon, children }: Props) {
  const id = useId();
  return (
    <Card component="section" aria-labelledby={id} sx={{ p: { xs: 2, sm: 3 } }}>
      <Box sx={{ display: 'flex', gap: 1.25, alignItems: 'center', mb: description ? 0.5 : 2 }}>
        {icon && (
          <Box aria-hidden sx={{ color: 'primary.main', display: 'flex' }}>
            {icon}
          </Box>
        )}
        <Typography variant="h2" id={id}>
          {title}
        </Typography>
      </Box>
      {description && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {description}
        </Typography>
      )}
      {children}
    </Card>
  );
}

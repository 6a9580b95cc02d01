// A list's first cell: avatar, name, and one line under it (a person's job title, an organisation's
// website). Shared so both lists read alike.
import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { ellipsis } from '../../../ui/ellipsis';
import { SubjectAvatar } from '../../../ui/SubjectAvatar';

interface Props {
  readonly id: string;
  readonly name: string;
  readonly detail: string;
  /** Organisations get a square avatar, so they are told apart from people at a glance. */
  readonly square?: boolean;
  /** Shown after the name, e.g. that processing is restricted (Art. 18). */
  readonly marker?: ReactNode;
}

export function SubjectNameCell({ id, name, detail, square, marker }: Props) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, minWidth: 0 }}>
      <SubjectAvatar id={id} name={name} square={square} />
      <Box sx={{ minWidth: 0 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0 }}>
          <Typography variant="body2" sx={{ fontWeight: 600, ...ellipsis }}>
            {name}
          </Typography>
          {marker}
        </Box>
        {detail && (
          <Typography variant="caption" color="text.secondary" component="div" sx={ellipsis}>
            {detail}
          </Typography>
        )}
      </Box>
    </Box>
  );
}

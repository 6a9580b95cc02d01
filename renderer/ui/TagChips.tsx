// A row's tags in a narrow cell: the first two as chips, then "+n".
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';

export function TagChips({ tags }: { tags: readonly string[] }) {
  const shown = tags.slice(0, 2);
  const more = tags.length - shown.length;
  return (
    <Box sx={{ display: 'flex', gap: 0.5, minWidth: 0, overflow: 'hidden' }}>
      {shown.map((tag) => (
        <Chip key={tag} label={tag} size="small" variant="outlined" sx={{ maxWidth: 120 }} />
      ))}
      {more > 0 && <Chip label={`+${more}`} size="small" sx={{ flexShrink: 0 }} />}
    </Box>
  );
}

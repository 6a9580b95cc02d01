// Initials on a colour derived from the record id, so the same person keeps the same colour.
import Avatar from '@mui/material/Avatar';

// Each reads at 4.5:1 or more under white initials (test/unit/renderer/ui/theme-contrast.test.tsx).
export const AVATAR_COLOURS = [
  '#3b6fb6',
  '#0f7b6c',
  '#8a5cc2',
  '#b5501a',
  '#b23a63',
  '#2f7d32',
  '#6d6a1f',
  '#3f51b5',
];

const colourOf = (id: string): string => {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) | 0;
  return AVATAR_COLOURS[Math.abs(hash) % AVATAR_COLOURS.length] ?? AVATAR_COLOURS[0]!;
};

const initialsOf = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('') || '?';

export function SubjectAvatar({ id, name, square }: { id: string; name: string; square?: boolean }) {
  return (
    <Avatar
      aria-hidden
      variant={square ? 'rounded' : 'circular'}
      sx={{
        width: 32,
        height: 32,
        fontSize: '0.8rem',
        fontWeight: 600,
        bgcolor: colourOf(id),
        color: '#fff',
      }}
    >
      {initialsOf(name)}
    </Avatar>
  );
}

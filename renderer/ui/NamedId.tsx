// A member or device as the lists show it: the name they were given with, under it, the full id it is
// known by on the server (what a revocation or a support call refers to); the id alone while unnamed.
import Typography from '@mui/material/Typography';

export function NamedId({ name, id }: { readonly name: string | undefined; readonly id: string }) {
  if (!name) return <span style={{ wordBreak: 'break-all' }}>{id}</span>;
  return (
    <>
      {name}
      <Typography
        component="span"
        variant="body2"
        color="text.secondary"
        sx={{ display: 'block', wordBreak: 'break-all', fontSize: '0.75rem' }}
      >
        {id}
      </Typography>
    </>
  );
}

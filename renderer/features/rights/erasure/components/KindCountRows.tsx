// Table rows of how many records of each kind an erasure takes (or took): the kind in words, the count.
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import { useTranslation } from 'react-i18next';
import { kindLabel } from '../certificate-export';

export function KindCountRows({ counts }: { readonly counts: Readonly<Record<string, number>> }) {
  const { t } = useTranslation();
  return Object.entries(counts).map(([kind, n]) => (
    <TableRow key={kind}>
      <TableCell>{kindLabel(t, kind)}</TableCell>
      <TableCell align="right">{n}</TableCell>
    </TableRow>
  ));
}

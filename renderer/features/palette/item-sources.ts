// The palette's sources for deals and cases: found by title or subject line, or by the organisation or
// person they are with, and opened on their own page.
import type { Directory } from '../../../shared/directory';
import { subjectItemSource, type PaletteSource, type SubjectItem } from '../../kit/palette-source';

type Titled<K extends string> = SubjectItem & { readonly data: Readonly<Record<K, string>> };

export const dealsSource = (deals: readonly Titled<'title'>[], directory: Directory): PaletteSource =>
  subjectItemSource(
    'palette.groups.deals',
    deals,
    directory,
    (d) => d.data.title,
    (id) => ({ name: 'deal', id }),
  );

export const casesSource = (cases: readonly Titled<'subject'>[], directory: Directory): PaletteSource =>
  subjectItemSource(
    'palette.groups.cases',
    cases,
    directory,
    (c) => c.data.subject,
    (id) => ({ name: 'case', id }),
  );

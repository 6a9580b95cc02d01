// The palette's sources for deals and cases: found by title or subject line, or by the organisation or
// person they are with, and opened on their own page.
import type { Directory } from '../../../shared/directory';
import { subjectItemSource, type PaletteSource, type SubjectItem } from '../../kit/palette-source';

type Titled<K extends string> = SubjectItem & { readonly data: Readonly<Record<K, string>> };

/** A source of items under `group`, titled by their `titleField` and opened at route `page`. */
const itemSource =
  <K extends string>(group: string, titleField: K, page: 'deal' | 'case') =>
  (items: readonly Titled<K>[], directory: Directory): PaletteSource =>
    subjectItemSource(
      group,
      items,
      directory,
      (item) => item.data[titleField],
      (id) => ({ name: page, id }),
    );

export const dealsSource = itemSource('palette.groups.deals', 'title', 'deal');
export const casesSource = itemSource('palette.groups.cases', 'subject', 'case');

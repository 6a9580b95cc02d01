// Live counts for the record of processing: how many people are held for each purpose and for each
// category of data. A purpose that applies to everyone covers every person; otherwise a person counts
// when a lawful basis or a consent event was recorded for them for that purpose.
import { CONSENT_EVENT } from '../consent';
import type { Session } from '../vault';
import type { RopaCounts } from './ropa';
import { PURPOSE_BASIS, type PurposePayload } from '../purposes';
import { type DataCategory } from '../purposes';

export const countInventory = async (
  session: Session,
  people: readonly string[],
  organisations: number,
  purposes: readonly { readonly id: string; readonly data: PurposePayload }[],
): Promise<RopaCounts> => {
  const held = new Map<string, Set<string>>();
  const add = (purposeId: string, subjectId: string) => {
    const set = held.get(purposeId) ?? new Set<string>();
    set.add(subjectId);
    held.set(purposeId, set);
  };
  const known = new Set(people);
  for (const item of (await session.items(PURPOSE_BASIS).loadAll()).records) {
    if (item.data.basis !== null && known.has(item.subjectId)) add(item.data.purposeId, item.subjectId);
  }
  for (const item of (await session.items(CONSENT_EVENT).loadAll()).records) {
    if (known.has(item.subjectId)) add(item.data.purposeId, item.subjectId);
  }
  const perPurpose: Record<string, number> = {};
  const byCategory = new Map<DataCategory, Set<string> | 'all'>();
  for (const { id, data } of purposes) {
    if (!data.active) continue;
    const everyone = data.appliesToAll;
    perPurpose[id] = everyone ? people.length : (held.get(id)?.size ?? 0);
    for (const category of data.dataCategories) {
      const current = byCategory.get(category);
      if (current === 'all') continue;
      if (everyone) byCategory.set(category, 'all');
      else byCategory.set(category, new Set([...(current ?? []), ...(held.get(id) ?? [])]));
    }
  }
  const perCategory: Partial<Record<DataCategory, number>> = {};
  for (const [category, set] of byCategory) perCategory[category] = set === 'all' ? people.length : set.size;
  return { people: people.length, organisations, perPurpose, perCategory };
};

// The purposes register as a spreadsheet (the record of processing activities, Art. 30(1)), for the
// supervisory authority or an auditor: one row per purpose, in the interface language.
import type { ExportCell } from '../export';
import type { Setting } from '../store';
import type { PurposePayload } from '../purposes';

export const REGISTER_COLUMNS = [
  'name',
  'description',
  'lawfulBasis',
  'dataCategories',
  'subjects',
  'recipients',
  'transfers',
  'retention',
  'security',
  'channels',
  'active',
] as const;
export type RegisterColumn = (typeof REGISTER_COLUMNS)[number];

export interface RegisterLabels {
  readonly text: (value: { en: string; nl: string }) => string;
  readonly basis: (basis: PurposePayload['lawfulBasis']) => string;
  readonly category: (category: PurposePayload['dataCategories'][number]) => string;
  readonly channel: (channel: PurposePayload['channels'][number]) => string;
}

export const registerRows = (
  purposes: readonly Setting<PurposePayload>[],
  labels: RegisterLabels,
): ExportCell[][] =>
  purposes.map(({ data }) => [
    labels.text(data.name),
    labels.text(data.description),
    labels.basis(data.lawfulBasis),
    data.dataCategories.map(labels.category).join('; '),
    data.categoriesOfSubjects.join('; '),
    data.recipients.join('; '),
    data.thirdCountryTransfers.map((x) => `${x.country} (${x.safeguard})`).join('; '),
    labels.text(data.retention.text),
    data.securityMeasures.join('; '),
    data.channels.map(labels.channel).join('; '),
    data.active,
  ]);

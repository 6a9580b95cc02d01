// The report's period: a preset (this month, this quarter, last quarter, this year) or two dates.
import { useMemo, useState } from 'react';
import { addDays, localDate } from '../../../../shared/tasks';
import { quarterOf } from '../../../../shared/reports';

export const PERIODS = ['thisMonth', 'thisQuarter', 'lastQuarter', 'thisYear', 'custom'] as const;
export type PeriodPreset = (typeof PERIODS)[number];

export const presetRange = (preset: Exclude<PeriodPreset, 'custom'>, today: string) => {
  const year = today.slice(0, 4);
  switch (preset) {
    case 'thisMonth': {
      const first = `${today.slice(0, 7)}-01`;
      const [y, m] = first.split('-').map(Number) as [number, number];
      return { from: first, to: localDate(new Date(y, m, 0)) };
    }
    case 'thisQuarter':
      return quarterOf(today);
    case 'lastQuarter':
      return quarterOf(addDays(quarterOf(today).from, -1));
    case 'thisYear':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
  }
};

export const usePeriod = () => {
  const today = localDate(new Date());
  const [preset, setPreset] = useState<PeriodPreset>('thisQuarter');
  const [custom, setCustom] = useState(() => presetRange('thisQuarter', today));
  const range = useMemo(
    () => (preset === 'custom' ? custom : presetRange(preset, today)),
    [preset, custom, today],
  );
  const choose = (next: PeriodPreset) => {
    if (next === 'custom') setCustom(range);
    setPreset(next);
  };
  return { preset, choose, range, setCustom };
};

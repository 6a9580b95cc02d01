// What one dashboard tile is, declared as data: the i18n prefix of its texts, its icon, where it links,
// which source it reads (and with what input), how its accent is toned, and what it shows.
import type { ComponentType, ReactElement } from 'react';
import type { TFunction } from 'i18next';
import type { Query } from '../../../../shared/workspace';
import type { Route } from '../../../kit/routing';
import type { Formatters } from '../../consent/hooks/useLocalized';
import type { DashboardSources } from '../sources';
import type { Bar } from './BarChart';

export type Tone = 'ok' | 'warning' | 'error';

/** The texts' prefix: `dashboard.<name>.title` and `.action`. */
export type TileName =
  | 'controller'
  | 'lawfulBasis'
  | 'consents'
  | 'requests'
  | 'breaches'
  | 'retention'
  | 'processors'
  | 'devices'
  | 'audit';

export interface TileSpec<I, T> {
  readonly name: TileName;
  readonly icon: ReactElement;
  readonly to: Route;
  readonly source: (sources: DashboardSources) => Query<I, T>;
  readonly tone: (value: T) => Tone;
  /** The big number and what it counts. */
  readonly figure: (value: T, t: TFunction) => { readonly value: number | string; readonly label: string };
  /** Bars under the figure, with what they show for screen readers. */
  readonly chart?: (value: T, t: TFunction) => { readonly label: string; readonly bars: readonly Bar[] };
  /** What the tile shows below its figure and chart. */
  readonly Details?: ComponentType<{ readonly value: T }>;
  /** A last line of plain text (e.g. when the figures were last refreshed), or null for none. */
  readonly note?: (value: T, t: TFunction, format: Formatters) => string | null;
}

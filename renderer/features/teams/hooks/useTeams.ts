// The organisation's teams this device holds, live, by name (empty while loading).
import { teams, type Team } from '../../../../shared/teams';
import { useLiveQuery, valueOr } from '../../../kit/useLiveQuery';

const NONE: readonly Team[] = [];

export const useTeams = (): readonly Team[] => valueOr(useLiveQuery(teams, undefined), NONE);

// The actions the palette offers and the keyboard shortcuts run: one list, so the "?" help and the
// palette always say the same. Each action knows where it applies.
import type { ActivityType } from '../../../shared/activities';
import { navigate, NEW_ID, type Route } from '../../kit/routing';
import { useLogRequestStore } from '../activities/stores/log-request-store';

export interface Command {
  readonly id: string;
  /** i18n key of its name. */
  readonly label: CommandLabel;
  /** Keys as typed, e.g. ['g', 'p']; shown in the help. */
  readonly keys?: readonly string[];
  readonly available: (route: Route) => boolean;
  readonly run: (route: Route) => void;
}

export type CommandLabel =
  | 'palette.commands.newPerson'
  | 'palette.commands.newOrganisation'
  | 'palette.commands.newDeal'
  | 'palette.commands.newCase'
  | 'palette.commands.newInList'
  | 'palette.commands.logCall'
  | 'palette.commands.logMeeting'
  | 'palette.commands.logNote'
  | 'palette.commands.goToday'
  | 'palette.commands.goPeople'
  | 'palette.commands.goOrganisations'
  | 'palette.commands.goDeals'
  | 'palette.commands.goCases'
  | 'palette.commands.goPrivacy'
  | 'palette.commands.goImport'
  | 'palette.commands.goSettings';

const always = () => true;
const onSubject = (route: Route) => route.name === 'person' || route.name === 'organisation';
const subjectOf = (route: Route): string | undefined =>
  (route.name === 'person' || route.name === 'organisation') && route.id !== NEW_ID ? route.id : undefined;
const go = (route: Route) => () => navigate(route);
const log = (type: ActivityType) => () => useLogRequestStore.getState().requestLog(type);
/** "g" then `key` goes to a section. */
const goTo = (id: string, label: CommandLabel, key: string, route: Route): Command => ({
  id,
  label,
  keys: ['g', key],
  available: always,
  run: go(route),
});
/** A new deal or case, linked to the person or organisation in view. */
const newLinked = (name: 'deal' | 'case') => (route: Route) => {
  const subjectId = subjectOf(route);
  navigate({ name, id: NEW_ID, ...(subjectId ? { subjectId } : {}) });
};

/** The new record that fits the list or page in view, for "n". */
const newInList = (route: Route): Route | null => {
  switch (route.name) {
    case 'people':
    case 'person':
      return { name: 'person', id: NEW_ID };
    case 'organisations':
    case 'organisation':
      return { name: 'organisation', id: NEW_ID };
    case 'deals':
    case 'deal':
      return { name: 'deal', id: NEW_ID };
    case 'cases':
    case 'case':
      return { name: 'case', id: NEW_ID };
    default:
      return null;
  }
};

export const COMMANDS: readonly Command[] = [
  {
    id: 'new-person',
    label: 'palette.commands.newPerson',
    available: always,
    run: go({ name: 'person', id: NEW_ID }),
  },
  {
    id: 'new-organisation',
    label: 'palette.commands.newOrganisation',
    available: always,
    run: go({ name: 'organisation', id: NEW_ID }),
  },
  { id: 'new-deal', label: 'palette.commands.newDeal', available: always, run: newLinked('deal') },
  { id: 'new-case', label: 'palette.commands.newCase', available: always, run: newLinked('case') },
  {
    id: 'new-in-list',
    label: 'palette.commands.newInList',
    keys: ['n'],
    available: (route) => newInList(route) !== null,
    run: (route) => {
      const target = newInList(route);
      if (target) navigate(target);
    },
  },
  { id: 'log-call', label: 'palette.commands.logCall', keys: ['l'], available: onSubject, run: log('call') },
  { id: 'log-meeting', label: 'palette.commands.logMeeting', available: onSubject, run: log('meeting') },
  { id: 'log-note', label: 'palette.commands.logNote', available: onSubject, run: log('note') },
  goTo('go-today', 'palette.commands.goToday', 't', { name: 'today' }),
  goTo('go-people', 'palette.commands.goPeople', 'p', { name: 'people' }),
  goTo('go-organisations', 'palette.commands.goOrganisations', 'o', { name: 'organisations' }),
  goTo('go-deals', 'palette.commands.goDeals', 'd', { name: 'deals' }),
  goTo('go-cases', 'palette.commands.goCases', 'c', { name: 'cases' }),
  goTo('go-privacy', 'palette.commands.goPrivacy', 'r', { name: 'privacy' }),
  goTo('go-import', 'palette.commands.goImport', 'i', { name: 'import' }),
  goTo('go-settings', 'palette.commands.goSettings', 's', { name: 'settings' }),
];

/** The command a finished key sequence names, or 'prefix' while more keys may follow. */
export const commandForKeys = (keys: readonly string[]): Command | 'prefix' | null => {
  const typed = keys.join(' ');
  let prefix = false;
  for (const command of COMMANDS) {
    if (!command.keys) continue;
    const sequence = command.keys.join(' ');
    if (sequence === typed) return command;
    if (sequence.startsWith(`${typed} `)) prefix = true;
  }
  return prefix ? 'prefix' : null;
};

// Hash routes: the address holds only random record ids, never personal data, and back/forward work in
// both hosts without a server.
import { leaveNow, leaveTo } from './unsaved-changes';

export type Route =
  | { readonly name: 'people' }
  | { readonly name: 'person'; readonly id: string; readonly organisationId?: string }
  | { readonly name: 'organisations' }
  | { readonly name: 'organisation'; readonly id: string }
  | { readonly name: 'today' }
  | { readonly name: 'deals'; readonly view?: 'board' | 'list' }
  | { readonly name: 'deal'; readonly id: string; readonly subjectId?: string }
  | { readonly name: 'cases' }
  | { readonly name: 'case'; readonly id: string; readonly subjectId?: string }
  | { readonly name: 'import' }
  | { readonly name: 'privacy'; readonly tab?: string }
  | { readonly name: 'capture' }
  | { readonly name: 'register'; readonly tab?: string }
  | { readonly name: 'settings' }
  | { readonly name: 'dashboard' }
  | { readonly name: 'manager' }
  | { readonly name: 'reports' }
  | { readonly name: 'requests' }
  | { readonly name: 'request'; readonly id: string; readonly subjectId?: string }
  | { readonly name: 'breaches' }
  | { readonly name: 'breach'; readonly id: string };

export const NEW_ID = 'new';

const ID = /^[a-z0-9]{1,64}$/;
const TAB = /^[a-z-]{1,32}$/;

/** A deal or case opened from a person's or organisation's page carries it, to link a new one. */
const withSubject = <R extends { name: 'deal' | 'case' | 'request'; id: string }>(
  route: R,
  query: string,
): R => {
  const subjectId = new URLSearchParams(query).get('subject');
  return subjectId && ID.test(subjectId) ? { ...route, subjectId } : route;
};

export const parseRoute = (hash: string): Route => {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [section, id] = path.split('/');
  const validId = id && ID.test(id) ? id : undefined;
  switch (section) {
    case 'people': {
      if (!validId) return { name: 'people' };
      const organisationId = new URLSearchParams(query).get('organisation');
      return organisationId && ID.test(organisationId)
        ? { name: 'person', id: validId, organisationId }
        : { name: 'person', id: validId };
    }
    case 'organisations':
      return validId ? { name: 'organisation', id: validId } : { name: 'organisations' };
    case 'deals':
      if (id === 'list') return { name: 'deals', view: 'list' };
      return validId ? withSubject({ name: 'deal', id: validId }, query) : { name: 'deals' };
    case 'cases':
      return validId ? withSubject({ name: 'case', id: validId }, query) : { name: 'cases' };
    // Screens without a record: the address is the screen.
    case 'today':
    case 'import':
    case 'capture':
    case 'settings':
    case 'dashboard':
    case 'manager':
    case 'reports':
      return { name: section };
    // Screens with tabs: the tab is the second part.
    case 'privacy':
    case 'register':
      return id && TAB.test(id) ? { name: section, tab: id } : { name: section };
    case 'requests':
      return validId ? withSubject({ name: 'request', id: validId }, query) : { name: 'requests' };
    case 'breaches':
      return validId ? { name: 'breach', id: validId } : { name: 'breaches' };
    default:
      return { name: 'people' };
  }
};

const subjectQuery = (subjectId: string | undefined): string => (subjectId ? `?subject=${subjectId}` : '');

export const formatRoute = (route: Route): string => {
  switch (route.name) {
    case 'person':
      return `#/people/${route.id}${route.organisationId ? `?organisation=${route.organisationId}` : ''}`;
    case 'organisation':
      return `#/organisations/${route.id}`;
    case 'deals':
      return route.view === 'list' ? '#/deals/list' : '#/deals';
    case 'deal':
      return `#/deals/${route.id}${subjectQuery(route.subjectId)}`;
    case 'case':
      return `#/cases/${route.id}${subjectQuery(route.subjectId)}`;
    case 'request':
      return `#/requests/${route.id}${subjectQuery(route.subjectId)}`;
    case 'breach':
      return `#/breaches/${route.id}`;
    case 'privacy':
    case 'register':
      return route.tab ? `#/${route.name}/${route.tab}` : `#/${route.name}`;
    default:
      // Every other screen (a list, or one without records) is addressed by its name alone.
      return `#/${route.name}`;
  }
};

/** Goes to the route; a form with unsaved changes first asks (unless `force`, e.g. after it saved). */
export const navigate = (route: Route, options: { readonly force?: boolean } = {}): void => {
  if (options.force) leaveNow(formatRoute(route));
  else leaveTo(formatRoute(route));
};

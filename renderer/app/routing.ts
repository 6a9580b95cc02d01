// Hash routes: the address holds only random record ids, never personal data, and back/forward work in
// both hosts without a server.
export type Route =
  | { readonly name: 'people' }
  | { readonly name: 'person'; readonly id: string; readonly organisationId?: string }
  | { readonly name: 'organisations' }
  | { readonly name: 'organisation'; readonly id: string }
  | { readonly name: 'settings' };

export const NEW_ID = 'new';

const ID = /^[a-z0-9]{1,64}$/;

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
    case 'settings':
      return { name: 'settings' };
    default:
      return { name: 'people' };
  }
};

export const formatRoute = (route: Route): string => {
  switch (route.name) {
    case 'people':
      return '#/people';
    case 'person':
      return `#/people/${route.id}${route.organisationId ? `?organisation=${route.organisationId}` : ''}`;
    case 'organisations':
      return '#/organisations';
    case 'organisation':
      return `#/organisations/${route.id}`;
    case 'settings':
      return '#/settings';
  }
};

export const navigate = (route: Route): void => {
  window.location.hash = formatRoute(route);
};

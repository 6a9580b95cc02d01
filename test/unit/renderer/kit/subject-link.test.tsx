// A deal or case opened from a subject's page, on a real workspace's directory: it is linked to that
// organisation, or to that person and the organisation they work for, and going back returns there.
import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useWorkspaceStore } from '../../../../renderer/kit/workspace';
import { subjectLinkOf, subjectRouteOr } from '../../../../renderer/kit/subject-link';
import { annelies, zeeland } from '../../../fixtures/people';
import { openWorkspace } from '../workspace';

const setUp = async () => {
  const workspace = await openWorkspace();
  const organisation = await workspace.organisations.create(zeeland);
  const person = await workspace.people.create({ ...annelies, organisationId: organisation.id });
  const directory = useWorkspaceStore.getState().directory!;
  await waitFor(() => expect(directory.person(person.id)).toBeTruthy());
  await waitFor(() => expect(directory.organisation(organisation.id)).toBeTruthy());
  return { directory, person, organisation };
};

describe('subject link', () => {
  it('links an item opened from a person to them and to their organisation, and goes back to them', async () => {
    const { directory, person, organisation } = await setUp();
    expect(subjectLinkOf(directory, person.id)).toEqual({
      personId: person.id,
      organisationId: organisation.id,
    });
    expect(subjectRouteOr(directory, person.id, { name: 'deals' })).toEqual({
      name: 'person',
      id: person.id,
    });
  });

  it('links an item opened from an organisation to it alone, and goes back to it', async () => {
    const { directory, organisation } = await setUp();
    expect(subjectLinkOf(directory, organisation.id)).toEqual({ organisationId: organisation.id });
    expect(subjectRouteOr(directory, organisation.id, { name: 'cases' })).toEqual({
      name: 'organisation',
      id: organisation.id,
    });
  });

  it('links nothing and goes back to the list when opened from the list', async () => {
    const { directory } = await setUp();
    expect(subjectLinkOf(directory, undefined)).toEqual({});
    expect(subjectRouteOr(directory, undefined, { name: 'cases' })).toEqual({ name: 'cases' });
  });
});

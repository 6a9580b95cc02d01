// Picking from the directory as a user does, on a real workspace: typing finds the organisation or
// person, picking reports its id, and a person picker offers the given organisation's people first.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OrganisationField } from '../../../../renderer/kit/OrganisationField';
import { PersonField } from '../../../../renderer/kit/PersonField';
import { useWorkspaceStore } from '../../../../renderer/kit/workspace';
import { annelies, bram, zeeland } from '../../../fixtures/people';
import { openWorkspace } from '../workspace';

const setUp = async () => {
  const workspace = await openWorkspace();
  const organisation = await workspace.organisations.create(zeeland);
  const colleague = await workspace.people.create({ ...bram, organisationId: organisation.id });
  const other = await workspace.people.create(annelies);
  const directory = useWorkspaceStore.getState().directory!;
  await waitFor(() => expect(directory.people()).toHaveLength(2));
  await waitFor(() => expect(directory.organisation(organisation.id)).toBeTruthy());
  return { organisation, colleague, other };
};

describe('DirectoryPicker', () => {
  it('finds an organisation by part of its name and reports its id when picked', async () => {
    const { organisation } = await setUp();
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<OrganisationField value={null} onChange={onChange} />);
    await user.type(screen.getByRole('combobox', { name: 'Organisation' }), 'Mossel');
    await user.click(await screen.findByRole('option', { name: 'Zeeuwse Mosselhandel BV' }));
    expect(onChange).toHaveBeenCalledWith(organisation.id);
  });

  it('offers the organisation’s people first', async () => {
    const { organisation, colleague, other } = await setUp();
    const user = userEvent.setup();
    render(<PersonField label="Contact" value={null} onChange={vi.fn()} organisationId={organisation.id} />);
    await user.click(screen.getByRole('combobox', { name: 'Contact' }));
    const names = within(await screen.findByRole('listbox'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    const directory = useWorkspaceStore.getState().directory!;
    expect(names).toEqual([
      directory.person(colleague.id)!.displayName,
      directory.person(other.id)!.displayName,
    ]);
  });
});

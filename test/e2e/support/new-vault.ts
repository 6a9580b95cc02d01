// A new vault in an opened app, with people entered through the person form as a user does: what most
// journeys start from.
import { PeoplePage } from '../pages/PeoplePage';
import { PersonForm, type PersonFields } from '../pages/PersonForm';
import { VaultPage } from '../pages/VaultPage';
import type { KluisApp } from './harness';

/** Creates a vault with `passphrase` and saves each of `persons` from the people list. */
export const withNewVault = async (app: KluisApp, passphrase: string, persons: PersonFields[] = []) => {
  await new VaultPage(app.page).create(passphrase);
  const people = new PeoplePage(app.page);
  const form = new PersonForm(app.page);
  if (persons.length > 0) await people.open();
  for (const person of persons) {
    await people.newPerson();
    await form.fill(person);
    await form.save();
  }
  return { ...app, people, form };
};

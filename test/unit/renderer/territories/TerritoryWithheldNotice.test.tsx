// The notice a sales user sees when the server stopped granting one of their territories while no admin
// took them off it (shared/territories/withheld.ts writes the note; lying-territories.test.ts plays the
// server): shown while the device keeps such a territory, gone once it is granted again.
import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TerritoryWithheldNotice } from '../../../../renderer/features/territories/components/TerritoryWithheldNotice';
import { useVaultStore } from '../../../../renderer/features/vault/stores/vault-store';
import { WITHHELD_ID } from '../../../../shared/territories';
import { changeLocalDoc } from '../../../../shared/vault';
import { memoryDatabase, PASSPHRASE, testVault } from '../../../helpers/store';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('the withheld-territory notice', () => {
  it('says the device keeps a territory the server stopped sending, until it is granted again', async () => {
    const db = await memoryDatabase();
    const session = await (await testVault(db)).create(PASSPHRASE);
    useVaultStore.setState({ session });
    cleanups.push(async () => {
      useVaultStore.setState({ session: null });
      session.lock();
      await db.remove();
    });
    const note = (tags: Record<string, number>) =>
      changeLocalDoc(session, WITHHELD_ID, { tags }, () => ({ tags }));

    render(<TerritoryWithheldNotice />);
    expect(screen.queryByRole('status')).toBeNull();
    await note({ '0123456789abcdef': Date.now() });
    expect((await screen.findByRole('status')).textContent).toMatch(
      /no longer sends you 1 of your territories.*keeps its customers on this device/,
    );
    await note({});
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
  });
});

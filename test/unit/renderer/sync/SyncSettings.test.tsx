// Connecting a vault to a server that already holds an organisation, as the first admin of a second one
// does: the real server (setup code set, as `npm run server` sets it) answers 403 setup-code-required, the
// screen says so and asks for the code it printed, and with the code the vault connects.
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncSettings } from '../../../../renderer/features/sync/components/SyncSettings';
import { useSyncStore } from '../../../../renderer/features/sync/stores/sync-store';
import { useVaultStore } from '../../../../renderer/features/vault/stores/vault-store';
import { memoryDatabase, PASSPHRASE, testVault } from '../../../helpers/store';
import { createOrganisation } from '../../../integration/server/harness';
import { SETUP_CODE, startWithSetupCode } from '../../../integration/sync/setup-code-server';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('connecting a vault to a server that holds an organisation', () => {
  it('asks for the setup code the server printed, and connects with it', async () => {
    const server = await startWithSetupCode();
    cleanups.push(server.stop);
    await createOrganisation(server.url);
    const db = await memoryDatabase();
    const session = await (await testVault(db)).create(PASSPHRASE);
    useVaultStore.setState({ session });
    cleanups.push(async () => {
      await useSyncStore.getState().stop();
      useVaultStore.setState({ session: null });
      session.lock();
      await db.remove();
    });

    render(<SyncSettings />);
    fireEvent.change(screen.getByLabelText('Server address'), { target: { value: server.url } });
    fireEvent.change(screen.getByLabelText('Your passphrase'), { target: { value: PASSPHRASE } });
    expect(screen.queryByLabelText('Setup code')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Connect this vault' }));
    expect((await screen.findByRole('alert', {}, { timeout: 15_000 })).textContent).toMatch(
      /already holds an organisation.*setup code the server printed/,
    );

    fireEvent.change(screen.getByLabelText('Setup code'), { target: { value: SETUP_CODE } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect this vault' }));
    expect(
      await screen.findByText(`This vault syncs with ${server.url}.`, {}, { timeout: 15_000 }),
    ).toBeTruthy();
  });
});

// "Send confirmations" on Privacy → Subscription types, on a real workspace: offered on a double opt-in
// list to the roles that run campaigns and to no one else, and, in a vault not connected to the
// organisation's server (where the links live), the dialog says so and sends nothing. The sending itself is
// proven against the real server in test/integration/consent/campaign-export.test.ts.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seedConsentDefaults } from '../../../../shared/consent';
import { SubscriptionTypesTab } from '../../../../renderer/features/consent/components/SubscriptionTypesTab';
import { BrowserPlatform } from '../../../../renderer/platform/browser-platform';
import { PlatformContext } from '../../../../renderer/platform/platform-context';
import { openWorkspace } from '../workspace';

const showTab = async (role: 'marketing' | 'sales') => {
  const workspace = await openWorkspace({ userId: `u-${role}`, role });
  await seedConsentDefaults(workspace);
  render(
    <PlatformContext.Provider value={new BrowserPlatform()}>
      <SubscriptionTypesTab />
    </PlatformContext.Provider>,
  );
  return within(await screen.findByRole('table'));
};

describe('Send confirmations', () => {
  it('is offered to marketing on the double opt-in list, and asks for the server in an unconnected vault', async () => {
    const table = await showTab('marketing');
    const row = (await table.findByText('Newsletter')).closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: 'Send confirmations' }));

    const dialog = await screen.findByRole('dialog', { name: 'Send confirmations for Newsletter' });
    expect(within(dialog).getByText(/Connect this vault to your organisation's server first/)).toBeTruthy();
    // The browser host cannot speak SMTP: the messages are offered as one zip of .eml files.
    expect(await within(dialog).findByText(/\.eml files in one \.zip/)).toBeTruthy();
    const send = within(dialog).getByRole('button', { name: 'Send confirmations' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
  });

  it('is not offered to sales', async () => {
    const table = await showTab('sales');
    await table.findByText('Newsletter');
    expect(table.queryByRole('button', { name: 'Send confirmations' })).toBeNull();
  });
});

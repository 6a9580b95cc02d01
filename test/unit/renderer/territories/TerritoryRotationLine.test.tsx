// Settings → Territories while a territory's key is renewed on the admin's device (issue 19): the row of
// the territory shows the figures the store holds ("n of N" data keys re-wrapped, with a bar), then a short
// line when it is done, or that it stopped and the next sync finishes it; in English and in Dutch.
// rotation-progress.test.ts checks that the real rotation feeds the store; here a real workspace (RxDB
// memory storage, real libsodium) holds the territory, defined against the operation cases' stand-in.
import { act, render, screen, within } from '@testing-library/react';
import i18n from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { TerritorySettings } from '../../../../renderer/features/territories/components/TerritorySettings';
import { useSyncStore } from '../../../../renderer/features/sync/stores/sync-store';
import {
  useTerritoryRotations,
  type TerritoryRotation,
} from '../../../../renderer/features/sync/stores/territory-rotations';
import { defineOn } from '../../../integration/operations/territories.cases';
import { openWorkspace } from '../workspace';
import { linkAsAdmin } from './admin-link';

afterEach(async () => {
  useSyncStore.setState({ link: null });
  useTerritoryRotations.setState({ rotations: {} });
  await i18n.changeLanguage('en');
});

/** Settings → Territories with Noord defined; answers Noord's row and its tag. */
const showNoord = async () => {
  const noord = await defineOn(await openWorkspace(), 'Noord', '1000', '1999');
  linkAsAdmin();
  render(<TerritorySettings />);
  const row = await screen.findByRole('listitem', { name: 'Noord' });
  return { row, tag: noord.data.tag };
};

const rotating = (tag: string, rotation: Omit<TerritoryRotation, 'run'>) =>
  act(() => useTerritoryRotations.setState({ rotations: { [tag]: { ...rotation, run: 1 } } }));

describe('a territory key renewal in Settings', () => {
  it('shows the figures while it runs, then that it is done', async () => {
    const { row, tag } = await showNoord();
    expect(within(row).queryByRole('status')).toBeNull();

    rotating(tag, { phase: 'granting', done: 0, total: 0, state: 'running' });
    expect(within(row).getByRole('status').textContent).toBe(
      'Renewing the key of Noord: handing the new key to its holders…',
    );

    rotating(tag, { phase: 'rewrapping', done: 40_000, total: 100_000, state: 'running' });
    expect(within(row).getByRole('status').textContent).toBe(
      'Renewing the key of Noord: 40,000 of 100,000 data keys re-wrapped…',
    );
    const bar = within(row).getByRole('progressbar', { name: 'Key renewal of Noord' });
    expect(bar.getAttribute('aria-valuenow')).toBe('40');

    rotating(tag, { phase: 'rewrapping', done: 100_000, total: 100_000, state: 'finished' });
    expect(within(row).getByRole('status').textContent).toBe(
      'Key of Noord renewed: 100,000 data keys re-wrapped.',
    );
    expect(within(row).queryByRole('progressbar')).toBeNull();
  });

  it('says a renewal that stopped is finished at the next sync, and one whose key was not handed out', async () => {
    const { row, tag } = await showNoord();
    rotating(tag, { phase: 'rewrapping', done: 2_000, total: 5_000, state: 'broken-off' });
    expect(within(row).getByRole('status').textContent).toBe(
      'Renewing the key of Noord stopped at 2,000 of 5,000 data keys; this device finishes it at its next sync.',
    );
    rotating(tag, { phase: 'granting', done: 0, total: 0, state: 'broken-off' });
    expect(within(row).getByRole('status').textContent).toBe(
      'The new key of Noord could not be handed out yet; its old key stays in use, so whoever was taken off can still read it. This device tries again at its next sync.',
    );
  });

  it('speaks Dutch', async () => {
    const { row, tag } = await showNoord();
    await act(() => i18n.changeLanguage('nl'));
    rotating(tag, { phase: 'rewrapping', done: 40_000, total: 100_000, state: 'running' });
    expect(within(row).getByRole('status').textContent).toBe(
      'Sleutel van Noord wordt vernieuwd: 40.000 van 100.000 gegevenssleutels opnieuw verpakt…',
    );
    expect(
      within(row).getByRole('progressbar', { name: 'Vernieuwen van de sleutel van Noord' }),
    ).toBeTruthy();
    rotating(tag, { phase: 'rewrapping', done: 1, total: 1, state: 'finished' });
    expect(within(row).getByRole('status').textContent).toBe(
      'Sleutel van Noord vernieuwd: 1 gegevenssleutel opnieuw verpakt.',
    );
  });
});

// The moves panel in Settings → Territories (issue 19): for each move the server follows, where its subjects
// went, and which devices of the territory they left confirmed their deletion and which are outstanding.
// The view is given what moveStatuses answers (move-purges.test.ts checks that answer against the real
// server on both adapters); here: that an admin reads it right, in English and in Dutch.
import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from 'i18next';
import {
  TerritoryMovesView,
  type MovesState,
} from '../../../../renderer/features/territories/components/TerritoryMoves';
import type { MoveStatus } from '../../../../shared/territories';

const NORTH = '0123456789abcdef';
const SOUTH = 'fedcba9876543210';
const AT = Date.UTC(2026, 11, 3, 10, 0);

const move: MoveStatus = {
  moveId: 'move-1',
  followedAt: AT,
  note: { to: SOUTH, at: AT, subjects: [{ mark: 'm1', from: NORTH }] },
  confirmed: [{ deviceId: 'dev-laptop', userId: 'user-anna', confirmedAt: AT + 60_000 }],
  outstanding: [{ deviceId: 'dev-phone', userId: 'user-chris', lastSyncAt: null }],
};
const names = {
  users: { 'user-anna': 'Anna', 'user-chris': 'Chris' },
  devices: { 'dev-laptop': "Anna's laptop", 'dev-phone': "Chris's phone" },
};
const territoryName = (tag: string) => ({ [NORTH]: 'Noord', [SOUTH]: 'Zuid' })[tag];

const show = (state: MovesState) =>
  render(<TerritoryMovesView state={state} territoryName={territoryName} names={names} />);

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('the moves panel', () => {
  it('lists per move the devices that confirmed and those outstanding', () => {
    show({ status: 'ready', moves: [move] });
    const section = screen.getByRole('region', { name: /1 person or organisation moved to Zuid/ });
    expect(section.textContent).toContain('1 of 2 devices confirmed');
    const rows = within(section).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'DeviceUserDeleted',
      expect.stringMatching(/^Anna's laptopdev-laptopAnnauser-annaConfirmed .*2026/),
      "Chris's phonedev-phoneChrisuser-chrisNot yet (last seen never)",
    ]);
  });

  it('says when no device had to delete anything, and when the server cannot be asked', () => {
    const { unmount } = show({ status: 'ready', moves: [{ ...move, confirmed: [], outstanding: [] }] });
    expect(screen.getByTestId('territory-moves').textContent).toContain('no device had to delete them');
    expect(screen.queryByRole('table')).toBeNull();
    unmount();
    show({ status: 'failed' });
    expect(screen.getByRole('alert').textContent).toMatch(/could not be asked which devices confirmed/);
  });

  it('speaks Dutch', async () => {
    await i18n.changeLanguage('nl');
    show({ status: 'ready', moves: [move] });
    const section = screen.getByRole('region', {
      name: /1 persoon of organisatie op .* naar Zuid verplaatst/,
    });
    expect(section.textContent).toContain('1 van 2 apparaten bevestigd');
    expect(section.textContent).toContain('Nog niet (laatst gezien nooit)');
  });
});

// The moves panel in Settings → Territories (issue 19): for each move the server follows, where its subjects
// went, and which devices of the territory they left confirmed their deletion and which are outstanding.
// The view is given what moveStatuses answers (move-purges.test.ts checks that answer against the real
// server on both adapters); here: that an admin reads it right, in English and in Dutch, and that the notes
// of one apply (a note holds at most 500 subjects) read as one move with their total.
import { cleanup, render, screen, within } from '@testing-library/react';
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
      'DeviceUserDeletion confirmed?',
      expect.stringMatching(/^Anna's laptopdev-laptopAnnauser-annaConfirmed .*2026/),
      "Chris's phonedev-phoneChrisuser-chrisNot yet (never synced)",
    ]);
    expect(screen.getByTestId('territory-moves').textContent).toContain(
      'The latest move is shown (at most 20).',
    );
  });

  it('shows the notes of one apply as one move with their total, and says how many moves it shows', () => {
    const subjects = (n: number, from: string) =>
      Array.from({ length: n }, (_, i) => ({ mark: `m${i}`, from }));
    // One apply of 1,200 subjects: three notes, the same territory and time; Anna confirmed two, Chris one.
    const apply: MoveStatus[] = [500, 500, 200].map((n, i) => ({
      moveId: `apply-${i}`,
      followedAt: AT,
      note: { to: SOUTH, at: AT, subjects: subjects(n, NORTH) },
      confirmed: [
        ...(i < 2 ? [{ deviceId: 'dev-laptop', userId: 'user-anna', confirmedAt: AT + i }] : []),
        ...(i === 0 ? [{ deviceId: 'dev-phone', userId: 'user-chris', confirmedAt: AT }] : []),
      ],
      outstanding: [
        ...(i === 2 ? [{ deviceId: 'dev-laptop', userId: 'user-anna', lastSyncAt: AT }] : []),
        ...(i > 0 ? [{ deviceId: 'dev-phone', userId: 'user-chris', lastSyncAt: null }] : []),
      ],
    }));
    // And 25 single moves after it, newest first as the server answers.
    const singles: MoveStatus[] = Array.from({ length: 25 }, (_, i) => ({
      ...move,
      moveId: `single-${i}`,
      note: { to: NORTH, at: AT + (25 - i) * 60_000, subjects: [{ mark: 'm', from: SOUTH }] },
    }));
    show({ status: 'ready', moves: [...singles.slice(0, 5), ...apply] });
    const lines = screen.getAllByRole('region');
    expect(lines).toHaveLength(6);
    const applied = screen.getByRole('region', { name: /1200 people and organisations moved to Zuid/ });
    expect(applied.textContent).toContain('0 of 2 devices confirmed');
    expect(within(applied).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByTestId('territory-moves').textContent).toContain(
      'The latest 6 moves are shown (at most 20).',
    );
    cleanup();
    show({ status: 'ready', moves: [...singles, ...apply] });
    expect(screen.getAllByRole('region')).toHaveLength(20);
    expect(screen.queryByRole('region', { name: /Zuid/ })).toBeNull();
    expect(screen.getByTestId('territory-moves').textContent).toContain(
      'The latest 20 moves are shown (at most 20).',
    );
  });

  it('says a move whose note is not on this device yet was recorded by the server', () => {
    show({ status: 'ready', moves: [{ ...move, note: null }] });
    expect(
      screen.getByRole('region', {
        name: /^Move recorded by the sync server on .*2026.* \(details not on this device yet\)$/,
      }),
    ).toBeTruthy();
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
    expect(section.textContent).toContain('Verwijdering bevestigd?');
    expect(section.textContent).toContain('Nog niet (nooit gesynchroniseerd)');
    const panel = screen.getByTestId('territory-moves').textContent;
    expect(panel).toContain('De laatste verplaatsing wordt getoond (hoogstens 20).');
    expect(panel).toContain('verwijderen de apparaten van het oude gebied ze bij de volgende synchronisatie');
  });
});

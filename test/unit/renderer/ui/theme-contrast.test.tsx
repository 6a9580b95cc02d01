// Every colour a button, chip or alert can take reads at WCAG AA (4.5:1) in both modes: its words on it
// (a contained button), and it as words on the page and on a card (an outlined chip, a text button).
import { getContrastRatio } from '@mui/material/styles';
import { describe, expect, it } from 'vitest';
import { createKluisTheme } from '../../../../renderer/app/theme';
import { AVATAR_COLOURS } from '../../../../renderer/ui/SubjectAvatar';

const COLOURS = ['primary', 'secondary', 'error', 'warning', 'info', 'success'] as const;

describe.each(['light', 'dark'] as const)('the %s theme', (mode) => {
  const { palette } = createKluisTheme(mode);
  it.each(COLOURS)('%s reads at 4.5:1 or more', (colour) => {
    const { main, contrastText } = palette[colour];
    expect(getContrastRatio(contrastText, main), 'its words on it').toBeGreaterThanOrEqual(4.5);
    expect(getContrastRatio(main, palette.background.default), 'it on the page').toBeGreaterThanOrEqual(4.5);
    expect(getContrastRatio(main, palette.background.paper), 'it on a card').toBeGreaterThanOrEqual(4.5);
  });
});

// The avatar's colour comes from the record id, so any of them can meet any name: an organisation drew
// #c2571a (4.49:1) in CI and axe failed the page.
describe('avatar colours', () => {
  it.each(AVATAR_COLOURS)('white initials on %s read at 4.5:1 or more', (colour) => {
    expect(getContrastRatio('#fff', colour)).toBeGreaterThanOrEqual(4.5);
  });
});

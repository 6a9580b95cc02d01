// Every colour a button, chip or alert can take reads at WCAG AA (4.5:1) in both modes: its words on it
// (a contained button), and it as words on the page and on a card (an outlined chip, a text button).
import { alpha, getContrastRatio } from '@mui/material/styles';
import { describe, expect, it } from 'vitest';
import { createKluisTheme } from '../../../../renderer/app/theme';
import { AVATAR_COLOURS } from '../../../../renderer/ui/SubjectAvatar';

/** A translucent rgba() colour laid over an opaque hex one, as the screen shows it. */
const blend = (rgba: string, under: string): string => {
  const [r, g, b, a] = rgba.match(/[\d.]+/g)!.map(Number) as [number, number, number, number];
  const base = [1, 3, 5].map((i) => parseInt(under.slice(i, i + 2), 16));
  const mixed = [r, g, b].map((c, i) => Math.round(c * a + base[i]! * (1 - a)));
  return `rgb(${mixed.join(', ')})`;
};

const COLOURS = ['primary', 'secondary', 'error', 'warning', 'info', 'success'] as const;

describe.each(['light', 'dark'] as const)('the %s theme', (mode) => {
  const { palette } = createKluisTheme(mode);
  it.each(COLOURS)('%s reads at 4.5:1 or more', (colour) => {
    const { main, contrastText } = palette[colour];
    expect(getContrastRatio(contrastText, main), 'its words on it').toBeGreaterThanOrEqual(4.5);
    expect(getContrastRatio(main, palette.background.default), 'it on the page').toBeGreaterThanOrEqual(4.5);
    expect(getContrastRatio(main, palette.background.paper), 'it on a card').toBeGreaterThanOrEqual(4.5);
    // A text button under the mouse: its words on its hover fill, laid over the page or a card.
    for (const under of [palette.background.default, palette.background.paper]) {
      const hover = blend(alpha(main, palette.action.hoverOpacity), under);
      expect(getContrastRatio(main, hover), `it on its hover fill over ${under}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

// The avatar's colour comes from the record id, so any of them can meet any name: an organisation drew
// #c2571a (4.49:1) in CI and axe failed the page.
describe('avatar colours', () => {
  it.each(AVATAR_COLOURS)('white initials on %s read at 4.5:1 or more', (colour) => {
    expect(getContrastRatio('#fff', colour)).toBeGreaterThanOrEqual(4.5);
  });
});

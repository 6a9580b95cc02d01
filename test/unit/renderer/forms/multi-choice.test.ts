// Choosing from a fixed list: what was chosen stays in the list's order whatever order it was clicked in,
// and unchoosing takes out only that option.
import { describe, expect, it } from 'vitest';
import { withChoice } from '../../../../renderer/ui/forms/multi-choice';

const options = ['identity', 'contact', 'financial', 'health'] as const;
type Category = (typeof options)[number];

describe('withChoice', () => {
  it('adds a choice in the list’s order, not the order it was clicked in', () => {
    const value: Category[] = ['financial'];
    expect(withChoice({ options, value }, 'identity', true)).toEqual(['identity', 'financial']);
    expect(withChoice({ options, value: ['identity', 'financial'] }, 'health', true)).toEqual([
      'identity',
      'financial',
      'health',
    ]);
  });

  it('takes out only the option unchosen', () => {
    expect(withChoice({ options, value: ['identity', 'contact', 'health'] }, 'contact', false)).toEqual([
      'identity',
      'health',
    ]);
  });
});

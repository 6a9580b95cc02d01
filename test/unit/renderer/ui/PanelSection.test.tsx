// A panel section as a screen reader meets it: a region named by its heading, with the line on what it
// is for when given, and its content.
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PanelSection } from '../../../../renderer/ui/PanelSection';

describe('PanelSection', () => {
  it('is a region named by its heading, with its intro and content', () => {
    render(
      <PanelSection id="privacy-profiling" title="Profiling" intro="Whether this person may be profiled.">
        <button type="button">Record opt-out</button>
      </PanelSection>,
    );
    const region = screen.getByRole('region', { name: 'Profiling' });
    expect(within(region).getByRole('heading', { level: 2, name: 'Profiling' })).toBeTruthy();
    expect(within(region).getByText('Whether this person may be profiled.')).toBeTruthy();
    expect(within(region).getByRole('button', { name: 'Record opt-out' })).toBeTruthy();
  });

  it('has no intro line when none is given', () => {
    render(
      <PanelSection id="privacy-requests" title="Requests">
        <p>No requests.</p>
      </PanelSection>,
    );
    const region = screen.getByRole('region', { name: 'Requests' });
    expect(region.textContent).toBe('RequestsNo requests.');
  });
});

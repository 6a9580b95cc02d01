// Saving a document as a user meets it: the language is chosen first and each button makes its file;
// while one file is being made no button can start another, and a progress bar says so when named.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ExportBar } from '../../../../renderer/kit/ExportBar';
import type { Language } from '../../../../renderer/kit/settings-store';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((res) => (resolve = res));
  return { promise, resolve };
};

describe('ExportBar', () => {
  it('offers Dutch and English and reports the language picked', async () => {
    const user = userEvent.setup();
    const onLanguage = vi.fn<(l: Language) => void>();
    render(<ExportBar languageLabel="Language" language="en" onLanguage={onLanguage} actions={[]} />);
    const field = screen.getByRole('combobox', { name: 'Language' });
    expect(field.textContent).toBe('English');
    await user.click(field);
    await user.click(screen.getByRole('option', { name: 'Nederlands' }));
    expect(onLanguage).toHaveBeenCalledWith('nl');
  });

  it('holds every button while one file is made, with the progress bar, then frees them', async () => {
    const user = userEvent.setup();
    const html = deferred();
    const makeHtml = vi.fn(() => html.promise);
    const makeJson = vi.fn(() => Promise.resolve());
    render(
      <ExportBar
        languageLabel="Language"
        language="nl"
        onLanguage={vi.fn()}
        progressLabel="Making the report"
        actions={[
          { label: 'Report (HTML)', run: makeHtml, primary: true },
          { label: 'Data (JSON)', run: makeJson },
          { label: 'Letters', run: vi.fn(), disabled: true },
        ]}
      />,
    );
    const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;
    expect(button('Letters').disabled).toBe(true);
    expect(screen.queryByRole('progressbar')).toBeNull();

    await user.click(button('Report (HTML)'));
    expect(makeHtml).toHaveBeenCalledTimes(1);
    expect(button('Data (JSON)').disabled).toBe(true);
    expect(screen.getByRole('progressbar', { name: 'Making the report' })).toBeTruthy();

    await act(async () => html.resolve());
    expect(button('Data (JSON)').disabled).toBe(false);
    expect(button('Letters').disabled).toBe(true);
    expect(screen.queryByRole('progressbar')).toBeNull();
    await user.click(button('Data (JSON)'));
    expect(makeJson).toHaveBeenCalledTimes(1);
  });
});

// A field's error in the user's language: at the field's path or any path under it, none where there is none.
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { i18next } from '../../../../renderer/app/i18n';
import type { FieldErrors } from '../../../../renderer/ui/forms/field-errors';
import { useErrorText } from '../../../../renderer/ui/forms/useErrorText';

afterEach(async () => {
  await i18next.changeLanguage('en');
});

describe('useErrorText', () => {
  it('words the error at a path or under it, and follows the language', async () => {
    const errors: FieldErrors = { 'emails.1.value': 'email', familyName: 'personName' };
    const { result } = renderHook(() => useErrorText(errors));
    expect(result.current('familyName')).toBe('Enter a given name or a family name');
    expect(result.current('emails')).toBe('Enter a valid email address, such as name@example.com');
    expect(result.current('emails.0.value')).toBeUndefined();
    expect(result.current('givenName')).toBeUndefined();

    await act(() => i18next.changeLanguage('nl'));
    expect(result.current('familyName')).not.toBe('Enter a given name or a family name');
    expect(result.current('familyName')).toBeTruthy();
  });

  it('gives a new function when the errors change, so fields show the new ones', () => {
    const { result, rerender } = renderHook(({ errors }) => useErrorText(errors), {
      initialProps: { errors: {} as FieldErrors },
    });
    const before = result.current;
    expect(before('notes')).toBeUndefined();
    rerender({ errors: { notes: 'tooLong' } });
    expect(result.current).not.toBe(before);
    expect(result.current('notes')).toBe('This is too long');
  });
});

// Validation issues from the core shown next to the right field: the message chosen for each issue, the
// row on screen an issue about a stored row belongs to (empty rows are dropped before saving), and errors
// cleared for the field the user edits.
import { describe, expect, it } from 'vitest';
import { errorAt, toFieldErrors, withoutErrorsAt } from '../../../../renderer/ui/forms/field-errors';

describe('toFieldErrors', () => {
  it('chooses the message for each issue', () => {
    expect(
      toFieldErrors([
        { path: 'familyName', code: 'name' },
        { path: 'name', code: 'name' },
        { path: 'phones.0.value', code: 'phone' },
        { path: 'address.country', code: 'country' },
        { path: 'source.obtainedOn', code: 'date' },
        { path: 'notes', code: 'too_big' },
        { path: 'website', code: 'invalid_email' },
        { path: 'emails.1.value', code: 'invalid_format' },
        { path: 'title', code: 'too_small' },
        { path: 'stageId', code: 'custom' },
      ]),
    ).toEqual({
      familyName: 'personName',
      name: 'required',
      'phones.0.value': 'phone',
      'address.country': 'country',
      'source.obtainedOn': 'date',
      notes: 'tooLong',
      website: 'email',
      'emails.1.value': 'email',
      title: 'required',
      stageId: 'invalid',
    });
  });

  it('maps an issue about a stored row to its row on screen, and keeps the first issue per field', () => {
    // Screen rows 0 and 2 were empty and dropped: stored row 0 is screen row 1, stored row 1 is screen row 3.
    const rows = { emails: [1, 3] };
    expect(
      toFieldErrors(
        [
          { path: 'emails.1.value', code: 'invalid_format' },
          { path: 'emails.1.value', code: 'too_big' },
          { path: 'phones.0.value', code: 'phone' },
        ],
        rows,
      ),
    ).toEqual({ 'emails.3.value': 'email', 'phones.0.value': 'phone' });
  });
});

describe('errorAt and withoutErrorsAt', () => {
  const errors = toFieldErrors([
    { path: 'tags.2', code: 'too_big' },
    { path: 'emails.0.value', code: 'invalid_format' },
    { path: 'familyName', code: 'name' },
  ]);

  it('finds the error at a path or under it, and not under a path that only starts alike', () => {
    expect(errorAt(errors, 'familyName')).toBe('personName');
    expect(errorAt(errors, 'tags')).toBe('tooLong');
    expect(errorAt(errors, 'emails')).toBe('email');
    expect(errorAt(errors, 'family')).toBeUndefined();
    expect(errorAt(errors, 'tag')).toBeUndefined();
  });

  it('clears the errors of the field the user edits and keeps the others (the same object when none)', () => {
    expect(withoutErrorsAt(errors, 'emails')).toEqual({ 'tags.2': 'tooLong', familyName: 'personName' });
    expect(withoutErrorsAt(errors, 'familyName')).toEqual({ 'tags.2': 'tooLong', 'emails.0.value': 'email' });
    expect(withoutErrorsAt(errors, 'jobTitle')).toBe(errors);
    expect(withoutErrorsAt(errors, 'tag')).toBe(errors);
  });
});

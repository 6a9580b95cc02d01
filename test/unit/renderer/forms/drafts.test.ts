/// <reference types="node" />
// Form drafts to repository input: empty contact rows are dropped with the screen row of each kept one
// remembered, an address with nothing typed is no address, and the source is dated today, locally.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addressToDraft,
  addressToInput,
  contactsToDraft,
  contactsToInput,
  EMPTY_ADDRESS,
  newContact,
  newSource,
  sourceToInput,
  today,
} from '../../../../renderer/ui/forms/drafts';

const zone = process.env.TZ;
afterEach(() => {
  vi.useRealTimers();
  process.env.TZ = zone;
});

describe('contact rows', () => {
  it('drops rows with only spaces and remembers the screen row of each kept one', () => {
    const rows = [
      newContact('work', ' '),
      newContact('home', 'a@b.nl'),
      newContact(),
      newContact('other', 'c@d.nl'),
    ];
    expect(contactsToInput(rows)).toEqual({
      values: [
        { value: 'a@b.nl', label: 'home' },
        { value: 'c@d.nl', label: 'other' },
      ],
      rowOf: [1, 3],
    });
  });

  it('gives every row its own key, also rows made from stored contacts', () => {
    const rows = [...contactsToDraft([{ value: 'a@b.nl', label: 'work' }]), newContact(), newContact()];
    expect(new Set(rows.map((r) => r.key)).size).toBe(3);
    expect(rows[0]).toMatchObject({ value: 'a@b.nl', label: 'work' });
    expect(rows[1]).toMatchObject({ value: '', label: 'work' });
  });
});

describe('address', () => {
  it('is no address until something is typed in it', () => {
    expect(addressToInput(EMPTY_ADDRESS)).toBeNull();
    expect(addressToInput({ ...EMPTY_ADDRESS, city: '  ' })).toBeNull();
    expect(addressToInput({ ...EMPTY_ADDRESS, city: 'Goes' })).toEqual({ ...EMPTY_ADDRESS, city: 'Goes' });
    expect(addressToDraft(null)).toEqual(EMPTY_ADDRESS);
  });
});

describe('source', () => {
  it('is collected from the person today, in the user’s time zone', () => {
    process.env.TZ = 'Europe/Amsterdam';
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-04T23:30:00Z')); // half past midnight on the 5th in Amsterdam
    expect(today()).toBe('2026-01-05');
    expect(sourceToInput(newSource())).toEqual({
      method: 'collected_from_person',
      description: '',
      obtainedOn: '2026-01-05',
    });
  });
});

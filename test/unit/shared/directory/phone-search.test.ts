// A phone number is found however it is typed (issue 20, point 9): "+31 6 …", "0031 6 …", "06-…" and
// "06 …" are one Dutch number, whichever of those spellings the record holds.
import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../../shared/directory/search-index';

interface Row {
  readonly id: string;
  readonly name: string;
  readonly phone: string;
}

const ROWS: Row[] = [
  { id: 'a', name: 'Anna Dijkstra', phone: '06-72049010' },
  { id: 'b', name: 'Bram Visser', phone: '+31 6 72049011' },
  { id: 'c', name: 'Carla Meijer', phone: '020 555 0199' },
  { id: 'd', name: 'Dieter Braun', phone: '+49 30 1234567' },
];

const index = () => {
  const built = new SearchIndex<Row>({ text: [(r) => r.name], phone: (r) => r.phone });
  for (const row of ROWS) built.upsert(row);
  built.prepare();
  return built;
};

const find = (query: string) =>
  index()
    .filter(query, ROWS)
    .map((r) => r.id);

describe('finding people by phone', () => {
  it.each([
    ['+31 6 72049010', ['a']],
    ['+31672049010', ['a']],
    ['0031 6 72049010', ['a']],
    ['06-72049010', ['a']],
    ['06 7204 9010', ['a']],
    ['+31 6 72049011', ['b']],
    ['06 72049011', ['b']],
    ['+31 6 7204901', ['a', 'b']],
    ['+31 20 555', ['c']],
    ['020-555', ['c']],
    ['+49 30 123', ['d']],
  ])('"%s" finds %j', (query, ids) => {
    expect(find(query)).toEqual(ids);
  });
});

// A read-only view of a map another module keeps and changes in place (accepted-moves.ts): callers read
// the current entries, through `pick`, without a copy of the whole map, and cannot change it (the view
// has no set, delete or clear, and does not hand out the map itself).

export class MapView<S, V> implements ReadonlyMap<string, V> {
  constructor(
    private readonly source: ReadonlyMap<string, S>,
    private readonly pick: (value: S) => V,
  ) {}

  get size(): number {
    return this.source.size;
  }

  get(key: string): V | undefined {
    const value = this.source.get(key);
    return value === undefined ? undefined : this.pick(value);
  }

  has(key: string): boolean {
    return this.source.has(key);
  }

  *entries(): MapIterator<[string, V]> {
    for (const [key, value] of this.source) yield [key, this.pick(value)];
  }

  keys(): MapIterator<string> {
    return this.source.keys();
  }

  *values(): MapIterator<V> {
    for (const value of this.source.values()) yield this.pick(value);
  }

  forEach(each: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [key, value] of this.entries()) each(value, key, this);
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}

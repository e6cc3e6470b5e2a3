import type { KeyValueCache } from './cache';

/**
 * An in-memory `KeyValueCache` holding at most `maxEntries` values: storing one more evicts the
 * least recently used (a `get` that finds a value, or a `set`, counts as a use). A Map keeps its
 * keys in insertion order, so moving a key to the end on every use keeps the least recent first.
 * Per process: each API instance has its own.
 */
export class LruCache<V> implements KeyValueCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(readonly maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1)
      throw new RangeError(`An LRU cache holds at least one entry, not ${maxEntries}.`);
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key) as V;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

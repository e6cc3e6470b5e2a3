import { LruCache } from './lru-cache';

describe(LruCache.name, () => {
  it('evicts the least recently stored entry when one more is stored than it holds', () => {
    const cache = new LruCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 2, 3]);
    expect(cache.size).toBe(2);
  });

  it('counts a get that finds a value as a use, so the entry read last survives', () => {
    const cache = new LruCache<string>(2);
    cache.set('a', 'A');
    cache.set('b', 'B');
    expect(cache.get('a')).toBe('A');
    cache.set('c', 'C');
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual(['A', undefined, 'C']);
  });

  it('replaces a value stored again under the same key without evicting another', () => {
    const cache = new LruCache<string>(2);
    cache.set('a', 'A');
    cache.set('b', 'B');
    cache.set('a', 'A2');
    expect(cache.size).toBe(2);
    cache.set('c', 'C');
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual(['A2', undefined, 'C']);
  });

  it('finds falsy values, and a miss neither adds an entry nor changes the order', () => {
    const cache = new LruCache<number>(2);
    cache.set('a', 0);
    cache.set('b', 1);
    expect(cache.get('x')).toBeUndefined();
    expect(cache.get('a')).toBe(0);
    cache.set('c', 2);
    expect([cache.get('a'), cache.get('b'), cache.size]).toEqual([0, undefined, 2]);
  });

  it('forgets a deleted key, and deleting an unknown key changes nothing', () => {
    const cache = new LruCache<number>(3);
    cache.set('a', 1);
    cache.delete('a');
    cache.delete('nothing');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('refuses a capacity that is not a positive whole number', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
    expect(() => new LruCache(1.5)).toThrow(RangeError);
  });
});

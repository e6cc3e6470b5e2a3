/**
 * A cache of values by string key, shared by whatever holds it. The in-memory `LruCache` is the one
 * implementation today; a Redis one can replace it behind the same interface when several API
 * instances must share entries, so callers always `await` the answers (a synchronous answer awaits
 * as itself). Values should be plain JSON-serialisable data, and callers must not mutate what they
 * get or set: the in-memory cache hands out the very object it stores.
 */
export interface KeyValueCache<V> {
  /** The value stored under `key`, or undefined when there is none (never stored, evicted or deleted). */
  get(key: string): Promise<V | undefined> | V | undefined;
  /** Stores `value` under `key`, replacing what was there; an implementation may evict other entries. */
  set(key: string, value: V): Promise<void> | void;
  /** Forgets `key`; nothing happens when it is not there. */
  delete(key: string): Promise<void> | void;
}

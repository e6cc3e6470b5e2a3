import type { Provider } from '@nestjs/common';
import type { Question } from '@rubricon/generation';
import type { KeyValueCache } from '../common/cache/cache';
import { LruCache } from '../common/cache/lru-cache';

/** What a candidate attempt needs of an assessment: its questions as published, in order. */
export interface Delivery {
  id: string;
  status: 'draft' | 'published';
  title: string;
  lang: 'zh' | 'en';
  durationMinutes: number;
  questions: Question[];
}

/** Published deliveries by assessment id: a published assessment never changes, so its delivery never goes stale. */
export type DeliveryCache = KeyValueCache<Delivery>;
export const DELIVERY_CACHE = Symbol('DELIVERY_CACHE');

/**
 * Enough for every assessment being taken at once in practice. A bank question is about 9 KB of JSON
 * (36 KB at most), a delivery some ten of them: 100 deliveries hold a few tens of MB at most.
 */
export const DELIVERY_CACHE_ENTRIES = 100;

/** One in-memory cache per process; a shared (Redis) `KeyValueCache` can be provided here instead. */
export const deliveryCacheProvider: Provider = {
  provide: DELIVERY_CACHE,
  useFactory: (): DeliveryCache => new LruCache<Delivery>(DELIVERY_CACHE_ENTRIES),
};

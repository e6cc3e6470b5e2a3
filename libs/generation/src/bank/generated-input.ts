import { createHash } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { createPrng } from '../select/prng';
import type { CodingQuestion, HiddenTest } from './question.schema';

/**
 * Hidden tests too large to write out (a test at a prompt's stated limit: 100,000 transfers) carry a
 * `generate` source defining `function input(random)`. It is bank content, trusted like the rest of
 * the bank directory: it runs in a fresh `node:vm` context of the host (a timeout guards against a
 * mistake, not against hostile code), never in a candidate's isolate. `random` is a seeded PRNG, so
 * the same source always yields the same input.
 */

const GENERATE_TIMEOUT_MS = 10_000;
/** Generated inputs are kept as JSON text: each caller gets its own parse, nobody shares a mutable object. */
const CACHE_MAX_CHARS = 128 * 1024 * 1024;
const cache = new Map<string, string>();
let cachedChars = 0;

export class GeneratedInputError extends Error {}

function generateJson(source: string, digest: Buffer): string {
  // The same mulberry32 as parallel forms use; seeded from the source's hash.
  const sandbox = { random: createPrng(digest.readUInt32BE(0)), result: undefined as unknown };
  try {
    runInNewContext(`${source}\n;result = JSON.stringify(input(random));`, sandbox, {
      timeout: GENERATE_TIMEOUT_MS,
      filename: 'generate.js',
    });
  } catch (error) {
    // Errors thrown inside the context are of its realm, not instances of this one's Error.
    const message = (error as { message?: unknown } | null)?.message;
    throw new GeneratedInputError(`generate failed: ${typeof message === 'string' ? message : String(error)}`);
  }
  if (typeof sandbox.result !== 'string')
    throw new GeneratedInputError('generate: input(random) returned no JSON value');
  return sandbox.result;
}

/** The input a `generate` source produces (deterministic; cached by the source's hash). */
export function generatedInput(source: string): unknown {
  const digest = createHash('sha256').update(source).digest();
  const key = digest.toString('hex');
  let json = cache.get(key);
  if (json === undefined) {
    json = generateJson(source, digest);
    cache.set(key, json);
    cachedChars += json.length;
    for (const [oldest, text] of cache) {
      if (cachedChars <= CACHE_MAX_CHARS || oldest === key) break;
      cache.delete(oldest);
      cachedChars -= text.length;
    }
  } else {
    // Most recently used last.
    cache.delete(key);
    cache.set(key, json);
  }
  return JSON.parse(json) as unknown;
}

export interface HiddenCase {
  input: unknown;
  expected: unknown;
  weight: number;
  limit?: HiddenTest['limit'];
  note?: string;
}

/** A hidden test with its input resolved: written out, or generated. */
export function hiddenCase(test: HiddenTest): HiddenCase {
  return {
    input: test.generate === undefined ? test.input : generatedInput(test.generate),
    expected: test.expected,
    weight: test.weight ?? 1,
    limit: test.limit,
    note: test.note,
  };
}

/** Every hidden test of a coding question, inputs resolved, in bank order. */
export function hiddenCases(question: CodingQuestion): HiddenCase[] {
  return question.hiddenTests.map((test, i) => {
    try {
      return hiddenCase(test);
    } catch (error) {
      if (error instanceof GeneratedInputError) {
        throw new GeneratedInputError(`${question.id} hidden test ${i + 1}: ${error.message}`);
      }
      throw error;
    }
  });
}

/**
 * The length of the value at a dot path of an input (`""` = the input itself; numeric parts index
 * arrays): the size a `limit` speaks of. undefined when the path does not lead to an array or string.
 */
export function sizeAt(input: unknown, path: string): number | undefined {
  let value: unknown = input;
  for (const part of path === '' ? [] : path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return Array.isArray(value) || typeof value === 'string' ? value.length : undefined;
}

import { Comparator } from '../types';

/**
 * Compares a candidate's result with the expected value, on the host. Values are JSON values
 * (the result was parsed from JSON text), so plain structural equality is enough.
 */
export function compareResult(actual: unknown, expected: unknown, comparator: Comparator = { kind: 'exact' }): boolean {
  try {
    switch (comparator.kind) {
      case 'exact':
        return equal(actual, expected, exactNumber);
      case 'numeric': {
        const tolerance = comparator.tolerance ?? 1e-6;
        return equal(actual, expected, (a, b) => closeEnough(a, b, tolerance));
      }
      case 'unordered':
        return sameMultiset(actual, expected);
    }
  } catch {
    // Absurdly deep results overflow the recursion: that is a wrong answer, not a crash.
    return false;
  }
}

type NumberEq = (a: number, b: number) => boolean;

const exactNumber: NumberEq = (a, b) => a === b;

/** Absolute or relative tolerance, whichever is looser: 1e-6 suits both 0.1 and 1e9. */
function closeEnough(a: number, b: number, tolerance: number): boolean {
  if (a === b) return true;
  const diff = Math.abs(a - b);
  return diff <= tolerance || diff <= tolerance * Math.max(Math.abs(a), Math.abs(b));
}

function equal(a: unknown, b: unknown, numbers: NumberEq): boolean {
  if (typeof a === 'number' && typeof b === 'number') return numbers(a, b);
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => equal(item, b[i], numbers));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra);
  if (keys.length !== Object.keys(rb).length) return false;
  return keys.every((key) => Object.prototype.hasOwnProperty.call(rb, key) && equal(ra[key], rb[key], numbers));
}

/** Top-level arrays in any order; elements themselves compare exactly. */
function sameMultiset(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) return equal(a, b, exactNumber);
  if (a.length !== b.length) return false;
  const left = a.map(canonical).sort();
  const right = b.map(canonical).sort();
  return left.every((item, i) => item === right[i]);
}

/** JSON text with object keys sorted, so equal values give equal strings. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const body = Object.keys(record)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`);
    return `{${body.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

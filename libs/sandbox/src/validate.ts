import { InvalidRunError } from './errors';
import { Comparator, DEFAULT_LIMITS, Language, PYTHON_TIME_FACTOR, RunJob, RunLimits, RunTest } from './types';

export const MAX_TESTS = 100;

/** Upper bounds a per-question override may not exceed. */
const LIMIT_RANGES: Record<keyof RunLimits, [number, number]> = {
  timeMs: [1, 30_000],
  memoryMb: [8, 512],
  codeBytes: [1, 1024 * 1024],
  resultBytes: [16, 4 * 1024 * 1024],
  logBytes: [0, 1024 * 1024],
  logLines: [0, 10_000],
  totalTimeMs: [1, 300_000],
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a run request from an untrusted caller and resolves its limits; throws InvalidRunError. */
export function validateRunRequest(req: unknown): RunJob {
  if (!isRecord(req)) throw new InvalidRunError('A run request must be an object.');
  const { language, code, tests } = req;
  if (language !== 'javascript' && language !== 'typescript' && language !== 'python') {
    throw new InvalidRunError(`Unsupported language "${String(language)}": use javascript, typescript or python.`);
  }
  if (typeof code !== 'string' || code.trim() === '') throw new InvalidRunError('The code is empty.', 'code-empty');
  const limits = forLanguage(language, resolveLimits(req.limits));
  const codeBytes = Buffer.byteLength(code, 'utf8');
  if (codeBytes > limits.codeBytes) {
    throw new InvalidRunError(
      `The code is ${codeBytes} bytes; the limit is ${limits.codeBytes} bytes.`,
      'code-too-long',
      {
        bytes: codeBytes,
        max: limits.codeBytes,
      },
    );
  }
  if (!Array.isArray(tests) || tests.length === 0) throw new InvalidRunError('A run needs at least one test.');
  if (tests.length > MAX_TESTS)
    throw new InvalidRunError(`A run may have at most ${MAX_TESTS} tests, not ${tests.length}.`);
  const entry = req.entry ?? 'solve';
  if (typeof entry !== 'string' || !/^[A-Za-z_$][\w$]{0,63}$/.test(entry))
    throw new InvalidRunError('entry must be a function name.');
  return { language, code, entry, tests: tests.map(checkTest), comparator: checkComparator(req.comparator), limits };
}

/**
 * Python is interpreted (and the interpreter is WebAssembly): it gets PYTHON_TIME_FACTOR times the
 * time, as judges commonly give it, within the largest limits a request may set.
 */
function forLanguage(language: Language, limits: RunLimits): RunLimits {
  if (language !== 'python') return limits;
  return {
    ...limits,
    timeMs: Math.min(LIMIT_RANGES.timeMs[1], limits.timeMs * PYTHON_TIME_FACTOR),
    totalTimeMs: Math.min(LIMIT_RANGES.totalTimeMs[1], limits.totalTimeMs * PYTHON_TIME_FACTOR),
  };
}

function resolveLimits(overrides: unknown): RunLimits {
  if (overrides === undefined) return { ...DEFAULT_LIMITS };
  if (!isRecord(overrides)) throw new InvalidRunError('limits must be an object.');
  const limits: RunLimits = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(overrides)) {
    const range = LIMIT_RANGES[key as keyof RunLimits];
    if (!range) throw new InvalidRunError(`Unknown limit "${key}".`);
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < range[0] || value > range[1]) {
      throw new InvalidRunError(`Limit ${key} must be a whole number from ${range[0]} to ${range[1]}.`);
    }
    limits[key as keyof RunLimits] = value;
  }
  return limits;
}

function checkTest(test: unknown, index: number): RunTest {
  if (!isRecord(test) || !('input' in test)) throw new InvalidRunError(`Test ${index + 1} needs an input.`);
  for (const field of ['input', 'expected'] as const) {
    try {
      JSON.stringify(test[field]);
    } catch {
      // Never echo the value: it may be a hidden test's data.
      throw new InvalidRunError(`Test ${index + 1}: ${field} is not a JSON value.`);
    }
  }
  const weight = test.weight ?? 1;
  if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
    throw new InvalidRunError(`Test ${index + 1}: weight must be a non-negative number.`);
  }
  return { input: test.input, expected: test.expected, hidden: test.hidden === true, weight };
}

function checkComparator(value: unknown): Comparator {
  if (value === undefined) return { kind: 'exact' };
  if (!isRecord(value)) throw new InvalidRunError('comparator must be an object.');
  if (value.kind === 'exact' || value.kind === 'unordered') return { kind: value.kind };
  if (value.kind === 'numeric') {
    const tolerance = value.tolerance ?? 1e-6;
    if (typeof tolerance !== 'number' || !(tolerance >= 0))
      throw new InvalidRunError('comparator tolerance must be >= 0.');
    return { kind: 'numeric', tolerance };
  }
  throw new InvalidRunError(`Unknown comparator "${String(value.kind)}": use exact, numeric or unordered.`);
}

import { RunnerPool } from '../pool/runner-pool';
import { validateRunRequest } from '../validate';
import { RunRequest, PYTHON_TIME_FACTOR } from '../types';

/**
 * The same contract as JavaScript (run-job.spec.ts), in Python: one interpreter per submission. Run
 * through a real pool, as candidates' code is: the worker boots Pyodide once, on its first job.
 */
const py = (code: string, tests: RunRequest['tests'], extra: Partial<RunRequest> = {}): RunRequest => ({
  language: 'python',
  code,
  tests,
  ...extra,
});

jest.setTimeout(60_000);

describe('Python runs', () => {
  let pool: RunnerPool;
  const runJob = (request: RunRequest) => pool.run(request);

  beforeAll(async () => {
    pool = await RunnerPool.start({ size: 1 });
    // The worker's first Python job boots Pyodide and takes the snapshot.
    expect((await runJob(py('def solve(x):\n    return x\n', [{ input: 1, expected: 1 }]))).verdict).toBe('passed');
  }, 120_000);
  afterAll(() => pool.close());

  it('passes and fails tests by JSON equality as JavaScript reads it, and captures print output', async () => {
    const result = await runJob(
      py('def solve(x):\n    print("sum of", x)\n    return {"sum": float(sum(x)), "n": len(x)}\n', [
        { input: [1, 2], expected: { sum: 3, n: 2 } },
        { input: [2, 2], expected: { sum: 5, n: 2 } },
        { input: ['付款', '退款'], expected: null },
      ]),
    );
    expect(result.tests.map((t) => t.verdict)).toEqual(['passed', 'failed', 'error']);
    expect(result.tests[0]).toMatchObject({ output: '{"sum":3.0,"n":2}', logs: ['sum of [1, 2]'] });
    expect(result.tests[1].output).toBe('{"sum":4.0,"n":2}');
    expect(result.tests[2].error).toMatch(/^TypeError: .*\(line 3\)$/);
    expect(result.tests[2].logs).toEqual(["sum of ['付款', '退款']"]);
    expect(result.score).toBeCloseTo(1 / 3);
  });

  it('offers the standard modules candidates reach for in interviews, working', async () => {
    // Test i imports module i and evaluates its expression only: a module that fails to import or
    // to work fails its own test, named in the failure.
    const uses: Array<[module: string, expression: string, expected: unknown]> = [
      ['collections', 'collections.Counter("付款付").most_common(1)[0][1]', 2],
      ['heapq', 'heapq.nsmallest(2, [5, 1, 4, 2])', [1, 2]],
      ['bisect', 'bisect.bisect_left([1, 3, 5], 4)', 2],
      ['itertools', 'len(list(itertools.permutations(range(4))))', 24],
      ['functools', 'functools.reduce(lambda a, b: a * b, range(1, 6))', 120],
      ['re', 're.findall(r"\\d+", "a12b345")', ['12', '345']],
      ['math', 'math.isqrt(99) + math.gcd(12, 18)', 15],
      ['decimal', 'str(decimal.Decimal("0.10") + decimal.Decimal("0.20"))', '0.30'],
      ['fractions', 'str(fractions.Fraction(1, 3) + fractions.Fraction(1, 6))', '1/2'],
      ['statistics', 'statistics.median([3, 1, 2])', 2],
      ['datetime', '(datetime.date(2026, 12, 3) - datetime.date(2026, 1, 1)).days', 336],
      ['dataclasses', 'dataclasses.asdict(dataclasses.make_dataclass("P", ["x"])(1))', { x: 1 }],
      ['typing', 'typing.get_origin(typing.List[int]).__name__', 'list'],
      ['string', 'string.ascii_lowercase[:3]', 'abc'],
      ['hashlib', 'hashlib.sha256(b"rubricon").hexdigest()[:8]', '8d9619bb'],
      ['random', 'sorted(random.Random(7).sample(range(5), 5))', [0, 1, 2, 3, 4]],
      ['unicodedata', 'unicodedata.normalize("NFKC", "ＡＢＣ１")', 'ABC1'],
      ['json', 'json.loads(json.dumps({"金额": 1}))["金额"]', 1],
      ['platform', 'platform.platform().split("-")[0]', 'Emscripten'],
      ['sys', 'sys.version_info[0]', 3],
    ];
    const branches = uses.map(
      ([module, expression], i) => `    if i == ${i}:\n        import ${module}\n        return ${expression}\n`,
    );
    const code = `def solve(i):\n${branches.join('')}`;
    const result = await runJob(
      py(
        code,
        uses.map(([, , expected], i) => ({ input: i, expected })),
      ),
    );
    const failures = result.tests.flatMap((t, i) => (t.verdict === 'passed' ? [] : [{ module: uses[i][0], ...t }]));
    expect(failures).toEqual([]);
  });

  it('reports an exception with its message and its line in the candidate code, no host paths', async () => {
    const result = await runJob(
      py('def helper(d):\n    return d["missing"]\n\ndef solve(x):\n    return helper(x)\n', [
        { input: {}, expected: 0 },
      ]),
    );
    expect(result.tests[0]).toMatchObject({ verdict: 'error', error: "KeyError: 'missing' (line 2)" });
    expect(JSON.stringify(result)).not.toMatch(/\/work|node_modules|\/lib\/python|pyodide/);
  });

  it('fails every test of code that does not compile, with the line', async () => {
    const syntax = await runJob(
      py('def solve(x)\n    return x\n', [
        { input: 1, expected: 1 },
        { input: 2, expected: 2 },
      ]),
    );
    expect(syntax.tests).toEqual([
      expect.objectContaining({ verdict: 'error', error: "SyntaxError: expected ':' (line 1)" }),
      expect.objectContaining({ verdict: 'error', error: "SyntaxError: expected ':' (line 1)" }),
    ]);
    const indent = await runJob(py('def solve(x):\nreturn x\n', [{ input: 1, expected: 1 }]));
    expect(indent.tests[0].error).toMatch(/^IndentationError: .*\(line 2\)$/);
  });

  it('fails the submission when loading throws or solve is missing', async () => {
    const throws = await runJob(
      py('import nonexistent_module\ndef solve(x):\n    return x\n', [{ input: 1, expected: 1 }]),
    );
    expect(throws.tests[0].error).toBe(
      "The code threw while loading: ModuleNotFoundError: No module named 'nonexistent_module' (line 1)",
    );
    const missing = await runJob(py('def answer(x):\n    return x\n', [{ input: 1, expected: 1 }]));
    expect(missing.tests[0].error).toBe('No top-level function solve(input) was found.');
  });

  it('refuses results JSON cannot hold, and oversized ones', async () => {
    const set = await runJob(py('def solve(x):\n    return {1, 2}\n', [{ input: 0, expected: [1, 2] }]));
    expect(set.tests[0].error).toMatch(/^The result could not be converted to JSON: TypeError: Object of type set/);
    const nan = await runJob(py('def solve(x):\n    return float("nan")\n', [{ input: 0, expected: null }]));
    expect(nan.tests[0].verdict).toBe('error');
    const big = await runJob(py('def solve(x):\n    return "x" * 100000\n', [{ input: 0, expected: '' }]));
    expect(big.tests[0].error).toBe('The result is larger than 65536 bytes of JSON.');
  });

  it('shows hidden tests nothing but the kind and line of an error', async () => {
    const result = await runJob(
      py('def solve(x):\n    print(x)\n    if x["card"]:\n        raise ValueError(x["card"])\n    return x\n', [
        { input: { card: '6222020000001234' }, expected: 0, hidden: true },
        { input: { card: '' }, expected: 0, hidden: true },
      ]),
    );
    expect(result.tests).toEqual([
      { verdict: 'error', passed: false, durationMs: expect.any(Number), error: 'ValueError at line 4' },
      { verdict: 'failed', passed: false, durationMs: expect.any(Number) },
    ]);
  });

  it('gives Python its longer time limit and says so', async () => {
    const job = validateRunRequest(py('def solve(x):\n    while True:\n        pass\n', [{ input: 0, expected: 0 }]));
    expect(job.limits.timeMs).toBe(2_000 * PYTHON_TIME_FACTOR);
    const result = await runJob(
      py('def solve(x):\n    while True:\n        pass\n', [{ input: 0, expected: 0 }], { limits: { timeMs: 100 } }),
    );
    expect(result.tests[0]).toMatchObject({
      verdict: 'timeout',
      error: `Time limit of ${100 * PYTHON_TIME_FACTOR} ms exceeded.`,
    });
  });

  it('stops a memory bomb with the memory verdict and starts the next test in a new interpreter', async () => {
    const result = await runJob(
      py('import sys\ndef solve(n):\n    if n:\n        return len(bytearray(n * 2**20))\n    return "fresh"\n', [
        { input: 1, expected: 1_048_576 },
        { input: 512, expected: 0 },
        { input: 0, expected: 'fresh' },
      ]),
    );
    expect(result.tests.map((t) => t.verdict)).toEqual(['passed', 'memory', 'passed']);
    expect(result.tests[1].error).toBe('Memory limit of 64 MB exceeded.');
  });

  it('runs the code in new globals for every test, and gives each submission a new interpreter', async () => {
    const code =
      'import builtins\ncount = getattr(builtins, "count", 0) + 1\nbuiltins.count = count\nseen = []\ndef solve(x):\n    seen.append(x)\n    return [count, seen]\n';
    const first = await runJob(
      py(code, [
        { input: 'a', expected: [1, ['a']] },
        { input: 'b', expected: [2, ['b']] },
      ]),
    );
    // builtins are the submission's own (shared by its tests); module globals are new per test.
    expect(first.tests.map((t) => t.verdict)).toEqual(['passed', 'passed']);
    const second = await runJob(py(code, [{ input: 'c', expected: [1, ['c']] }]));
    expect(second.tests[0].verdict).toBe('passed');
  });
});

import { HostileCase, leaks, secretTests } from './hostile-cases';

const py = (...lines: string[]) => `${lines.join('\n')}\n`;

/**
 * Hostile Python submissions: escapes through Pyodide's FFI, the host's file system, network and
 * environment, loops, memory, recursion, output, state left for the next submission, timing and
 * grader spoofing. Run through the real pool by hostile-corpus.spec.ts.
 */
export const PYTHON_HOSTILE_CASES: HostileCase[] = [
  // The FFI to JavaScript
  {
    name: 'import js',
    code: py('import js', 'def solve(x):', '    return js.process.pid'),
    verdicts: ['error'],
    resultMustMatch: /ModuleNotFoundError: import of js halted/,
  },
  {
    name: 'import pyodide_js (the loader API)',
    code: py('def solve(x):', '    import pyodide_js', '    return pyodide_js.version'),
    verdicts: ['error'],
    resultMustMatch: /ModuleNotFoundError/,
  },
  {
    name: 'pyodide.ffi and pyodide.code',
    code: py('def solve(x):', '    from pyodide.code import run_js', "    return run_js('typeof process')"),
    verdicts: ['error'],
    resultMustMatch: /ModuleNotFoundError/,
  },
  {
    name: 'the FFI core module, re-imported after removal from sys.modules',
    code: py(
      'import sys',
      'def solve(x):',
      "    for name in ('js', '_pyodide_core', 'pyodide', '_pyodide'):",
      '        sys.modules.pop(name, None)',
      '    got = []',
      "    for name in ('js', '_pyodide_core', 'pyodide', '_pyodide'):",
      '        try:',
      '            __import__(name)',
      '            got.append(name)',
      '        except ImportError:',
      '            pass',
      '    return got',
    ),
    verdicts: ['passed'],
    tests: [{ input: 0, expected: [] }],
  },
  {
    name: 'JavaScript objects found through the garbage collector reach no host global',
    code: py(
      'import gc',
      'def solve(x):',
      '    reached = []',
      '    for o in gc.get_objects():',
      "        if 'Js' not in type(o).__name__:",
      '            continue',
      '        try:',
      "            f = o.constructor.constructor('return [typeof process, typeof require, typeof __py, typeof WebAssembly, typeof loadPyodide, typeof readbuffer].join()')",
      '            reached.append(f())',
      '        except Exception:',
      '            pass',
      "    bad = [r for r in reached if r != 'undefined,undefined,undefined,undefined,undefined,undefined']",
      "    return 'contained' if not bad else bad",
    ),
    verdicts: ['passed'],
    tests: [{ input: 0, expected: 'contained' }],
  },
  {
    name: 'ctypes scribbling over the interpreter',
    code: py('import ctypes', 'def solve(x):', '    ctypes.memset(1024, 0, 1 << 20)', '    return 1'),
    verdicts: ['error', 'failed', 'crashed', 'timeout', 'memory'],
  },
  // The host: files, network, processes, environment
  {
    name: "reading the host's files",
    code: py(
      'def solve(x):',
      '    read = []',
      "    for path in ('/etc/passwd', '/proc/self/environ', '/proc/self/cmdline', '/work', '/root/.ssh', '/app/.env', '/usr/lib'):",
      '        try:',
      "            with open(path, 'rb') as f:",
      '                read.append((path, len(f.read())))',
      '        except OSError:',
      '            pass',
      '    return read',
    ),
    verdicts: ['passed'],
    tests: [{ input: 0, expected: [] }],
  },
  {
    name: 'the file system holds only the interpreter',
    code: py('import os', 'def solve(x):', "    return sorted(os.listdir('/'))"),
    verdicts: ['passed', 'failed'],
    resultMustNotMatch: /"(etc|proc|root|work|app|usr|var)"/,
  },
  {
    name: 'the environment carries nothing of the host',
    code: py('import os', 'def solve(x):', '    return dict(os.environ)'),
    verdicts: ['failed'],
    resultMustNotMatch: /JWT|DATABASE|REDIS|SECRET|\/work|\/root|NODE_/,
  },
  {
    name: 'network: sockets and urllib',
    code: py(
      'import socket, urllib.request',
      'def solve(x):',
      '    done = []',
      '    try:',
      "        socket.create_connection(('127.0.0.1', 3306))",
      "        done.append('socket')",
      '    except Exception:',
      '        pass',
      '    try:',
      "        urllib.request.urlopen('http://127.0.0.1:3306/')",
      "        done.append('urllib')",
      '    except Exception:',
      '        pass',
      '    return done',
    ),
    // Emscripten's sockets reach nothing; urllib may also wait until the time limit.
    verdicts: ['passed', 'timeout'],
    tests: [{ input: 0, expected: [] }],
  },
  {
    name: 'processes and threads',
    code: py(
      'import os, subprocess, threading',
      'def solve(x):',
      '    done = []',
      "    for name, start in (('system', lambda: os.system('id') == 0), ('subprocess', lambda: subprocess.run(['id']).returncode == 0), ('fork', lambda: os.fork() >= 0), ('thread', lambda: threading.Thread(target=print).start() or True)):",
      '        try:',
      '            if start():',
      '                done.append(name)',
      '        except Exception:',
      '            pass',
      '    return done',
    ),
    verdicts: ['passed'],
    tests: [{ input: 0, expected: [] }],
  },
  // Loops
  { name: 'infinite loop', code: py('def solve(x):', '    while True:', '        pass'), verdicts: ['timeout'] },
  {
    name: 'infinite loop while loading',
    code: py('while True:', '    pass', 'def solve(x):', '    return 1'),
    verdicts: ['timeout'],
  },
  {
    name: 'a loop that catches every exception',
    code: py(
      'def solve(x):',
      '    while True:',
      '        try:',
      '            while True:',
      '                pass',
      '        except BaseException:',
      '            pass',
    ),
    verdicts: ['timeout'],
  },
  {
    name: 'an exception whose message never ends',
    code: py(
      'class E(Exception):',
      '    def __str__(self):',
      '        while True:',
      '            pass',
      'def solve(x):',
      '    raise E()',
    ),
    verdicts: ['timeout'],
  },
  // Memory
  { name: 'string memory bomb', code: py('def solve(x):', "    return len('x' * (10 ** 9))"), verdicts: ['memory'] },
  {
    name: 'growing list memory bomb',
    code: py('def solve(x):', '    keep = []', '    while True:', '        keep.append(bytearray(1 << 20))'),
    verdicts: ['memory'],
  },
  {
    name: 'memory bomb that catches MemoryError and goes on',
    code: py(
      'def solve(x):',
      '    keep = []',
      '    while True:',
      '        try:',
      '            keep.append(bytearray(1 << 20))',
      '        except MemoryError:',
      '            keep.append(bytearray(1 << 10))',
    ),
    verdicts: ['memory', 'timeout'],
  },
  {
    name: 'memory bomb while loading',
    code: py("junk = 'x' * (10 ** 9)", 'def solve(x):', '    return 1'),
    verdicts: ['memory'],
  },
  // Recursion
  {
    name: 'unbounded recursion',
    code: py('def f(n):', '    return f(n + 1)', 'def solve(x):', '    return f(0)'),
    verdicts: ['error'],
    resultMustMatch: /RecursionError/,
  },
  {
    name: 'recursion with the limit lifted',
    code: py(
      'import sys',
      'sys.setrecursionlimit(10 ** 7)',
      'def f(n):',
      '    return f(n + 1) + 1',
      'def solve(x):',
      '    return f(0)',
    ),
    verdicts: ['error', 'memory', 'crashed', 'timeout'],
  },
  // Output
  {
    name: 'print flood',
    code: py('def solve(x):', '    for i in range(10 ** 5):', "        print('x' * 1000)", '    return 1'),
    verdicts: ['failed'],
    resultMustMatch: /log truncated/,
  },
  {
    name: 'one huge print line',
    code: py(
      'import sys',
      'def solve(x):',
      "    sys.stdout.write('y' * (10 ** 7))",
      "    sys.__stdout__.write('z' * (10 ** 6))",
      '    return 1',
    ),
    verdicts: ['failed'],
    resultMustMatch: /log truncated/,
  },
  {
    name: 'huge result',
    code: py('def solve(x):', "    return 'x' * (10 ** 7)"),
    verdicts: ['error'],
    resultMustMatch: /larger than/,
  },
  { name: 'a result JSON cannot hold', code: py('def solve(x):', '    return {1, 2}'), verdicts: ['error'] },
  {
    name: 'exiting the interpreter',
    code: py('import os', 'def solve(x):', '    os._exit(0)'),
    verdicts: ['error', 'crashed'],
  },
  { name: 'sys.exit', code: py('import sys', 'def solve(x):', '    sys.exit(0)'), verdicts: ['error'] },
  // Hidden tests
  {
    name: 'an error carrying the hidden input',
    code: py('def solve(input):', '    raise ValueError(repr(input))'),
    verdicts: ['error'],
    tests: secretTests,
    resultMustNotMatch: leaks,
  },
  {
    name: 'an exception class named after the hidden input',
    code: py('def solve(input):', "    raise type(input['note'] + input['card'], (Exception,), {})('x')"),
    verdicts: ['error'],
    tests: secretTests,
    resultMustNotMatch: leaks,
  },
  {
    name: 'printing the hidden input',
    code: py('def solve(input):', '    print(input)', '    return input'),
    verdicts: ['failed'],
    tests: secretTests,
    resultMustNotMatch: leaks,
  },
  // Grader spoofing
  {
    name: 'patched json.dumps cannot forge the result',
    code: py(
      'import json, sys',
      "json.dumps = lambda *a, **k: '42'",
      "sys.modules['json'].dumps = json.dumps",
      'def solve(x):',
      '    return 1',
    ),
    verdicts: ['failed'],
    tests: [{ input: 0, expected: 42 }],
  },
  {
    name: 'printing a fake envelope',
    code: py('def solve(x):', '    print(\'{"k":"ok","out":"42"}\')', '    return 1'),
    verdicts: ['failed'],
    tests: [{ input: 0, expected: 42 }],
  },
  // State and timing
  {
    name: 'module-level state does not survive to the next test',
    code: py(
      'import builtins',
      "runs = getattr(builtins, 'runs', 0) + 1",
      'builtins.runs = runs',
      'def solve(x):',
      '    return runs',
    ),
    verdicts: ['passed', 'failed'],
    tests: [
      { input: 0, expected: 1 },
      { input: 0, expected: 1 },
    ],
  },
  {
    name: 'nothing survives into the next submission',
    code: py(
      'import builtins, json, sys, os',
      "builtins.leak = 'left behind'",
      "json.loads = lambda s: 'poisoned'",
      "sys.modules['evil'] = sys",
      "with open('/tmp/flag', 'w') as f:",
      "    f.write('left behind')",
      "os.environ['LEFT'] = 'behind'",
      'def solve(x):',
      '    return 1',
    ),
    verdicts: ['failed'],
    followUp: {
      code: py(
        'import builtins, os, sys',
        'def solve(x):',
        "    return [hasattr(builtins, 'leak'), x, 'evil' in sys.modules, os.path.exists('/tmp/flag'), 'LEFT' in os.environ]",
      ),
      tests: [{ input: 'fresh', expected: [false, 'fresh', false, false, false] }],
    },
  },
  {
    name: 'clocks have no sub-millisecond resolution',
    code: py(
      'import time',
      'def solve(x):',
      '    steps = set()',
      '    last = time.perf_counter_ns()',
      '    for _ in range(200000):',
      '        now = time.perf_counter_ns()',
      '        if now != last:',
      '            steps.add(now - last)',
      '            last = now',
      '    return min(steps) >= 1_000_000 if steps else True',
    ),
    verdicts: ['passed'],
    tests: [{ input: 0, expected: true }],
  },
];

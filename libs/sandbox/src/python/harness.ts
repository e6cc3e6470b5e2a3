import { RunLimits } from '../types';

/** File name the candidate's code carries in tracebacks; the harness reads line numbers from it. */
export const PYTHON_SOLUTION_FILE = 'solution.py';

/**
 * Python source run once in each fresh interpreter, before any candidate code. It closes the ways
 * from Python to JavaScript, then evaluates to the function the JavaScript harness calls once per
 * test: `run(code, input_json, entry)` answers an envelope as JSON text (see Envelope in
 * ../isolate/prelude.ts; `memory` is Python's own: a MemoryError).
 *
 * The isolate is the security boundary: even a way back to JavaScript reaches only the isolate's
 * own globals, none of the host's. Closing the FFI keeps candidates off the loader's objects, so a
 * run cannot tamper with the harness or with the interpreter's set-up.
 *
 * Each test runs the code in a new globals dict (module-level state does not survive from one test
 * to the next, as with JavaScript's fresh context per test). Everything is captured before candidate
 * code runs; print output goes to a capped buffer.
 */
export function pythonHarnessSource(limits: RunLimits): string {
  return `
def _rubricon_setup():
    import sys, builtins, json

    # 1. Close the FFI: the js and pyodide modules, their finders, and the pyodide internals.
    blocked = ('js', 'pyodide_js', 'pyodide', '_pyodide', '_pyodide_core', 'micropip', 'pyodide_http')
    def is_blocked(name):
        return any(name == b or name.startswith(b + '.') for b in blocked)
    for name in list(sys.modules):
        if is_blocked(name):
            sys.modules[name] = None
    for name in blocked:
        sys.modules[name] = None
    sys.meta_path[:] = [f for f in sys.meta_path if not is_blocked(getattr(type(f), '__module__', '') or '')]
    sys.path_hooks[:] = [h for h in sys.path_hooks if not is_blocked(getattr(h, '__module__', '') or '')]
    # _pyodide_core is compiled in: refuse it (and any blocked name) at the built-in importer.
    import importlib.machinery
    Builtin = importlib.machinery.BuiltinImporter
    class Builtins(Builtin):
        @classmethod
        def find_spec(cls, name, path=None, target=None):
            return None if is_blocked(name) else Builtin.find_spec(name, path, target)
    sys.meta_path[:] = [Builtins if f is Builtin else f for f in sys.meta_path]
    for attr in ('_pyodide_core', '_emscripten_info'):
        if hasattr(sys, attr):
            try:
                delattr(sys, attr)
            except Exception:
                pass

    dumps, loads = json.dumps, json.loads
    Exc, Mem, Syn = BaseException, MemoryError, SyntaxError
    str_, len_, isinstance_, type_, callable_ = str, len, isinstance, type, callable
    LOG_BYTES, LOG_LINES, RESULT_BYTES = ${limits.logBytes}, ${limits.logLines}, ${limits.resultBytes}
    FILE = '${PYTHON_SOLUTION_FILE}'

    class Capture:
        """sys.stdout and sys.stderr while a test runs: keeps what fits in the log limits."""
        encoding = 'utf-8'
        errors = 'replace'
        def __init__(self):
            self.parts, self.bytes, self.lines, self.truncated = [], 0, 0, False
        def write(self, s):
            if not isinstance_(s, str_):
                raise TypeError('write() argument must be str, not ' + type_(s).__name__)
            if self.truncated or not s:
                return len_(s)
            size = len_(s.encode('utf-8', 'replace'))
            lines = s.count('\\n')
            if self.bytes + size > LOG_BYTES or self.lines + lines > LOG_LINES:
                self.truncated = True
                return len_(s)
            self.parts.append(s)
            self.bytes += size
            self.lines += lines
            return len_(s)
        def writelines(self, lines):
            for line in lines:
                self.write(line)
        def flush(self):
            pass
        def isatty(self):
            return False
        def text(self):
            out = ''.join(self.parts)
            return out[:-1] if out.endswith('\\n') else out

    def line_of(error):
        line = 0
        tb = getattr(error, '__traceback__', None)
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == FILE:
                line = tb.tb_lineno
            tb = tb.tb_next
        if isinstance_(error, Syn) and getattr(error, 'filename', None) == FILE and not line:
            line = error.lineno or 0
        return line

    def describe(error):
        d = {'name': 'Error', 'message': '', 'line': 0}
        try:
            d['name'] = str_(type_(error).__name__)[:80]
            d['line'] = line_of(error)
            if isinstance_(error, Syn):
                d['message'] = str_(error.msg)[:1000]
            else:
                d['message'] = str_(error)[:1000]
        except Exc:
            pass
        return d

    def attempt(code, input_json, entry):
        try:
            compiled = compile(code, FILE, 'exec', dont_inherit=True)
        except Syn as e:
            return {'k': 'syntax', 'e': describe(e)}
        scope = {'__name__': '__main__', '__builtins__': builtins}
        try:
            exec(compiled, scope)
        except Mem:
            return {'k': 'memory', 'phase': 'load'}
        except Exc as e:
            return {'k': 'load-error', 'e': describe(e)}
        solve = scope.get(entry)
        if not callable_(solve):
            return {'k': 'no-solve'}
        try:
            value = solve(loads(input_json))
        except Mem:
            return {'k': 'memory', 'phase': 'call'}
        except Exc as e:
            return {'k': 'error', 'e': describe(e)}
        try:
            out = dumps(value, ensure_ascii=False, allow_nan=False, separators=(',', ':'))
        except Mem:
            return {'k': 'memory', 'phase': 'call'}
        except Exc as e:
            return {'k': 'result-error', 'e': describe(e)}
        if len_(out) > RESULT_BYTES or len_(out.encode('utf-8')) > RESULT_BYTES:
            return {'k': 'result-size'}
        return {'k': 'ok', 'out': out}

    def run(code, input_json, entry):
        capture = Capture()
        saved = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = capture
        try:
            env = attempt(code, input_json, entry)
        except Mem:
            env = {'k': 'memory', 'phase': 'call'}
        except Exc as e:
            env = {'k': 'error', 'e': describe(e)}
        finally:
            sys.stdout, sys.stderr = saved
        try:
            env['logs'], env['lt'] = capture.text(), capture.truncated
            return dumps(env, ensure_ascii=False)
        except Exc:
            return '{"k":"failure"}'

    return run

_rubricon_setup()
`;
}

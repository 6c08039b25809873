"""ormcheck in-container harness: runs one solution against a challenge's tests.

Started by the sandbox as ``python3 -I -B /opt/ormcheck/harness.py`` with one
JSON line on stdin::

    {"key": "<hex>", "solution": "/work/solution.py", "tests_dir": "/work/tests",
     "sources": {"ormtest.py": "...", "public/test_a.py": "...", "hidden/test_b.py": "..."},
     "files": ["public/test_a.py", "hidden/test_b.py"], "per_test_timeout": 10.0,
     "max_message": 500}

Only the solution is a file; the tests and their helpers arrive in
``sources`` and are compiled from memory.

It writes its report to the process's original stdout as signed records, one a
line::

    ORMCHECK1 <seq> <hmac-sha256 hex> <json>

where the MAC covers ``"<seq>|<previous mac>|<json>"`` with the key from stdin,
so records cannot be forged, dropped, reordered or replayed without the key.
Everything the solution prints goes to stderr (fd 1 is pointed at fd 2).

Record kinds (``"t"``): ``start``; ``load`` (``ok`` and, on failure,
``kind`` = ``compile-error`` | ``test-error`` with a message); ``test`` (``id``,
``outcome`` = passed | failed | error | timeout, ``message``, ``ms``);
``event`` (``what`` = refused | tamper | network, ``detail``); ``end``.

Candidates' code is hostile. Before it is imported the harness:

* takes the tests from stdin (they are never on disk) and serves their helper
  modules from memory, and makes itself non-dumpable so /proc/self/mem is
  closed;
* installs an audit hook (PEP 578; it cannot be removed) that refuses the
  introspection a forger needs (frames, gc, tracing, ctypes), process
  creation, network use, and opening /proc or the tests;
* keeps every trusted object in closures of ``main`` (nothing reachable by
  name from a module), captures the builtins it uses, and signs with a C
  function (``_hashlib.hmac_digest``) the solution cannot patch;
* snapshots the instruments the tests rely on (builtins, sqlalchemy, pytest,
  ormtest, sys.modules entries, the tests' own globals) and checks them after
  the import and after every test, restoring and reporting any change; dict
  watchers on the same module and class dicts report a replacement the moment
  it happens, so putting the original back before the test ends hides
  nothing.

Tests run one at a time in a worker thread (``signal.signal`` refuses to work
there, so no signal handler can be used to grab a frame); the main thread
enforces the per-test time limit and signs the results, and counts a pass only
if ``sys.monitoring`` saw the test function return normally from the worker.

Known limits: whatever runs in the solution's process can in principle be
forged; these layers make it hard, not impossible. A solution that obtained
a frame by a route not closed here could rewrite a running test's locals
through ``frame.f_locals``. Per-test process isolation would be the
structural fix.
"""


def main():
    import _hashlib
    import _thread
    import builtins
    import os
    import sys
    import time
    import types
    from _queue import Empty, SimpleQueue

    # Every builtin used once graded code runs is bound here, so that nested
    # functions find it in a closure cell, not in the (patchable) builtins.
    (str, int, float, bool, len, type, isinstance, list, dict, tuple, repr, sorted,
     getattr, ord, min, range, callable, compile, exec, SyntaxError, ImportError,
     BaseException, AssertionError, PermissionError, ValueError) = (
        builtins.str, builtins.int, builtins.float, builtins.bool, builtins.len,
        builtins.type, builtins.isinstance, builtins.list, builtins.dict, builtins.tuple,
        builtins.repr, builtins.sorted, builtins.getattr, builtins.ord, builtins.min,
        builtins.range, builtins.callable, builtins.compile, builtins.exec,
        builtins.SyntaxError, builtins.ImportError, builtins.BaseException,
        builtins.AssertionError, builtins.PermissionError, builtins.ValueError)
    get_ident = _thread.get_ident
    start_new_thread = _thread.start_new_thread
    CodeType, ModuleType, FunctionType = types.CodeType, types.ModuleType, types.FunctionType

    # --- configuration and the private report channel -----------------------
    line = sys.stdin.buffer.readline()
    cfg = __import__("json").loads(line)
    try:
        os.close(0)
    except OSError:
        pass
    key = bytes.fromhex(cfg.pop("key"))
    out_fd = os.dup(1)
    os.dup2(2, 1)  # the solution's prints go to stderr

    hmac_digest = _hashlib.hmac_digest
    os_write = os.write
    os_exit = os._exit
    monotonic = time.monotonic
    _str, _int, _float, _bool, _len = str, int, float, bool, len
    _type, _isinstance, _list, _dict, _tuple = type, isinstance, list, dict, tuple
    _repr, _sorted, _getattr, _id = repr, sorted, getattr, id
    _BaseException, _AssertionError = BaseException, AssertionError
    str_join, str_startswith = str.join, str.startswith
    max_message = _int(cfg.get("max_message", 500))
    per_test_timeout = _float(cfg.get("per_test_timeout", 10.0))

    def enc(value):
        # A small JSON encoder of our own: the json module's internals live in
        # patchable module globals.
        t = _type(value)
        if t is _str:
            parts = []
            for ch in value:
                o = ord(ch)
                if ch == '"':
                    parts.append('\\"')
                elif ch == "\\":
                    parts.append("\\\\")
                elif o < 0x20 or 0x7F <= o < 0xA0 or 0xD800 <= o < 0xE000:
                    parts.append("\\u%04x" % o)
                else:
                    parts.append(ch)
            return '"' + str_join("", parts) + '"'
        if t is _bool:
            return "true" if value else "false"
        if t is _int:
            return "%d" % value
        if t is _float:
            return "%.3f" % value
        if value is None:
            return "null"
        if t is _dict:
            return "{" + str_join(",", [enc(k) + ":" + enc(v) for k, v in value.items()]) + "}"
        if t is _list:
            return "[" + str_join(",", [enc(v) for v in value]) + "]"
        return enc(_str(value))

    chain = {"seq": 0, "mac": ""}

    def emit(record):
        body = enc(record)
        seq = chain["seq"]
        msg = ("%d|%s|%s" % (seq, chain["mac"], body)).encode("utf-8", "replace")
        mac = hmac_digest(key, msg, "sha256").hex()
        data = ("ORMCHECK1 %d %s %s\n" % (seq, mac, body)).encode("utf-8", "replace")
        chain["seq"] = seq + 1
        chain["mac"] = mac
        while data:
            n = os_write(out_fd, data)
            data = data[n:]

    def clip(text):
        text = _str(text)
        if _len(text) > max_message:
            text = text[: max_message - 1] + "\u2026"
        return text

    emit({"t": "start", "python": sys.version.split()[0]})

    # --- the tests arrive on stdin and never touch the filesystem ------------
    # Nothing a solution could open holds them; the only copy is in this
    # function's locals.
    tests_dir = cfg["tests_dir"]  # where tests would be: reading it is reported
    solution_path = cfg["solution"]
    work_dir = os.path.dirname(solution_path)
    sources = cfg["sources"]
    helpers = {}
    for rel, text in sources.items():
        name = rel.rsplit("/", 1)[-1]
        if name.endswith(".py") and not name.startswith("test_"):
            helpers[name[:-3]] = (rel, text)
    del cfg["sources"]

    # Not dumpable: /proc/self/* becomes root's, so the process cannot read
    # its own memory (and the key) through /proc/self/mem.
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE, 0
    except Exception:
        pass

    # greenlet's gr_frame hands out the suspended frame of any greenlet (the
    # path from SQLAlchemy's async bridge back to this harness) and raises no
    # audit event. Its type is immutable, so lift the flag for one moment to
    # replace the attribute, then set it again.
    try:
        import ctypes
        import greenlet as _greenlet

        gtype = _greenlet.greenlet
        flags = gtype.__flags__
        for offset in range(128, 256, 8):  # tp_flags: 168 on 64-bit CPython 3.13
            word = ctypes.c_ulong.from_address(_id(gtype) + offset)
            if word.value == flags:
                word.value = flags & ~(1 << 8)  # Py_TPFLAGS_IMMUTABLETYPE
                try:
                    type.__setattr__(gtype, "gr_frame", property(lambda self: None))
                finally:
                    word.value = flags
                break
    except Exception:
        pass

    # A fresh copy of a builtin module (importlib.util.module_from_spec)
    # would bring back what the harness replaced in it.
    import _imp

    real_create_builtin = _imp.create_builtin

    from types import SimpleNamespace

    def create_builtin(spec):
        name = spec.name  # read once: what is checked is what is created
        if _type(name) is not _str:
            raise ImportError("ormcheck sandbox: bad module spec")
        if name in ("_signal", "_ctypes", "_imp") and name in sys.modules:
            raise ImportError("ormcheck sandbox: a second copy of %s is not allowed" % name)
        return real_create_builtin(SimpleNamespace(name=name, origin="built-in"))

    _imp.create_builtin = create_builtin

    from importlib.util import spec_from_loader

    class _HelperFinder:
        """Serves the tests' helper modules (ormtest, ...) from memory."""

        @staticmethod
        def find_spec(fullname, path=None, target=None):
            if fullname in helpers:
                return spec_from_loader(fullname, _HelperLoader)
            return None

    class _HelperLoader:
        @staticmethod
        def create_module(spec):
            return None

        @staticmethod
        def exec_module(module):
            rel, text = helpers[module.__name__]
            code = compile(text, rel, "exec", dont_inherit=True)
            exec(code, module.__dict__)

    finder = _HelperFinder()
    sys.meta_path.insert(0, finder)
    sys.path[:] = [work_dir] + [p for p in sys.path if p and not p.startswith(tests_dir)]
    os.chdir(work_dir)
    os.environ.setdefault("TMPDIR", "/tmp")

    # Warm and capture what the tests rely on, before the solution exists.
    import asyncio  # noqa: F401
    import sqlalchemy
    import sqlalchemy.event
    import sqlalchemy.exc
    import sqlalchemy.ext.asyncio  # noqa: F401
    import sqlalchemy.ext.associationproxy  # noqa: F401
    import sqlalchemy.ext.hybrid  # noqa: F401
    import sqlalchemy.ext.mutable  # noqa: F401
    import sqlalchemy.orm
    import sqlite3  # noqa: F401
    import aiosqlite  # noqa: F401
    import greenlet  # noqa: F401
    import pytest

    if "ormtest" in helpers:
        __import__("ormtest")

    # Every module of the libraries the tests measure with, and every class
    # they define: a solution that replaces Connection.execute or Row.__eq__
    # could otherwise make a wrong answer read as right.
    watched_roots = ("sqlalchemy", "aiosqlite", "sqlite3", "greenlet", "pytest", "_pytest", "asyncio")
    watched_modules = ["builtins"] + _sorted(
        n for n in _list(sys.modules)
        if n in helpers or n in watched_roots or str_startswith(n, tuple(r + "." for r in watched_roots))
    )
    snapshot = []  # (label, dict, key, original): module globals and sys.modules entries
    classes = []   # (label, class, {name: attribute}): class bodies
    seen_classes = set()
    for modname in watched_modules:
        mod = sys.modules.get(modname)
        if mod is None:
            continue
        snapshot.append(("sys.modules", sys.modules, modname, mod))
        library = modname != "builtins" and modname not in helpers
        for k, v in _list(mod.__dict__.items()):
            if str_startswith(k, "__") and k not in ("__import__", "__build_class__"):
                continue
            # Libraries keep counters and lazily built caches in module
            # globals; their code (functions, classes, modules) stays put.
            if library and not (callable(v) or _type(v) is ModuleType):
                continue
            snapshot.append((modname, mod.__dict__, k, v))
            if modname != "builtins" and isinstance(v, type) and _id(v) not in seen_classes:
                if _getattr(v, "__module__", None) == modname:
                    seen_classes.add(_id(v))
                    classes.append((modname + "." + k, v, _dict(v.__dict__)))
    meta_path = sys.meta_path
    type_setattr, type_delattr = type.__setattr__, type.__delattr__
    missing = object()

    def check_integrity():
        """Restore and name everything replaced since the snapshot."""
        changed = []
        if not meta_path or meta_path[0] is not finder:
            if finder in meta_path:
                meta_path.remove(finder)
            meta_path.insert(0, finder)
            changed.append("sys.meta_path")
        for label, d, k, v in snapshot:
            if d.get(k, d) is not v:
                d[k] = v
                changed.append(k if label == "sys.modules" else label + "." + k)
        for label, cls, saved in classes:
            current = cls.__dict__
            for k, v in saved.items():
                if current.get(k, missing) is not v:
                    try:
                        type_setattr(cls, k, v)
                    except BaseException:
                        pass
                    changed.append(label + "." + k)
            if _len(current) != _len(saved):
                for k in _list(current.keys()):
                    # Libraries fill private caches on classes lazily; a new
                    # public name or special method shadows behaviour.
                    if k not in saved and (not str_startswith(k, "_") or (str_startswith(k, "__") and k.endswith("__"))):
                        try:
                            type_delattr(cls, k)
                        except BaseException:
                            pass
                        changed.append(label + "." + k)
        return changed

    # --- the audit hook -----------------------------------------------------
    getframe = sys._getframe
    harness_file = getframe(0).f_code.co_filename
    stdlib = os.path.dirname(os.__file__)
    # sys._getframe is allowed only to library functions that use the frame
    # internally and never hand it out: (file, function[, its caller]).
    sa_langhelpers = os.path.join(os.path.dirname(sqlalchemy.__file__), "util", "langhelpers.py")
    allow_getframe = {
        (stdlib + "/logging/__init__.py", "<lambda>", "findCaller"),
        (sa_langhelpers, "_warnings_warn", None),
    }
    frame_attrs = {"tb_frame", "gi_frame", "cr_frame", "ag_frame", "gi_yieldfrom"}
    deny_events = {
        "gc.get_objects", "gc.get_referrers", "gc.get_referents",
        "sys._current_frames", "sys._current_exceptions", "sys.settrace", "sys.setprofile",
        "sys.monitoring.register_callback", "sys.addaudithook", "sys.remote_exec",
        "os.fork", "os.forkpty", "os.exec", "os.posix_spawn", "os.spawn", "os.system",
        "os.startfile", "subprocess.Popen", "pty.spawn", "os.symlink", "os.link",
        "_posixsubprocess.fork_exec", "mmap.__new__", "code.__new__",
    }
    network_events = {
        "socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg", "socket.getaddrinfo",
        "socket.gethostbyname", "socket.gethostbyaddr", "socket.gethostbyname_ex", "socket.getnameinfo",
    }
    closed_prefixes = (tests_dir + "/", "/proc/", "/sys/", "/dev/fd/", os.path.dirname(harness_file) + "/")
    closed_exact = (tests_dir, "/proc", "/sys", "/dev/fd")
    # Modules whose fresh copy would undo a protection (the original
    # signal.signal, ctypes).
    fresh_denied = {"_signal", "signal", "_ctypes", "ctypes", "_imp"}
    violations = []  # appended by the hook (any thread), drained by the main thread
    state = {"armed": False}
    busy = set()  # threads inside the harness's own introspection
    abspath = os.path.abspath
    fsdecode = os.fsdecode

    class SandboxRefusal(PermissionError, ValueError):
        """Raised where the sandbox refuses an operation to graded code."""

    def caller_file(with_names=False):
        # Frame 0 is this function, 1 the hook, 2 the code that raised the event.
        me = get_ident()
        busy.add(me)
        try:
            f = getframe(2)
            if not with_names:
                return f.f_code.co_filename, f.f_lineno
            up = f.f_back
            return f.f_code.co_filename, f.f_lineno, f.f_code.co_name, up.f_code.co_name if up is not None else None
        except _BaseException:
            return ("?", 0, "?", None) if with_names else ("?", 0)
        finally:
            busy.discard(me)

    basename = os.path.basename

    def where(fname, lineno):
        if fname == solution_path:
            return "solution.py:%d" % lineno
        return "%s:%d" % (basename(fname), lineno)

    def is_helper_function(obj):
        # ormtest keeps what it must trust in default arguments.
        if _type(obj) is not FunctionType:
            return False
        module = obj.__module__
        return _type(module) is _str and module in helpers

    def refuse(what, kind="refused"):
        violations.append((kind, what))
        raise SandboxRefusal("ormcheck sandbox: %s is not allowed in graded code" % what)

    def hook(event, args):
        if not state["armed"] or get_ident() in busy:
            return
        if event in deny_events:
            fname, lineno = caller_file()
            refuse("%s (at %s)" % (event, where(fname, lineno)))
        elif str_startswith(event, "ctypes."):
            refuse(event)
        elif event == "open":
            path = args[0]
            if _type(path) is _int:
                return
            try:
                p = abspath(fsdecode(path))
            except _BaseException:
                return
            if p in closed_exact or str_startswith(p, closed_prefixes):
                if str_startswith(p, tests_dir):
                    refuse("reading the tests (%s)" % p, "tamper")
                refuse("opening %s" % p)
        elif event in ("os.listdir", "os.scandir", "os.chdir", "sqlite3.connect"):
            try:
                p = abspath(fsdecode(args[0] if args[0] is not None else "."))
            except _BaseException:
                return
            if p in closed_exact or str_startswith(p, closed_prefixes):
                refuse("listing %s" % p, "tamper" if str_startswith(p, tests_dir) else "refused")
        elif event == "object.__getattr__":
            if args[1] in frame_attrs:
                fname, lineno = caller_file()
                if fname != harness_file:
                    refuse("reading %s (at %s)" % (args[1], where(fname, lineno)))
            elif args[1] in ("__defaults__", "__kwdefaults__") and is_helper_function(args[0]):
                fname, lineno = caller_file()
                refuse("reading %s of a test helper (at %s)" % (args[1], where(fname, lineno)), "tamper")
        elif event == "object.__setattr__":
            if args[1] == "__code__" or (args[1] in ("__defaults__", "__kwdefaults__") and is_helper_function(args[0])):
                fname, lineno = caller_file()
                refuse("replacing a function's %s (at %s)" % (args[1], where(fname, lineno)), "tamper")
        elif event == "sys._getframe":
            fname, lineno, func, parent = caller_file(True)
            if fname != harness_file and (fname, func, parent) not in allow_getframe and (fname, func, None) not in allow_getframe:
                refuse("sys._getframe (at %s)" % where(fname, lineno))
        elif event == "import" and args[0] in fresh_denied:
            refuse("importing %s" % args[0])
        elif event in network_events:
            violations.append(("network", "%s %s" % (event, clip(_repr(args[1:2])))))
            raise SandboxRefusal("ormcheck sandbox: the network is not available")

    # signal.signal only works in the main thread, where no graded code runs;
    # also hand any handler a None frame in case that ever changes.
    import _signal
    import signal

    real_signal = _signal.signal

    def safe_signal(signalnum, handler):
        if callable(handler):
            inner = handler

            def handler(signum, frame):  # noqa: F811
                return inner(signum, None)

        return real_signal(signalnum, handler)

    _signal.signal = safe_signal
    signal.signal = safe_signal

    # A pass counts only when the interpreter itself saw the test function
    # return normally, called by the worker, in its own module: a solution
    # that reaches the worker's result queue cannot fake that.
    monitoring = sys.monitoring
    PY_RETURN = monitoring.events.PY_RETURN
    set_local_events = monitoring.set_local_events
    tool = None
    for candidate_tool in (4, 3):
        try:
            monitoring.use_tool_id(candidate_tool, "ormcheck")
            tool = candidate_tool
            break
        except ValueError:
            continue
    code_index = {}  # id(code) -> (test index, code, module globals)
    returned = set()  # test indexes seen returning normally
    worker_code = []  # the worker's code object, once it exists

    def on_return(code, offset, retval):
        entry = code_index.get(_id(code))
        if entry is None or entry[1] is not code:
            return
        me = get_ident()
        busy.add(me)
        try:
            f = getframe(1)
            ok = (f.f_code is code and f.f_globals is entry[2] and f.f_back is not None
                  and worker_code and f.f_back.f_code is worker_code[0])
        except _BaseException:
            ok = False
        finally:
            busy.discard(me)
        if ok:
            returned.add(entry[0])

    if tool is not None:
        monitoring.register_callback(tool, PY_RETURN, on_return)

    # Dict watchers (PEP-less C API, CPython 3.12+) on every watched module
    # and class dict: a replacement is seen the moment it happens, so putting
    # the original back before the test ends does not hide it.
    watch_dict = None
    watched = {}  # address of a watched dict -> (label, {key: original}, is_class)
    try:
        import ctypes
        import gc

        api = ctypes.pythonapi
        WatchCallback = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)
        as_object = ctypes.py_object
        cast = ctypes.cast
        ADDED, MODIFIED, DELETED, CLEARED = 0, 1, 2, 4

        def on_dict_event(event, d, k, v):
            entry = watched.get(d)
            if entry is None or not state["armed"]:
                return 0
            me = get_ident()
            busy.add(me)
            try:
                label, originals, is_class = entry
                if event == CLEARED:
                    violations.append(("tamper", "cleared " + label))
                    return 0
                if not k:
                    return 0
                key = cast(k, as_object).value
                if _type(key) is not _str:
                    return 0
                if key in originals:
                    new = cast(v, as_object).value if v else None
                    if event == DELETED or new is not originals[key]:
                        violations.append(("tamper", "replaced %s.%s" % (label, key)))
                elif is_class and event == ADDED and (not str_startswith(key, "_") or (str_startswith(key, "__") and key.endswith("__"))):
                    violations.append(("tamper", "added %s.%s" % (label, key)))
            except _BaseException:
                pass
            finally:
                busy.discard(me)
            return 0

        dict_callback = WatchCallback(on_dict_event)
        api.PyDict_AddWatcher.argtypes = [WatchCallback]
        api.PyDict_AddWatcher.restype = ctypes.c_int
        api.PyDict_Watch.argtypes = [ctypes.c_int, ctypes.py_object]
        api.PyDict_Watch.restype = ctypes.c_int
        watcher_id = api.PyDict_AddWatcher(dict_callback)
        pydict_watch = api.PyDict_Watch

        def watch_dict(label, d, originals, is_class=False):
            me = get_ident()
            busy.add(me)
            try:
                if pydict_watch(watcher_id, d) == 0:
                    watched[_id(d)] = (label, originals, is_class)
            finally:
                busy.discard(me)

        by_dict = {}
        for label, d, k, v in snapshot:
            if d is not sys.modules:
                by_dict.setdefault(_id(d), (label, d, {}))[2][k] = v
        for label, d, originals in by_dict.values():
            watch_dict(label, d, originals)
        for label, cls, saved in classes:
            real = [r for r in gc.get_referents(cls.__dict__) if _type(r) is _dict]
            if real:
                watch_dict(label, real[0], saved, True)
    except Exception:
        watch_dict = None

    sys.addaudithook(hook)

    def drain_violations():
        while violations:
            kind, detail = violations.pop(0)
            emit({"t": "event", "what": kind, "detail": clip(detail)})

    def describe(exc, tb, show_location):
        """A short message for a failed test: the assertion's own words."""
        try:
            text = _str(exc)
        except _BaseException:
            text = ""
        if _isinstance(exc, _AssertionError):
            msg = text or "assertion failed"
        else:
            name = _getattr(_type(exc), "__name__", "Exception")
            if not _isinstance(name, _str):
                name = "Exception"
            msg = name + (": " + text if text else "")
        # Where it happened: the solution's line always; a test's line only
        # for public tests (hidden tests' layout stays hidden).
        loc = ""
        me = get_ident()
        busy.add(me)
        try:
            sol_line = 0
            test_loc = ""
            while tb is not None:
                fname = tb.tb_frame.f_code.co_filename
                if fname == solution_path:
                    sol_line = tb.tb_lineno
                elif str_startswith(fname, "public/") and show_location:
                    test_loc = "%s:%d" % (fname, tb.tb_lineno)
                tb = tb.tb_next
            if sol_line:
                loc = "solution.py:%d" % sol_line
            elif test_loc:
                loc = test_loc
        except _BaseException:
            pass
        finally:
            busy.discard(me)
        if loc:
            msg = msg + " (" + loc + ")"
        return clip(msg)

    # --- arm, import the solution, load the tests ---------------------------
    state["armed"] = True

    def load_failure(kind, exc, tb):
        if _isinstance(exc, SyntaxError) and exc.filename in (solution_path, "solution.py"):
            msg = "%s: %s (solution.py, line %s)" % (_type(exc).__name__, exc.msg, exc.lineno)
            if exc.text:
                msg += ": " + exc.text.strip()
            return clip(msg)
        return describe(exc, tb, False)

    try:
        __import__("solution")
    except _BaseException as exc:  # noqa: B902 - any failure at import is the solution's
        msg = load_failure("compile-error", exc, exc.__traceback__)
        drain_violations()
        emit({"t": "load", "ok": False, "kind": "compile-error", "message": msg})
        emit({"t": "end", "tests": 0})
        os_exit(0)
    changed = check_integrity()
    for what in changed:
        emit({"t": "event", "what": "tamper", "detail": "the solution replaced %s while being imported" % what})

    tests = []  # (id, function)
    for rel in cfg["files"]:
        text = sources.get(rel)
        if text is None:
            emit({"t": "load", "ok": False, "kind": "test-error", "message": "missing test file " + rel})
            emit({"t": "end", "tests": 0})
            os_exit(0)
        code = compile(text, rel, "exec", dont_inherit=True)
        consts = {c for c in code.co_consts if _type(c) is CodeType}
        module = ModuleType(rel.rsplit("/", 1)[-1][:-3])
        module.__file__ = rel
        try:
            exec(code, module.__dict__)
        except _BaseException as exc:
            # A name the tests import from the solution is missing: the
            # solution's fault. Anything else is a broken test.
            kind = "test-error"
            if _isinstance(exc, ImportError) and _getattr(exc, "name", None) == "solution":
                kind = "compile-error"
            emit({"t": "load", "ok": False, "kind": kind, "message": load_failure(kind, exc, exc.__traceback__)})
            emit({"t": "end", "tests": 0})
            os_exit(0)
        for name, obj in _list(module.__dict__.items()):
            if str_startswith(name, "test_") and _type(obj) is FunctionType:
                fcode = obj.__code__
                if any(fcode is c for c in consts):
                    tests.append((rel + "::" + name, obj, fcode.co_firstlineno, str_startswith(rel, "public/"), module.__dict__))
        # The tests' own globals are instruments too.
        originals = {}
        for k, v in _list(module.__dict__.items()):
            if not str_startswith(k, "__"):
                snapshot.append((rel, module.__dict__, k, v))
                originals[k] = v
        if watch_dict is not None:
            watch_dict(rel, module.__dict__, originals)
    tests.sort(key=lambda t: (cfg["files"].index(t[0].split("::")[0]), t[2]))
    for i in range(_len(tests)):
        fcode = tests[i][1].__code__
        code_index[_id(fcode)] = (i, fcode, tests[i][4])
        if tool is not None:
            set_local_events(tool, fcode, PY_RETURN)
    emit({"t": "load", "ok": True, "tests": [t[0] for t in tests]})
    drain_violations()

    # --- run the tests in a worker thread -----------------------------------
    commands = SimpleQueue()
    results = SimpleQueue()
    graveyard = []

    def worker():
        while True:
            item = commands.get()
            if item is None:
                return
            index = item
            _, fn, _, public, _ = tests[index]
            started = monotonic()
            try:
                fn()
                outcome, message = "passed", ""
            except _AssertionError as exc:
                outcome, message = "failed", describe(exc, exc.__traceback__, public)
            except _BaseException as exc:
                outcome, message = "error", describe(exc, exc.__traceback__, public)
            exc = None
            results.put((index, outcome, message, (monotonic() - started) * 1000.0))

    worker_code.append(worker.__code__)
    start_new_thread(worker, ())
    for index in range(_len(tests)):
        test_id = tests[index][0]
        returned.discard(index)
        commands.put(index)
        deadline = monotonic() + per_test_timeout
        result = None
        while result is None:
            remaining = deadline - monotonic()
            if remaining <= 0:
                break
            try:
                got = results.get(timeout=min(remaining, 1.0))
            except Empty:
                drain_violations()
                continue
            graveyard.append(got)  # never freed here: no candidate __del__ runs in this thread
            if (_type(got) is _tuple and _len(got) == 4 and _type(got[0]) is _int and got[0] == index
                    and _type(got[1]) is _str and got[1] in ("passed", "failed", "error")
                    and _type(got[2]) is _str
                    and _type(got[3]) is _float):
                result = got
        drain_violations()
        if result is None:
            emit({"t": "test", "id": test_id, "outcome": "timeout",
                  "message": "did not finish within %.0f s" % per_test_timeout,
                  "ms": per_test_timeout * 1000.0})
            emit({"t": "end", "tests": index + 1, "stopped": "timeout"})
            os_exit(0)
        _, outcome, message, ms = result
        if outcome == "passed" and index not in returned:
            emit({"t": "event", "what": "tamper", "detail": "a pass was reported for %s, but the test never returned" % test_id})
            outcome, message = "error", "a pass was reported, but the test never returned normally"
        changed = check_integrity()
        if changed:
            for what in changed:
                emit({"t": "event", "what": "tamper", "detail": "replaced %s during %s" % (what, test_id)})
            outcome, message = "error", "the test's instruments were replaced while it ran"
        emit({"t": "test", "id": test_id, "outcome": _str(outcome), "message": clip(message), "ms": _float(ms)})
    commands.put(None)
    drain_violations()
    emit({"t": "end", "tests": _len(tests)})
    os_exit(0)


if __name__ == "__main__":
    main()

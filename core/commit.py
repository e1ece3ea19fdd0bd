"""After-commit work that must never fail the request that committed.

`after_commit(func, *args)` is `transaction.on_commit(..., robust=True)` for a call with
arguments. A live broadcast runs once the change is committed; if Redis is down then, the
change stands, the failure is logged and the person still gets their answer (the live
clients catch up from the database when they reconnect). Django names a failing robust
hook in its log line by `__qualname__`, which a functools.partial lacks: with a partial
the log line itself raises, after the commit, and the view answers 500.
"""

from django.db import transaction


def after_commit(func, *args, **kwargs):
    def hook():
        func(*args, **kwargs)

    hook.__qualname__ = getattr(func, "__qualname__", repr(func))
    transaction.on_commit(hook, robust=True)

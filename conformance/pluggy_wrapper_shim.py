"""Lets Debian 12's pytest 7.2 / pluggy 1.0 load irctest's conftest.

irctest declares one hook with ``@pytest.hookimpl(wrapper=True)`` (new-style
wrapper, pluggy >= 1.1).  pluggy 1.0 only knows old-style ``hookwrapper=True``,
whose generator receives a result object instead of having exceptions thrown
into it.  Loaded with ``-p pluggy_wrapper_shim`` (before conftest.py), this
module teaches ``HookimplMarker`` the ``wrapper`` keyword by adapting a
new-style wrapper into an old-style one with the same semantics: the inner
exception is thrown into the generator, and whatever the generator raises or
returns becomes the hook outcome.  Newer pluggy: does nothing.
"""

import functools
import inspect

import pluggy

_marker_params = inspect.signature(pluggy.HookimplMarker.__call__).parameters

if "wrapper" not in _marker_params:
    _original_call = pluggy.HookimplMarker.__call__

    def _adapt(new_style):
        def old_style(*args, **kwargs):
            gen = new_style(*args, **kwargs)
            next(gen)  # run up to the yield
            outcome = yield
            try:
                if outcome.excinfo is not None:
                    gen.throw(outcome.excinfo[1])
                else:
                    gen.send(outcome.get_result())
            except StopIteration as stop:
                outcome.force_result(stop.value)
            except BaseException as exc:  # the wrapper re-raised or raised anew
                outcome._excinfo = (type(exc), exc, exc.__traceback__)
            else:
                raise RuntimeError("new-style hook wrapper yielded twice")

        functools.update_wrapper(old_style, new_style)
        # pluggy 1.0 reads argument names with getfullargspec, which honours
        # __signature__ but does not follow __wrapped__.
        old_style.__signature__ = inspect.signature(new_style)
        return old_style

    def _call(self, function=None, *, wrapper=False, hookwrapper=False, **kw):
        if wrapper:
            decorate = _original_call(self, hookwrapper=True, **kw)

            def apply(f):
                return decorate(_adapt(f))

            return apply(function) if function is not None else apply
        return _original_call(self, function, hookwrapper=hookwrapper, **kw)

    pluggy.HookimplMarker.__call__ = _call

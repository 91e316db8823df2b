"""Python's own import statement back, once PySide6 has loaded.

Loading PySide6 replaces ``builtins.__import__`` with its ``__feature_import__`` hook, which
serves ``from __feature__ import snake_case, true_property``. After every import statement the
hook calls into Python, and for each module it has not seen it reads the module's whole source
file (``inspect.getsource``) to find the word "PySide6", keeping the text in ``linecache``. At
start-up that was ~90 source files read before the window showed (~15 ms) and every module
SQLAlchemy, matplotlib and python-docx load afterwards, their text kept for the life of the
process.

dtbench selects no PySide feature, and a module the hook has not registered behaves as one
that selects none; so the import PySide6 itself falls back to (``__orig_import__``) is put back.
Anything else installed over the hook is left alone.
"""

from __future__ import annotations

import builtins


def restore_plain_import() -> bool:
    """Put Python's import back if PySide6's feature hook is the one installed; True if it was."""
    import PySide6.QtCore  # noqa: F401  (installs the hook, if this release has one)

    hook = getattr(builtins, "__feature_import__", None)
    original = getattr(builtins, "__orig_import__", None)
    if hook is None or original is None or builtins.__import__ is not hook:
        return False
    builtins.__import__ = original
    return True

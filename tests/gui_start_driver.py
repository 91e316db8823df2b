"""Starts the GUI as ``dtbench --db DB`` does, in its own process, and prints what the user
sees once the database is open (or refused) as JSON. Used by tests/test_ui_shell.py: the
application's event loop, crash hook and quit run in a process of their own, so they cannot
disturb the other tests' Qt state.

Usage: python tests/gui_start_driver.py DB [--refuse]
--refuse: message boxes return at once (as if closed), their texts are reported.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from dtbench.ui.app import run
from dtbench.ui.shell.main_window import MainWindow


def main() -> None:
    db = sys.argv[1]
    refuse = "--refuse" in sys.argv
    app = QApplication(sys.argv[:1])
    shown: list[str] = []
    unexpected: list[str] = []
    if refuse:

        def fake_exec(box: QMessageBox) -> int:
            shown.append(box.text())
            return 0

        QMessageBox.exec = fake_exec  # type: ignore[method-assign]
    result: dict[str, object] = {}

    def poll() -> None:
        modal = app.activeModalWidget()
        if modal is not None:  # an unexpected dialog would block for ever
            unexpected.append(getattr(modal, "text", modal.windowTitle)())
            modal.close()
        windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
        window = windows[0] if windows else None
        done = window is not None and (
            window.store is not None or window.list_page._state == "closed"
        )
        if not done or window is None:
            QTimer.singleShot(10, poll)
            return
        proxy = window.list_page.proxy
        result.update(
            state=window.list_page._state,
            rows=proxy.rowCount(),
            first=proxy.index(0, window.list_page.model.CLIENT).data()
            if proxy.rowCount()
            else None,
            hint=window.list_page.empty_hint.text(),
            new_enabled=window.act_new.isEnabled(),
        )
        window.close()
        app.quit()

    QTimer.singleShot(0, poll)
    code = run(db)
    result.update(code=code, shown=shown, unexpected=unexpected)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()

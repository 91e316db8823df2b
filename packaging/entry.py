"""Entry script of the frozen bundle; both executables run it.

``dtbench`` (console) is the command line, and opens the GUI when given no sub-command;
``dtbench-gui`` (windowed: no console window on Windows) opens the GUI. The executable's own
name says which one is running. Chart worker processes also start from here.
"""

import multiprocessing
import sys
from pathlib import Path

from dtbench.launcher import main

if __name__ == "__main__":
    # A chart worker process (dtbench.reports.render_pool) starts this executable again:
    # run the worker and exit here, before any of the application starts.
    multiprocessing.freeze_support()
    gui = Path(sys.executable).stem.lower().endswith("-gui")
    sys.exit(main(gui=gui))

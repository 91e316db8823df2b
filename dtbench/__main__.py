"""``python -m dtbench``."""

import sys

from dtbench.cli import main

if __name__ == "__main__":  # not when a chart worker process imports it
    sys.exit(main())

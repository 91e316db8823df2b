"""``python -m dtbench``."""

import sys

from dtbench.cli import main

sys.exit(main())

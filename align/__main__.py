"""``python -m align`` is the ``align`` command (for a venv that is not on PATH)."""

import sys

from align.cli import main

if __name__ == "__main__":
    sys.exit(main())

"""``python -m align.cli`` is the ``align`` command, as ``python -m align`` is."""

import sys

from align.cli import main

if __name__ == "__main__":
    sys.exit(main())

"""`python -m akhbar` is the `akhbar` command."""

import sys

from akhbar.cli import main

if __name__ == "__main__":
    sys.exit(main())

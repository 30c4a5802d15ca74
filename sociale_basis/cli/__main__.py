"""`python -m sociale_basis.cli …`: dezelfde opdrachtregel als `sociale-basis …`."""

import sys

from . import main

if __name__ == "__main__":
    sys.exit(main())

"""Run the command line: ``python -m kashmirref``."""

import sys

from kashmirref.cli import main

sys.exit(main())

"""`python -m cleaner` runs the command line, like the `cleaner` script."""
import sys

from .cli import main

sys.exit(main())

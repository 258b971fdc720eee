"""`python -m wirewatch`: the same as the `wirewatch` command."""

import sys

from wirewatch.app.cli.main import main

sys.exit(main())

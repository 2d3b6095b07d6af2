"""``python -m gapcalc``."""

from gapcalc.cli.main import main

main()

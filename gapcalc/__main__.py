"""``python -m gapcalc``."""

if __name__ == "__main__":  # not when a worker process re-imports the main module: it imports nothing then
    from gapcalc.cli.main import main

    main()

"""The workspace: where files are (paths), how text is read (textio), the cache of compiled plans and check results,
worker processes (pool), opening plans and actuals (open), and ``gapcalc check`` over files and folders (check)."""

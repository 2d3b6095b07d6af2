"""Actuals files: observed values in CSV, read row by row with located findings (parse), or a column at a time when
the file is clean (fast)."""

"""The engine: compiled plans × observations × year → typed report columns, and what is derived from them (summary,
trajectory, template, targets); the output column contracts live in :mod:`gapcalc.engine.contracts`."""

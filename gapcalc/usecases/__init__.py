"""The use cases: what the command line and the Python API do, each in one place — open a plan and read its actuals
(open), report one plan or every plan (run), check files (check), build the site (site) or a brief (brief). This is
the only layer that combines files, the cache and worker processes with the pure engine and the renderers."""

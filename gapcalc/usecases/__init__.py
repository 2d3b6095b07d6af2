"""The use cases: what the command line and the Python API do, each in one place — open a plan and read its actuals
(open), report one plan or every plan (run), check files (check), list plans and what they state (plans), draft a
plan document (draft), build the site (site), a brief (brief) or a chart (chart). The only layer that combines files,
the cache and worker processes with the pure engine and the renderers."""

"""gapcalc draft: read a plan document and draft a target file from it."""

"""The command-line interface: a thin click layer over :mod:`gapcalc`'s core, one module per command."""

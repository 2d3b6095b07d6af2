"""gapcalc: where are we against each target of a plan, how big is the gap, and how fast must we grow?

The package is a library first. In a notebook::

    import gapcalc
    plan = gapcalc.load_plan("mianyang")            # validated target file
    df = gapcalc.report("mianyang", 2019)            # pandas DataFrame, one row per indicator/breakdown
    targets = gapcalc.targets("mianyang")            # every number the plan states

Heavy modules (pandas, pydantic) are imported only when an API function is called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from .api import load_actuals, load_plan, report, targets

__all__ = ["__version__", "load_actuals", "load_plan", "report", "targets"]


def __getattr__(name: str) -> Any:
    if name in ("load_actuals", "load_plan", "report", "targets"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'gapcalc' has no attribute {name!r}")

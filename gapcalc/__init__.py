"""gapcalc: where are we against each target of a plan, how big is the gap, and how fast must we grow?

The package is a library first. In a notebook::

    import gapcalc
    plan = gapcalc.load_plan("mianyang")            # validated target file
    df = gapcalc.report("mianyang", 2019)            # pandas DataFrame, one row per indicator/breakdown
    every = gapcalc.report_all(2021)                 # every plan of the targets directory at once
    targets = gapcalc.targets("mianyang")            # every number the plan states
    gapcalc.summary("mianyang", 2019)                # counts by status/outlook, 指标完成率
    gapcalc.compare("nc_rate_key_processes", 2022)   # one indicator across plans

Heavy modules (pandas, pydantic) are imported only when an API function is called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gapcalc._version import __version__

if TYPE_CHECKING:  # pragma: no cover
    from gapcalc.api import compare, load_actuals, load_plan, report, report_all, summary, targets

__all__ = ["__version__", "compare", "load_actuals", "load_plan", "report", "report_all", "summary", "targets"]


def __getattr__(name: str) -> Any:
    if name in __all__ and name != "__version__":
        from gapcalc import api

        return getattr(api, name)
    raise AttributeError(f"module 'gapcalc' has no attribute {name!r}")

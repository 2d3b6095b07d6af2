"""Building the progress site: every plan of a targets directory reported as ``gapcalc report`` reports it, its
pages rendered by :mod:`gapcalc.render.site`, and its pages written as one set under the output directory."""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from gapcalc.actuals.fast import read_plan_actuals
from gapcalc.errors import GapcalcError
from gapcalc.infra.atomic import write_files
from gapcalc.infra.cache import Cache, cache_dir
from gapcalc.infra.paths import default_actuals_path, display_path, plan_files
from gapcalc.messages import t
from gapcalc.render.i18n import LANGS
from gapcalc.render.rows import clean_rows
from gapcalc.render.site import Key, PlanData, site_pages
from gapcalc.usecases.charts import report_extra
from gapcalc.usecases.open import stated_targets
from gapcalc.usecases.run import open_compiled, report_plan


def plan_ids(targets: Path) -> list[str]:
    """The plans of a targets directory, sorted."""
    return [p.stem for p in plan_files(targets)]


def default_year(targets: Path, today: datetime.date | None = None) -> int:
    """The latest year with any actual in any plan of ``targets`` that loads, else the current year."""
    years, cache = [], Cache("actuals", cache_dir())
    for plan_id in plan_ids(targets):
        try:
            compiled = open_compiled(plan_id, targets)
        except GapcalcError:  # said when the site is built
            continue
        actuals = read_plan_actuals(compiled, default_actuals_path(plan_id, targets), cache)
        years += [int(y) for y in actuals.columns["year"]]
    return max(years) if years else (today or datetime.date.today()).year


def load_plan_data(plan_id: str, year: int, targets: Path) -> PlanData:
    """Report, summary, charts, statements and actuals of one plan for ``year`` (its final year when it ended
    before), as ``gapcalc report`` computes them, and the numbers the plan states (with their quotes)."""
    compiled = open_compiled(plan_id, targets)
    shown_year = min(year, compiled.period[1])  # a plan that ended before ``year`` is shown at its final year
    report = report_plan(compiled, targets, shown_year)
    extra = report_extra(report)
    names = {subplan_id: (name_zh, name_en) for subplan_id, name_zh, name_en in compiled.subplans}

    def mine(found: Mapping[tuple[str, str, str], Any]) -> dict[Key, Any]:
        return {(k[1], k[2]): v for k, v in found.items()}

    return PlanData(plan_id, compiled, names, clean_rows(report.columns.rows()),
                    clean_rows(report.summary()), clean_rows(stated_targets(compiled, targets)),
                    mine(extra["charts"]), mine(extra["observed"]), tuple(report.read.notes), report.errors,
                    mine(extra["statements"]), shown_year)


def build_site(targets: Path, year: int, langs: Sequence[str] = LANGS, read: list[PlanData] | None = None,
               failures: list[str] | None = None) -> dict[str, str]:
    """Every page of the site, keyed by its path relative to the output directory; ``read`` receives each plan's
    data (what reading its actuals said among it), ``failures`` each target file that could not be loaded (named,
    with why), as ``report --all`` skips it: the site has the other plans."""
    plans = []
    for path in plan_files(targets):
        try:
            plans.append(load_plan_data(path.stem, year, targets))
        except GapcalcError as error:
            if failures is None:
                raise
            failures.append(t("{path}: {what}", path=display_path(path), what=error.text()))
    if read is not None:
        read.extend(plans)
    return site_pages(plans, year, langs)


def write_site(pages: Mapping[str, str], output: Path, force: bool = False) -> None:
    """Write every page under ``output`` as one set (:func:`~gapcalc.infra.atomic.write_files`: none is named until
    all are written; folders made as needed). A file the site would replace
    is refused (all of them named by count, the first by name) unless ``force``: the directory may hold the user's
    own files."""
    taken = [path for path in sorted(pages) if os.path.lexists(output / path)]
    if taken and not force:
        raise GapcalcError(t("{path} already holds {count} of the site's files ({first}, …)", path=str(output),
                             count=len(taken), first=taken[0]),
                           t("pass --force to replace them, or choose an empty directory"))
    write_files({output / path: pages[path].encode("utf-8") for path in sorted(pages)}, parents=True,
                exclusive=not force)

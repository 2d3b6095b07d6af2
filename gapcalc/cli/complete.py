"""Shell completion of plan ids and indicator ids (``eval "$(_GAPCALC_COMPLETE=bash_source gapcalc)"``)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:  # imported when completing, not on every run
    from click.shell_completion import CompletionItem

from gapcalc.infra.paths import targets_dir


def _directory(ctx: click.Context) -> Path:
    chosen = ctx.params.get("targets_dir")
    return Path(chosen) if chosen else targets_dir(None)


def plan_ids(ctx: click.Context) -> list[str]:
    """The plan ids of the targets directory (its ``*.toml`` files)."""
    with contextlib.suppress(OSError):
        return sorted(path.stem for path in _directory(ctx).glob("*.toml"))
    return []


def indicator_ids(ctx: click.Context, plan: str | None) -> list[str]:
    """The indicator ids of ``plan`` (or of every plan); a file that cannot be read offers none."""
    from gapcalc.usecases.plans import indicator_ids as stated_ids

    return stated_ids(_directory(ctx), [plan] if plan else plan_ids(ctx))


def complete_plan(ctx: click.Context, _param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Plan ids starting with what was typed."""
    return _items(name for name in plan_ids(ctx) if name.startswith(incomplete))


def complete_plan_then_year(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """``report PLAN YEAR``: a plan id first (nothing for the year)."""
    return [] if ctx.params.get(param.name or "") else complete_plan(ctx, param, incomplete)


def complete_indicator(ctx: click.Context, _param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Indicator ids of the plan given before (or of every plan) starting with what was typed."""
    plan = ctx.params.get("plan")
    return _items(name for name in indicator_ids(ctx, plan) if name.startswith(incomplete))


def _items(names: Iterable[str]) -> list[CompletionItem]:
    from click.shell_completion import CompletionItem

    return [CompletionItem(name) for name in names]

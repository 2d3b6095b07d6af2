"""The ``gapcalc`` command group.

Subcommands are imported only when they run, so ``gapcalc --help`` stays instant; every core error becomes a
message on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import signal
import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from gapcalc._version import __version__
from gapcalc.cli.common import (
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    GapcalcUsageError,
    chosen_lang,
    debug,
    lang_in,
    said_usage_error,
)
from gapcalc.errors import GapcalcError
from gapcalc.messages import say, t
from gapcalc.render.i18n import MESSAGE_LABELS

COMMANDS: dict[str, tuple[str, str]] = {
    "plans": ("gapcalc.cli.plans_cmd", "List the plans found, with their period and indicator counts."),
    "targets": ("gapcalc.cli.targets_cmd", "Every number a plan states, with its level in the indicator's unit."),
    "report": ("gapcalc.cli.report_cmd", "The gap table of a plan (or --all plans) for one year, then a summary."),
    "summary": ("gapcalc.cli.summary_cmd", "Counts by status and outlook per subplan, and the share of targets met."),
    "compare": ("gapcalc.cli.compare_cmd", "One indicator side by side across every plan that states it."),
    "diff": ("gapcalc.cli.diff_cmd", "What changed between two reports: figures, statuses, outlooks (exit 1 if any)."),
    "check": ("gapcalc.cli.check_cmd", "Validate target and actuals files (exit 1 on findings)."),
    "chart": ("gapcalc.cli.chart_cmd", "Draw an indicator: milestones, plan path, actuals, required path, projection."),
    "template": ("gapcalc.cli.template_cmd", "Write an actuals CSV to fill in Excel for one plan and year."),
    "draft": ("gapcalc.cli.draft_cmd", "Draft a target file from a plan document (text, HTML, Word, PDF) for review."),
    "draft-actuals": ("gapcalc.cli.draft_actuals_cmd", "Draft actuals rows for a plan from published statistics texts, "
                                                       "for review."),
    "review": ("gapcalc.cli.review_cmd", "Write the review page of a drafted plan: each statement in its sentence."),
    "site": ("gapcalc.cli.site_cmd", "Write the static progress site of every plan (zh and en) to a directory."),
    "brief": ("gapcalc.cli.brief_cmd", "Write the progress report (进展情况报告) of a plan: docx or markdown."),
    "cache": ("gapcalc.cli.cache_cmd", "Where compiled plans and check results are cached, how much; --clear."),
}


ARGS_LANG = "gapcalc.args_lang"
"""Where the root context keeps the ``--lang`` of the command line's words (:func:`lang_in`)."""


class LazyGroup(click.Group):
    """A group that imports a subcommand's module only when that subcommand is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module = importlib.import_module(COMMANDS[cmd_name][0])
        command: click.Command = module.command
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl([(name, help_text) for name, (_, help_text) in COMMANDS.items()])

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: Any) -> click.Context:
        """The command line's context; it remembers the ``--lang`` its words ask for, so that a usage error click
        finds before reading ``--lang`` is said in that language."""
        asked = lang_in(args)
        try:
            ctx = super().make_context(info_name, args, parent, **extra)
        except click.UsageError as error:
            raise said_usage_error(error, asked) from None
        ctx.meta[ARGS_LANG] = asked
        return ctx

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except GapcalcError as error:
            raise GapcalcUsageError(error) from None
        except click.UsageError as error:
            raise said_usage_error(error, ctx.meta.get(ARGS_LANG)) from None
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Terminated:
            terminated()
        except KeyboardInterrupt:
            interrupted()
        except BrokenPipeError:
            reader_gone()
        except (OSError, LookupError, UnicodeError) as error:  # input and output, not gapcalc's logic
            if debug():
                raise
            raise GapcalcUsageError(input_output_error(error)) from None
        except Exception as error:  # noqa: BLE001 - last line of defence: no traceback for the analyst
            if debug():
                raise
            internal_error(error)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="gapcalc")
def cli() -> None:
    """gapcalc — where are we against each target of a plan, how big is the gap, how fast must we grow?

    Plans are read from targets/<plan>.toml (or --targets-dir / GAPCALC_TARGETS), observed values from
    actuals/<plan>.csv (or --actuals). Exit codes: 0 ok, 1 findings, 2 usage or input error.
    """


def input_output_error(error: OSError | LookupError | UnicodeError) -> GapcalcError:
    """An error of reading or writing as the user sees it: what failed, and what to do."""
    if isinstance(error, UnicodeEncodeError):
        return GapcalcError(t("cannot write the character {character} in {encoding}",
                              character=repr(error.object[error.start:error.end]), encoding=error.encoding),
                            t("write to a file with --output, or set PYTHONIOENCODING=utf-8"))
    if isinstance(error, UnicodeError):
        return GapcalcError(t("cannot decode the input: {reason}", reason=str(error)),
                            t("pass --encoding utf-8 or --encoding gb18030"))
    if isinstance(error, LookupError):
        return GapcalcError(t("unknown encoding: {reason}", reason=str(error)), t("use e.g. utf-8, gb18030, utf-16"))
    from gapcalc.infra.atomic import write_error

    where = error.filename or "output"
    return write_error(Path(str(where)), error) if error.filename else GapcalcError(
        t("input/output error: {reason}", reason=str(error.strerror or error)),
        t("check the disk, the paths given and their permissions"))


def internal_error(error: Exception) -> NoReturn:
    """An unexpected error: what it is and how to report it, in the chosen language, exit 2; no traceback."""
    lang = chosen_lang()
    _, hint = MESSAGE_LABELS[lang]
    click.echo(say(t("gapcalc: internal error: {kind}: {error}", kind=type(error).__name__, error=str(error)),
                   lang), err=True)
    click.echo(f"  {hint}: " + say(t("this is a bug in gapcalc; rerun with GAPCALC_DEBUG=1 and report the "
                                     "traceback"), lang), err=True)
    raise SystemExit(EXIT_USAGE) from None


def interrupted() -> NoReturn:
    """Ctrl-C: one line, exit 130 (128 + SIGINT), as shells expect."""
    with contextlib.suppress(Exception):
        sys.stderr.write(say(t("gapcalc: interrupted"), chosen_lang()) + "\n")
        sys.stderr.flush()
    raise SystemExit(EXIT_INTERRUPTED)


EXIT_TERMINATED = 128 + 15
"""SIGTERM: 143, as shells report a process ended by it."""


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the main thread is: it unwinds as Ctrl-C does (every ``with`` block ends: temporary
    output files are removed, worker processes stopped), then gapcalc says so and exits 143."""


_terminating = False


def _on_sigterm(_signal: int, _frame: object) -> None:
    """The SIGTERM handler: the first one unwinds the run; later ones are ignored, so that none cuts the clean-up
    short (``timeout`` and service managers may send it twice: to the process and to its group)."""
    global _terminating
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _terminating = True
    raise Terminated


def terminated() -> NoReturn:
    """SIGTERM: one line, exit 143 (128 + SIGTERM)."""
    with contextlib.suppress(Exception):
        sys.stderr.write(say(t("gapcalc: terminated"), chosen_lang()) + "\n")
        sys.stderr.flush()
    raise SystemExit(EXIT_TERMINATED)


def reader_gone() -> NoReturn:
    """The reader of stdout went away (``| head``): stop quietly with exit 0, as for every format."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    raise SystemExit(0)


GC_ALLOCATIONS = 100_000
"""Allocations between two collections of the youngest generation (Python's default is 700). A run allocates
millions of short-lived strings and tuples, freed by reference counting, not by the cycle collector; collecting
every 700 made a roll-up spend 2.5 % of its time in the collector (measured with callgrind: BENCHMARKS.md)."""
BLAS_THREADS = "OPENBLAS_NUM_THREADS"
"""gapcalc does no linear algebra: one BLAS thread, unless the environment says otherwise (numpy's BLAS otherwise
starts a thread per core when imported, for nothing: see BENCHMARKS.md)."""


def main() -> None:
    """Console-script entry point."""
    from gapcalc.cli.streams import protect_streams

    os.environ.setdefault(BLAS_THREADS, "1")
    gc.set_threshold(GC_ALLOCATIONS)
    protect_streams()
    with contextlib.suppress(ValueError):  # not called in the main thread: SIGTERM keeps its default
        signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        cli(prog_name="gapcalc", standalone_mode=True)
    except Terminated:  # pragma: no cover - outside a command
        terminated()
    except KeyboardInterrupt:  # pragma: no cover - outside a command (while click parses)
        interrupted()
    except SystemExit as leaving:  # pragma: no cover - SIGTERM while click parses: it said "Aborted!", exit 1
        if _terminating and leaving.code != EXIT_TERMINATED:
            terminated()
        raise

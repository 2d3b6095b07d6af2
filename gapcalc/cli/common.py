"""What the commands share: options, output selection, and turning core errors into exit codes.

Exit codes: 0 ok; 1 findings (``check`` found errors, or warnings with ``--strict``); 2 usage, input or output
error. Data goes to stdout, messages and summaries to stderr.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from gapcalc.errors import GapcalcError
from gapcalc.render import OutputFormat
from gapcalc.render.i18n import MESSAGE_LABELS, detect_lang
from gapcalc.workspace.paths import targets_dir

F = TypeVar("F", bound=Callable[..., Any])
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130


class GapcalcUsageError(click.ClickException):
    """A core GapcalcError surfaced at the CLI boundary: message and hint on stderr, exit 2."""

    exit_code = EXIT_USAGE

    def __init__(self, error: GapcalcError) -> None:
        super().__init__(error.message)
        self.hint = error.hint

    def show(self, file: Any = None) -> None:
        stream = file or sys.stderr
        error, hint = MESSAGE_LABELS[detect_lang()]
        click.echo(f"gapcalc: {error}: {self.message}", err=True, file=stream)
        if self.hint:
            click.echo(f"  {hint}: {self.hint}", err=True, file=stream)


def targets_dir_option(func: F) -> F:
    """``--targets-dir DIR`` (env GAPCALC_TARGETS, default ./targets, else the plans shipped with gapcalc)."""
    return click.option("--targets-dir", "targets_dir", type=click.Path(file_okay=False, path_type=Path),
                        envvar="GAPCALC_TARGETS", default=None,
                        callback=lambda _ctx, _param, value: targets_dir(str(value) if value else None),
                        help="Directory of plan target files (env GAPCALC_TARGETS) [default: ./targets, else the "
                             "plans shipped with gapcalc].")(func)


def format_option(choices: Sequence[str]) -> Callable[[F], F]:
    """``--format`` with the given choices; default table on a terminal, csv when piped (env GAPCALC_FORMAT)."""
    def decorate(func: F) -> F:
        return click.option("--format", "-f", "fmt", type=click.Choice(list(choices)), envvar="GAPCALC_FORMAT",
                            default=None, help="Output format [default: table on a terminal, csv when piped].")(func)
    return decorate


def color_option(func: F) -> F:
    """``--color auto|always|never`` (NO_COLOR and FORCE_COLOR are honoured in auto)."""
    return click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
                        show_default=True, help="Colour in tables; auto honours NO_COLOR / FORCE_COLOR.")(func)


def lang_option(func: F) -> F:
    """``--lang zh|en`` for headings, names and words (env GAPCALC_LANG, else the locale)."""
    return click.option("--lang", type=click.Choice(["zh", "en"]), default=None,
                        help="Language of headings, names and status words [default: GAPCALC_LANG, else the "
                             "locale].")(func)


def output_option(func: F) -> F:
    """``--output FILE`` (default stdout)."""
    return click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
                        help="Write to FILE instead of stdout.")(func)


def table_options(func: F) -> F:
    """The options every table-producing command shares: --targets-dir, --format, --color, --lang, --output."""
    for option in (output_option, lang_option, color_option, format_option([f.value for f in OutputFormat]),
                   targets_dir_option):
        func = option(func)
    return func


def choose_format(fmt: str | None, output: Path | None = None) -> OutputFormat:
    """The requested format, or table on a terminal and csv otherwise; xlsx and html need ``--output``."""
    chosen = OutputFormat(fmt) if fmt else (OutputFormat.TABLE if sys.stdout.isatty() else OutputFormat.CSV)
    if chosen in (OutputFormat.XLSX, OutputFormat.HTML) and output is None:
        raise GapcalcUsageError(GapcalcError(f"--format {chosen.value} writes a file",
                                             f"add --output FILE.{chosen.value}"))
    return chosen


def write_output(text: str, output: Path | None) -> None:
    """Write data to ``output`` (replaced atomically) or stdout; a write failure is a usage/IO error (exit 2)."""
    if output is None:
        click.echo(text, nl=False)
        return
    from gapcalc.workspace.atomic import write_atomic

    write_atomic(output, text, encoding="utf-8")
    click.echo(f"wrote {output}", err=True)


def note(message: str) -> None:
    """A message for the person, on stderr."""
    click.echo(message, err=True)


def fail_on_actuals_errors(errors: int) -> None:
    """Exit 1 (after the output) when the actuals read had errors: the output leaves those rows out."""
    if errors:
        note(f"the actuals had {errors} error{'s' if errors != 1 else ''} (listed above; those rows are not used): "
             "exit 1")
        raise SystemExit(1)


def debug() -> bool:
    """GAPCALC_DEBUG=1 shows tracebacks of internal errors."""
    return os.environ.get("GAPCALC_DEBUG", "") not in ("", "0")

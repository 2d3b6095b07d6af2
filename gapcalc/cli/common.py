"""What the commands share: options, output selection, and turning core errors into exit codes.

Exit codes: 0 ok; 1 findings (``check`` found errors, or warnings with ``--strict``); 2 usage, input or output
error. Data goes to stdout, messages and summaries to stderr.
"""

from __future__ import annotations

import datetime
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from gapcalc.errors import GapcalcError
from gapcalc.infra.paths import targets_dir, writable_targets_dir
from gapcalc.messages import Text, plural, say, t
from gapcalc.render import OutputFormat
from gapcalc.render.i18n import LANGS, MESSAGE_LABELS, detect_lang
from gapcalc.usecases.arguments import year_of

if TYPE_CHECKING:  # pragma: no cover
    from gapcalc.usecases.run import PlanReport

F = TypeVar("F", bound=Callable[..., Any])
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130


class GapcalcUsageError(click.ClickException):
    """A core GapcalcError surfaced at the CLI boundary: message and hint on stderr, exit 2."""

    exit_code = EXIT_USAGE

    def __init__(self, error: GapcalcError) -> None:
        super().__init__(error.message)
        self.text = error.message
        self.hint = error.hint
        self.lang = detect_lang(_setting("lang"))

    def show(self, file: Any = None) -> None:
        stream = file or sys.stderr
        error, hint = MESSAGE_LABELS[self.lang]
        click.echo(f"gapcalc: {error}: {say(self.text, self.lang)}", err=True, file=stream)
        if self.hint:
            click.echo(f"  {hint}: {say(self.hint, self.lang)}", err=True, file=stream)


def lang_in(args: Sequence[str]) -> str | None:
    """The ``--lang`` a command line asks for (the last one given), read from its words: a usage error can stop
    click before it reads ``--lang``, and is said in that language all the same."""
    asked = None
    for at, word in enumerate(args):
        if word == "--":
            break
        if word == "--lang":
            value = args[at + 1] if at + 1 < len(args) else ""
        elif word.startswith("--lang="):
            value = word.partition("=")[2]
        else:
            continue
        if value in LANGS:
            asked = value
    return asked


def said_usage_error(error: click.UsageError, asked: str | None) -> click.UsageError:
    """A usage error of click's (a missing argument, an unknown option, an invalid value) as it is said in the
    language of this command line: click's own in English, :class:`ChineseUsageError` in Chinese. An error that
    shows itself otherwise (``gapcalc`` alone prints its help) is left to click."""
    if type(error).show is not click.UsageError.show or detect_lang(_setting("lang") or asked) != "zh":
        return error
    return ChineseUsageError(error)


class ChineseUsageError(click.UsageError):
    """A usage error of click's said in Chinese: click's layout (usage line, where to find help, the error), its
    words from gapcalc's catalogue (:func:`usage_problem`); exit 2 as click's."""

    def __init__(self, error: click.UsageError) -> None:
        super().__init__(error.message, error.ctx)
        self.problem = usage_problem(error.format_message())

    def format_message(self) -> str:
        return str(say(self.problem, "zh"))

    def show(self, file: Any = None) -> None:
        stream = file or sys.stderr
        ctx = self.ctx
        if ctx is not None:
            usage = " ".join([ctx.command_path, *ctx.command.collect_usage_pieces(ctx)])
            click.echo(say(t("Usage: {usage}", usage=usage), "zh"), file=stream, color=ctx.color)
            if ctx.command.get_help_option(ctx) is not None:
                click.echo(say(t("Try '{command} {option}' for help.", command=ctx.command_path,
                                 option=max(ctx.help_option_names, key=len)), "zh"), file=stream, color=ctx.color)
            click.echo("", file=stream)
        click.echo(say(t("Error: {message}", message=self.problem), "zh"), file=stream,
                   color=ctx.color if ctx is not None else None)


def _quoted(names: str) -> str:
    """Option or command names as ``'--bom'``, ``'--a', '--b'``: click quotes them from version 8.2.1 on, not
    before; the message is the same whichever click is installed."""
    return ", ".join(f"'{name.strip().strip(chr(39))}'" for name in names.split(","))


def _suggested(text: str | None) -> Text | None:
    """click's suggestion after an unknown option or command (``Did you mean '--bom'?``), as a message."""
    match = re.fullmatch(r"Did you mean (?P<choices>.+)\?|\(Did you mean one of: (?P<several>.+)\?\)", text or "")
    if match:
        return t("Did you mean {choices}?", choices=_quoted(match["choices"] or match["several"]))
    match = re.fullmatch(r"\(Possible options: (?P<choices>.+)\)", text or "")
    return t("(Possible options: {choices})", choices=_quoted(match["choices"])) if match else None


def _unknown(kind: str, name: str, more: str | None) -> Text:
    name = _quoted(name)
    problem = t("No such option {name}.", name=name) if kind == "option" else t("No such command {name}.", name=name)
    suggestion = _suggested(more)
    return t("{problem} {suggestion}", problem=problem, suggestion=suggestion) if suggestion else problem


def _missing(kind: str, name: str, choices: str | None) -> Text:
    problem = (t("Missing argument {name}.", name=name) if kind == "argument" else
               t("Missing option {name}.", name=name) if kind == "option" else
               t("Missing parameter {name}.", name=name))
    if choices:
        return t("{problem} Choose from: {choices}", problem=problem, choices=re.sub(r",\s+", ", ", choices))
    return problem


def _invalid_value(value: str) -> Text:
    """Why click refused a value (the part after ``Invalid value for '--x':``)."""
    for pattern, said in _INVALID_VALUES:
        match = pattern.fullmatch(value)
        if match:
            return said(match)
    return t("{click_reason}", click_reason=value)


_INVALID_VALUES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], Text]], ...] = (
    (re.compile(r"(?P<value>.+) is not one of (?P<choices>.+)\.", re.S),
     lambda m: t("{value} is not one of {choices}.", value=m["value"], choices=m["choices"])),
    (re.compile(r"(?P<value>.+) is not (?P<choice>'[^']*')\.", re.S),
     lambda m: t("{value} is not one of {choices}.", value=m["value"], choices=m["choice"])),
    (re.compile(r"(?P<value>.+) is not a valid (?P<kind>integer|float|boolean|UUID)\.", re.S),
     lambda m: t("{value} is not a valid {kind}.", value=m["value"], kind=m["kind"])),
    (re.compile(r"(?P<value>.+) is not in the range (?P<range>.+)\.", re.S),
     lambda m: t("{value} is not in the range {range}.", value=m["value"], range=m["range"])),
    (re.compile(r"(?P<kind>File|Directory|Path) (?P<path>.+) does not exist\.", re.S),
     lambda m: t("{kind} {path} does not exist.", kind=m["kind"], path=m["path"])),
    (re.compile(r"(?P<kind>File|Directory|Path) (?P<path>.+) is a file\.", re.S),
     lambda m: t("{kind} {path} is a file.", kind=m["kind"], path=m["path"])),
    (re.compile(r"(?P<kind>File|Directory|Path) (?P<path>.+) is a directory\.", re.S),
     lambda m: t("{kind} {path} is a directory.", kind=m["kind"], path=m["path"])),
)
"""click's reasons for refusing a value (its templates in ``click.types``), as messages."""

_USAGE_PROBLEMS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], Text]], ...] = (
    (re.compile(r"Missing (?P<kind>argument|option|parameter) (?P<name>.+?)\.(?: Choose from:\s*(?P<choices>.+))?",
                re.S), lambda m: _missing(m["kind"], m["name"], m["choices"])),
    (re.compile(r"No such (?P<kind>option|command):? (?P<name>'[^']*'|\S+?)\.?(?: (?P<more>.+))?", re.S),
     lambda m: _unknown(m["kind"], m["name"], m["more"])),
    (re.compile(r"Invalid value for (?P<name>.+?): (?P<value>.+)", re.S),
     lambda m: t("Invalid value for {name}: {reason}", name=m["name"], reason=_invalid_value(m["value"]))),
    (re.compile(r"Invalid value: (?P<value>.+)", re.S),
     lambda m: t("Invalid value: {reason}", reason=_invalid_value(m["value"]))),
    (re.compile(r"Option (?P<name>'[^']*') requires an argument\."),
     lambda m: t("Option {name} requires an argument.", name=m["name"])),
    (re.compile(r"Option (?P<name>'[^']*') requires (?P<count>\d+) arguments\."),
     lambda m: t("Option {name} requires {count} arguments.", name=m["name"], count=m["count"])),
    (re.compile(r"Option (?P<name>'[^']*') does not take a value\."),
     lambda m: t("Option {name} does not take a value.", name=m["name"])),
    (re.compile(r"Argument (?P<name>'[^']*') takes (?P<count>\d+) values\."),
     lambda m: t("Argument {name} takes {count} values.", name=m["name"], count=m["count"])),
    (re.compile(r"Got unexpected extra arguments? \((?P<words>.*)\)", re.S),
     lambda m: t("Got unexpected extra arguments ({words})", words=m["words"])),
    (re.compile(r"Missing command\."), lambda _: t("Missing command.")),
    (re.compile(r"expected (?P<what>[A-Z ]+); usage: (?P<usage>.+)"),
     lambda m: t("expected {what}; usage: {usage}", what=m["what"], usage=m["usage"])),
)
"""The messages of click's usage errors (its English templates, gettext-wrapped in ``click.exceptions``,
``click.parser`` and ``click.core``) and gapcalc's own, as messages of the catalogue."""


def usage_problem(message: str) -> Text:
    """A usage error's message (``UsageError.format_message()``, as click words it in English) as a message that
    can be said in Chinese; one this version of click words otherwise is kept, quoted after a Chinese lead."""
    for pattern, said in _USAGE_PROBLEMS:
        match = pattern.fullmatch(message)
        if match:
            return said(match)
    return t("{click_message}", click_message=message)


def targets_dir_option(func: F) -> F:
    """``--targets-dir DIR`` (env GAPCALC_TARGETS, default ./targets, else the plans shipped with gapcalc)."""
    return click.option("--targets-dir", "targets_dir", type=click.Path(file_okay=False, path_type=Path),
                        envvar="GAPCALC_TARGETS", default=None,
                        callback=lambda _ctx, _param, value: targets_dir(str(value) if value else None),
                        help="Directory of plan target files (env GAPCALC_TARGETS) [default: ./targets, else the "
                             "plans shipped with gapcalc].")(func)


def writable_targets_dir_option(func: F) -> F:
    """``--targets-dir DIR`` of a command that writes plans: env GAPCALC_TARGETS, default ``./targets`` (made if
    missing), never the plans shipped inside gapcalc's installation."""
    return click.option("--targets-dir", "targets_dir", type=click.Path(file_okay=False, path_type=Path),
                        envvar="GAPCALC_TARGETS", default=None,
                        callback=lambda _ctx, _param, value: writable_targets_dir(str(value) if value else None),
                        help="Directory to write the plan's target file to (env GAPCALC_TARGETS) [default: "
                             "./targets, made if missing].")(func)


def as_known_on_option(func: F) -> F:
    """``--as-known-on DATE``: report with the versions of figures known on that day."""
    return click.option("--as-known-on", "as_known_on", metavar="DATE", default=None, callback=_day,
                        help="Use only the figures known on DATE (YYYY-MM-DD): versions released later, and "
                             "figures of periods not over by then, are set aside [default: everything known]."
                        )(func)


def _day(_ctx: click.Context, _param: click.Parameter, value: str | None) -> datetime.date | None:
    if value is None:
        return None
    from gapcalc.usecases.arguments import day_of

    try:
        return day_of(value)
    except GapcalcError as error:
        raise click.BadParameter(error.text()) from None


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


LANG_HELP = "Language of headings, names and status words [default: GAPCALC_LANG, else the locale]."


def lang_option(func: F) -> F:
    """``--lang zh|en`` (env GAPCALC_LANG; the rule is :func:`gapcalc.render.i18n.detect_lang`); read first, so
    that an error in another option is said in this language."""
    return lang_option_saying(LANG_HELP)(func)


def lang_option_saying(help_text: str) -> Callable[[F], F]:
    """:func:`lang_option` with its own help, for a command whose default differs (the brief is Chinese, a chart
    follows its fonts, the site is built in both languages)."""
    def remember(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
        _remember("lang", value)
        return value

    def decorate(command: F) -> F:
        return click.option("--lang", type=click.Choice(list(LANGS)), default=None, is_eager=True,
                            callback=remember, help=help_text)(command)

    return decorate


class YearType(click.ParamType):  # type: ignore[type-arg] # generic from click 8.3 on
    """A YEAR argument or option: checked by :func:`gapcalc.usecases.arguments.year_of`, as the Python API checks
    it, and said in the chosen language (a GapcalcError, exit 2)."""

    name = "year"

    def __init__(self, example: int = 2019) -> None:
        self.example = example

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        return year_of(value, self.example)


def say_actuals(report: PlanReport) -> None:
    """After a plan's report: what reading its actuals said (:attr:`PlanReport.said`), on stderr."""
    for line in report.said:
        note(line)


def output_option(func: F) -> F:
    """``--output FILE`` (default stdout; ``-`` is stdout too)."""
    return click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
                        default=None, callback=dash_is_stdout,
                        help="Write to FILE instead of stdout (- is stdout).")(func)


def dash_is_stdout(_ctx: click.Context, _param: click.Parameter, value: Path | None) -> Path | None:
    """``-o -`` means stdout, as ``-o`` left out does."""
    return None if value is not None and str(value) == "-" else value


def chosen_lang() -> str:
    """The language of this invocation: its --lang, else ``GAPCALC_LANG``, else the locale."""
    return detect_lang(_setting("lang"))


def _setting(name: str, default: Any = None) -> Any:
    """A setting of this invocation (kept in click's context, so that nothing outlives the command)."""
    context = click.get_current_context(silent=True)
    return default if context is None else context.find_root().meta.get(f"gapcalc.{name}", default)


def _remember(name: str, value: Any) -> None:
    context = click.get_current_context(silent=True)
    if context is not None:
        context.find_root().meta[f"gapcalc.{name}"] = value


def bom_option(func: F) -> F:
    """``--bom/--no-bom``: start CSV/TSV with a UTF-8 byte-order mark, which Excel needs to show Chinese."""
    def remember(_ctx: click.Context, _param: click.Parameter, value: bool | None) -> bool | None:
        _remember("bom", value)
        return value

    return click.option("--bom/--no-bom", default=None, expose_value=False, callback=remember,
                        help="Start CSV/TSV with a UTF-8 BOM for Excel [default: yes with --output, no on "
                             "stdout].")(func)


def bom_choice() -> bool | None:
    """``--bom`` (True), ``--no-bom`` (False), or neither (None)."""
    return _setting("bom")  # type: ignore[no-any-return]



def quiet_option(func: F) -> F:
    """``--quiet/-q``: no notes, accountings or summaries on stderr; errors still print."""
    def remember(_ctx: click.Context, _param: click.Parameter, value: bool) -> bool:
        _remember("quiet", value)
        return value

    return click.option("--quiet", "-q", is_flag=True, expose_value=False, callback=remember, is_eager=True,
                        help="Print only data and errors: no notes or summaries on stderr.")(func)


def is_quiet() -> bool:
    """True when ``--quiet`` was given (or ``GAPCALC_QUIET=1``)."""
    return bool(_setting("quiet", False)) or os.environ.get("GAPCALC_QUIET", "") not in ("", "0")


def read_stdin_to(folder: Path, name: str) -> Path:
    """Standard input saved as ``folder/name``, for the readers that take a path (``-`` as an input file)."""
    from gapcalc.infra.textio import read_stdin

    path = folder / name
    path.write_bytes(read_stdin())
    return path


def table_options(func: F) -> F:
    """The options every table-producing command shares: --targets-dir, --format, --color, --lang, --output."""
    for option in (bom_option, quiet_option, output_option, lang_option, color_option,
                   format_option([f.value for f in OutputFormat]), targets_dir_option):
        func = option(func)
    return func


def choose_format(fmt: str | None, output: Path | None = None) -> OutputFormat:
    """The requested format, or table on a terminal and csv otherwise; xlsx and html need ``--output``."""
    chosen = OutputFormat(fmt) if fmt else (OutputFormat.TABLE if sys.stdout.isatty() else OutputFormat.CSV)
    if chosen in (OutputFormat.XLSX, OutputFormat.HTML) and output is None:
        raise GapcalcUsageError(GapcalcError(t("--format {format} writes a file", format=chosen.value),
                                             t("add --output FILE.{format}", format=chosen.value)))
    return chosen


def write_output(text: str, output: Path | None) -> None:
    """Write data to ``output`` (replaced atomically) or stdout; a write failure is a usage/IO error (exit 2)."""
    if output is None:
        click.echo(text, nl=False)
        return
    from gapcalc.infra.atomic import write_atomic

    write_atomic(output, text, encoding="utf-8")
    note(t("wrote {path}", path=str(output)))


def note(message: str) -> None:
    """A message for the person, on stderr, in the language of the output (none with ``--quiet``)."""
    if not is_quiet():
        click.echo(say(message, detect_lang(_setting("lang"))), err=True)


def use_lang(lang: str | None) -> str:
    """Remember the ``--lang`` of this command for its notes; the language chosen."""
    _remember("lang", lang)
    return detect_lang(lang)


def fail_on_actuals_errors(errors: int) -> None:
    """Exit 1 (after the output) when the actuals read had errors: the output leaves those rows out."""
    if errors:
        note(t("the actuals had {count} error{s} (listed above; those rows are not used): exit 1", count=errors,
               s=plural(errors)))
        raise SystemExit(1)


def fail_on_failures(failures: Sequence[str]) -> None:
    """After a run over every plan: each plan that could not be loaded, then exit 2 naming how many."""
    for failure in failures:
        note(t("skipped: {failure}", failure=failure))
    if failures:
        raise GapcalcError(t("{count} plan(s) could not be loaded", count=len(failures)), t("run `gapcalc check`"))


def debug() -> bool:
    """GAPCALC_DEBUG=1 shows tracebacks of internal errors."""
    return os.environ.get("GAPCALC_DEBUG", "") not in ("", "0")

"""Messages said in English and Chinese: every finding, hint, note and summary line goes through :func:`t`.

A message is written once, in English, as a template with named fields (``t("unknown key '{key}'", key=key)``);
the English text is the message id (braces that are not fields are doubled, ``{{``), and
:data:`gapcalc.messages_zh.ZH` gives the Chinese template of the same id. The :class:`Text` returned is the English
string (so code and tests that read messages keep working) that also remembers its template and fields, so it can
be said in Chinese with :func:`say` when it is printed. A field holding a code word of the input (a kind such as
``baseline``, a reason a row was not used) rather than a message is said by :data:`gapcalc.messages_zh.ZH_WORDS`,
the words of that field of that template. A test
(``tests/test_messages.py``) fails when a template written with :func:`t` has no Chinese entry, when an entry's
fields differ from the English ones, or when an entry is no longer used.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class Text(str):
    """An English message that keeps its template and fields, to be said in another language."""

    template: str
    fields: dict[str, Any]

    def __new__(cls, template: str, fields: dict[str, Any]) -> Text:
        made = super().__new__(cls, template.format(**fields))
        made.template = template
        made.fields = fields
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return Text, (self.template, self.fields)

    def in_lang(self, lang: str) -> str:
        """The message in ``lang`` (``zh`` or ``en``); English when no Chinese entry exists."""
        if lang != "zh":
            return str(self)
        from gapcalc.messages_zh import ZH, ZH_WORDS

        template = ZH.get(self.template)
        if template is None:
            return str(self)
        words = ZH_WORDS.get(self.template, {})
        return template.format(**{name: _word(value, words.get(name)) if type(value) is str else say(value, lang)
                                  for name, value in self.fields.items()})


def _word(value: str, words: dict[str, str] | None) -> str:
    """A plain field in Chinese: its word when the field has words (:data:`gapcalc.messages_zh.ZH_WORDS`) and
    names one, else as it is (an id, a file name, a number)."""
    return words.get(value, value) if words else value


def t(template: str, **fields: Any) -> Text:
    """A message in English, with the fields named in its template; said in Chinese by :func:`say`."""
    return Text(template, fields)


def say(text: Any, lang: str) -> Any:
    """``text`` in ``lang``: a message (:class:`Text`, :class:`Joined`, :class:`Trimmed`, or another string that can
    say itself with ``in_lang``, as a finding's line) is translated; anything else is returned as it is."""
    return text.in_lang(lang) if isinstance(text, str) and hasattr(text, "in_lang") else text


def plural(count: int, suffix: str = "s") -> str:
    """The English plural ending for ``count`` things (Chinese templates leave it out)."""
    return "" if count == 1 else suffix


class Joined(str):
    """Messages joined by ``, `` (``、`` in Chinese), each said in the language of the whole."""

    parts: tuple[str, ...]

    def __new__(cls, parts: Sequence[str]) -> Joined:
        made = super().__new__(cls, ", ".join(parts))
        made.parts = tuple(parts)
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return Joined, (self.parts,)

    def in_lang(self, lang: str) -> str:
        """The parts in ``lang``, joined."""
        return ("、" if lang == "zh" else ", ").join(say(part, lang) for part in self.parts)


class Trimmed(str):
    """A message without the ``prefix: `` it starts with (a file name the line already shows), in every language."""

    text: str
    prefix: str

    def __new__(cls, text: str, prefix: str) -> Trimmed:
        made = super().__new__(cls, _trim(str(text), prefix))
        made.text, made.prefix = text, prefix
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return Trimmed, (self.text, self.prefix)

    def in_lang(self, lang: str) -> str:
        """The message in ``lang``, the prefix taken off."""
        return _trim(str(say(self.text, lang)), self.prefix)


def _trim(text: str, prefix: str) -> str:
    for separator in (": ", "："):
        if text.startswith(prefix + separator):
            return text[len(prefix) + len(separator):]
    return text

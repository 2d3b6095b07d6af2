"""Parsing a generated page in tests: every element closed in order, and its ids, links and tags collected."""

from __future__ import annotations

from html.parser import HTMLParser


class Links(HTMLParser):
    """Collects the ids, links and resource references of a page and checks every element is closed in order."""

    VOID = frozenset({"meta", "br", "hr", "img", "input", "link", "wbr", "col"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.add(tag)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "a":
            self.hrefs.append(found.get("href") or "")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"unexpected </{tag}>")


def parse_page(text: str) -> Links:
    links = Links()
    links.feed(text)
    links.close()
    assert links.errors == [] and links.stack == []
    return links

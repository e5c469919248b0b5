"""The privacy policy and terms of use as HTML pages, from ``docs/privacy.md`` and ``terms.md``.

The skill manifest's privacyPolicyUrl and termsOfUseUrl point at ``/privacy`` and ``/terms``
(``toe-twitch deploy package --pages-url``). The Markdown is the small subset those two files
use: ``#`` and ``##`` headings, paragraphs, ``-`` lists, ``**bold**`` and ``"quotes"``.
"""

from __future__ import annotations

import html
import re
from functools import cache

from skill.rules.content import resource_dir

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;
line-height:1.5}}</style>
</head>
<body>
{body}
</body>
</html>
"""


def _inline(text: str) -> str:
    """Escape, then turn ``**bold**`` into ``<strong>``."""
    return re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", html.escape(text, quote=False))


def markdown_html(text: str) -> tuple[str, str]:
    """``(title, body)``: the first ``#`` heading and the document as HTML."""
    title = ""
    parts: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []

    def flush() -> None:
        if paragraph:
            parts.append(f"<p>{_inline(' '.join(paragraph))}</p>")
            paragraph.clear()
        if items:
            parts.append("<ul>" + "".join(f"<li>{_inline(i)}</li>" for i in items) + "</ul>")
            items.clear()

    for raw in text.splitlines():
        line = raw.strip()
        heading = re.match(r"(#{1,3}) (.+)", line)
        if heading:
            flush()
            level = len(heading.group(1))
            title = title or heading.group(2)
            parts.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
        elif line.startswith("- "):
            if paragraph:
                flush()
            items.append(line[2:])
        elif not line:
            flush()
        elif items and raw.startswith("  "):
            items[-1] += " " + line
        else:
            if items:
                flush()
            paragraph.append(line)
    flush()
    return title, "\n".join(parts)


@cache
def document_page(name: str) -> str:
    """``docs/<name>.md`` as a whole HTML page, read once."""
    text = (resource_dir("docs") / f"{name}.md").read_text(encoding="utf-8")
    title, body = markdown_html(text)
    return PAGE.format(title=html.escape(title), body=body)


def privacy_page() -> str:
    """The privacy policy, for ``GET /privacy``."""
    return document_page("privacy")


def terms_page() -> str:
    """The terms of use, for ``GET /terms``."""
    return document_page("terms")

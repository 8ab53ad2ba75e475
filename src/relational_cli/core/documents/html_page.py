"""Documents as one printable HTML page: the plan, the digest of reflections and the timeline
share it."""

from __future__ import annotations

from collections.abc import Mapping


def html(
    markdown_text: str,
    title: str,
    together: int = 0,
    sheet: bool = False,
    figures: Mapping[int, str] | None = None,
) -> str:
    """One self-contained page (no scripts, no fonts, images or styles from elsewhere) that
    prints well. `markdown_text` is a document made here, without front matter; the person's
    words in it are already escaped, and raw HTML is never passed through. The last
    `together` sections are printed on one page (so a short last one is never alone). A
    `sheet` (the plan) prints in two columns of smaller type, to fit one sheet of paper.
    `figures` (charts made here, in HTML) go each into its section, by number from 0: after
    the line beneath the section's heading."""
    import re

    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark", {"html": False}).render(markdown_text)
    starts = [heading.start() for heading in re.finditer("<h2>", body)]
    for number in sorted(figures or {}, reverse=True):  # from the end: the places stay
        if number < len(starts):
            found = body.find("</p>\n", starts[number])
            cut = found + len("</p>\n") if found >= 0 else len(body)
            body = f"{body[:cut]}{(figures or {})[number]}\n{body[cut:]}"
    starts = [heading.start() for heading in re.finditer("<h2>", body)]
    if together and len(starts) >= together:
        cut = starts[-together]
        body = f'{body[:cut]}<div class="together">\n{body[cut:]}</div>\n'
    return page(body, title, sheet)


def page(body: str, title: str, sheet: bool = False) -> str:
    """`body` (HTML made here) in the page, under `title` (escaped here)."""
    from html import escape

    return PAGE.format(title=escape(title), body=body, kind=' class="sheet"' if sheet else "")


PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
  body {{ font: 12pt/1.55 Georgia, "Times New Roman", serif; color: #222; background: #fff;
         max-width: 38em; margin: 2.5em auto; padding: 0 1.2em; }}
  h1 {{ font-size: 1.7em; margin: 0 0 .2em; }}
  h2 {{ font-size: 1.25em; margin: 1.8em 0 .5em; padding-bottom: .15em;
        border-bottom: 1px solid #bbb; }}
  h3 {{ font-size: 1em; margin: 1.2em 0 .3em; }}
  p, li {{ margin: .35em 0; }}
  code {{ font-family: inherit; }}
  pre {{ font: inherit; white-space: pre-wrap; tab-size: 4; margin: .35em 0; }}
  figure {{ margin: .8em 0 1.2em; }}
  figure svg {{ display: block; max-width: 100%; height: auto; }}
  figcaption {{ font-size: .9em; color: #444; margin-top: .2em; }}
  svg text {{ font-family: Georgia, "Times New Roman", serif; font-size: 13px; fill: #222; }}
  svg text.quiet {{ fill: #555; }}
  svg text.small {{ font-size: 11px; }}
  table {{ border-collapse: collapse; margin: .5em 0; }}
  th, td {{ text-align: left; padding: .15em .9em .15em 0; border-bottom: 1px solid #ddd; }}
  @page {{ margin: 2cm; }}
  @page sheet {{ margin: 1.6cm 1.8cm; }}
  @media print {{
    body {{ margin: 0; max-width: none; padding: 0; font-size: 11pt; }}
    h2, h3 {{ break-after: avoid; page-break-after: avoid; }}
    li, p, tr, figure, .together {{ break-inside: avoid; page-break-inside: avoid; }}
    .sheet {{ page: sheet; }}
    .sheet main {{ columns: 2; column-gap: 1.6em; font-size: 9.5pt; line-height: 1.3; }}
    .sheet h1, .sheet h1 + p {{ column-span: all; }}
    .sheet h1 {{ font-size: 1.6em; }}
    .sheet h2 {{ font-size: 1.15em; margin: .9em 0 .25em; }}
    .sheet h2:first-of-type {{ margin-top: .4em; }}
    .sheet h3 {{ margin: .6em 0 .1em; }}
    .sheet p, .sheet li {{ margin: .2em 0; }}
    .sheet ul, .sheet ol {{ padding-left: 1.3em; margin: .2em 0; }}
  }}
</style>
</head>
<body{kind}>
<main>
{body}</main>
</body>
</html>
"""

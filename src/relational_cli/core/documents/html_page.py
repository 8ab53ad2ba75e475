"""Documents as one printable HTML page: the plan and the digest of reflections share it."""

from __future__ import annotations


def html(markdown_text: str, title: str, together: int = 0) -> str:
    """One self-contained page (no scripts, no fonts, images or styles from elsewhere) that
    prints well. `markdown_text` is a document made here, without front matter; the person's
    words in it are already escaped, and raw HTML is never passed through. The last
    `together` sections are printed on one page (so a short last one is never alone)."""
    import re
    from html import escape

    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark", {"html": False}).render(markdown_text)
    starts = [heading.start() for heading in re.finditer("<h2>", body)]
    if together and len(starts) >= together:
        cut = starts[-together]
        body = f'{body[:cut]}<div class="together">\n{body[cut:]}</div>\n'
    return PAGE.format(title=escape(title), body=body)


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
  @page {{ margin: 2cm; }}
  @media print {{
    body {{ margin: 0; max-width: none; padding: 0; font-size: 11pt; }}
    h2, h3 {{ break-after: avoid; page-break-after: avoid; }}
    li, p, .together {{ break-inside: avoid; page-break-inside: avoid; }}
  }}
</style>
</head>
<body>
<main>
{body}</main>
</body>
</html>
"""

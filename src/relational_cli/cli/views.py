"""How what is read back is shown: on a terminal with Rich (`tui/screen`), into a pipe or a
file as plain text (lines whole, no padding). Registered, by the type of result each shows,
in `cli/output`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from relational_cli.cli.text import lines, say, table, visible
from relational_cli.core.errors import ExitCode

if TYPE_CHECKING:
    from relational_cli.core.documents.timeline import Timeline
    from relational_cli.core.home import Places
    from relational_cli.core.journal.fileformat import Reflection
    from relational_cli.core.journal.query import Page
    from relational_cli.core.packs.library import Catalogue
    from relational_cli.core.packs.model import Pack
    from relational_cli.core.support import Listing
    from relational_cli.environment import Environment


def page(env: Environment, page: Page[Any]) -> int:
    """Review (or the trash), or search: a table, and a line when the limit left some out."""
    from relational_cli import messages
    from relational_cli.core.documents import views

    searched = bool(page.rows) and hasattr(page.rows[0], "snippet")
    if not page.rows:
        none = messages.journal.NO_MATCHES if page.filtered else messages.journal.NO_REFLECTIONS
        say(env, none)
        return ExitCode.OK
    if searched:
        if env.stdout_isatty:
            from relational_cli.core.search.hits import MARK
            from relational_cli.tui import screen

            screen.make_console(env).print(screen.search_table(page.rows, MARK, env.plain))
        else:
            table(env, views.search_table(page.rows), unmarked)
    elif env.stdout_isatty:
        from relational_cli.tui import screen

        screen.make_console(env).print(screen.review_table(page.rows))
    else:
        table(env, views.review_table(page.rows))
    if page.more:
        say(env, messages.journal.showing_newest(page.limit))
    return ExitCode.OK


def reflection(env: Environment, reflection: Reflection) -> int:
    import shutil

    from relational_cli.core.documents.views import reflection_lines

    width = shutil.get_terminal_size().columns if env.stdout_isatty else 80
    lines(env, reflection_lines(reflection, env.plain, width))
    return ExitCode.OK


def timeline(env: Environment, picture: Timeline) -> int:
    from relational_cli.core.documents.views import timeline_lines

    lines(env, timeline_lines(picture, env.plain))
    return ExitCode.OK


def pack(env: Environment, pack: Pack) -> int:
    from relational_cli.core.documents.views import pack_lines

    lines(env, pack_lines(pack))
    return ExitCode.OK


def catalogue(env: Environment, catalogue: Catalogue) -> int:
    from relational_cli import messages
    from relational_cli.core.documents.views import packs_table

    table(env, packs_table(catalogue))
    if catalogue.broken:
        say(env, messages.packs.BROKEN_PACKS)
    return ExitCode.OK


def places(env: Environment, places: Places) -> int:
    width = max(len(key) for key in places.items)
    for key, value in places.items.items():
        print(visible(f"{key:<{width}}  {value}"), file=env.stdout)
    return ExitCode.OK


def support(env: Environment, listing: Listing) -> int:
    from relational_cli import messages
    from relational_cli.core import support

    for kind in listing.kinds:
        every = support.ordered(listing.region, kind) if listing.every else None
        for line in support.section(kind, listing.region, every, env.plain):
            print(line, file=env.stdout)
        print(file=env.stdout)
    if support.HURT in listing.kinds:
        for line in support.WATCHED:
            print(line, file=env.stdout)
        print(file=env.stdout)
    print(messages.support.LAST_CHECKED.format(support.VERIFIED_WORDS), file=env.stdout)
    return ExitCode.OK


def unmarked(text: str) -> str:
    """A snippet without the marks around its matches (plain text shows no bold)."""
    return text.translate(UNMARKED)


UNMARKED = {ord("\ue000"): None, ord("\ue001"): None, ord("\ue002"): "…"}
"""The match marks of a snippet (`search.index.MARK`), taken out; where it leaves words out
(`ELIDED`), an ellipsis."""

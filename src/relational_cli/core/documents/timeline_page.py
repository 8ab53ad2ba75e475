"""The timeline as one printable HTML page (`relational timeline --format html`): the same
pictures as on the terminal, drawn as inline SVG, each with its numbers in words beneath it;
the check-ins in a table too, and the weekly steps and top values as lists."""

from __future__ import annotations

from relational_cli import messages
from relational_cli.core.documents import svg
from relational_cli.core.documents.html_page import page
from relational_cli.core.documents.timeline import Timeline, outcomes
from relational_cli.core.packs import known


def title(picture: Timeline, today: str) -> str:
    """'My reflections over time, from 7 September 2026 to 5 December 2026'."""
    first = picture.since.isoformat() if picture.since else today
    return f"{messages.pictures.TITLE}, {messages.pictures.between(first, max(first, today))}"


def html(picture: Timeline, today: str) -> str:
    words = messages.pictures
    out = [f"<h1>{svg.text(title(picture, today))}</h1>"]
    each = words.reflections_each(picture.by)
    out += [f"<h2>{svg.text(each)}</h2>"]
    out.append(
        svg.bars_up(
            "periods", each, words.periods_sentence(picture.by, picture.periods), picture.periods
        )
    )
    if picture.check_ins:
        out += _check_ins(picture)
    if picture.steps:
        counts = [(kind or words.NOT_LOOKED_BACK, n) for kind, n in outcomes(picture.steps)]
        out += [f"<h2>{svg.text(words.STEPS)}</h2>"]
        out.append(svg.bars_across("steps", words.STEPS, words.steps_sentence(counts), counts))
        out.append("<ul>")
        for step in picture.steps:
            went = step.outcome or words.NOT_LOOKED_BACK
            out.append(f"<li>{svg.text(words.day_words(step.day))}: {svg.text(step.step)}"
                       f" — {svg.text(went)}</li>")  # fmt: skip
        out.append("</ul>")
    if picture.values:
        out += [f"<h2>{svg.text(words.VALUES)}</h2>", "<ul>"]
        for change in picture.values:
            top = ", ".join(change.top) or "—"
            out.append(f"<li>{svg.text(words.day_words(change.day))}: {svg.text(top)}</li>")
        out.append("</ul>")
    return page("\n".join(out) + "\n", title(picture, today))


def _check_ins(picture: Timeline) -> list[str]:
    """A chart of each scale, then every check-in's answers in a table."""
    words = messages.pictures
    first, last = picture.check_ins[0].day, picture.check_ins[-1].day
    least, most = known.CHECK_IN_RANGE
    between = words.capital(words.check_ins_between(len(picture.check_ins), first, last))
    out = [
        f"<h2>{svg.text(words.CHECK_INS)}</h2>",
        f"<p>{svg.text(between)} ({svg.text(words.CHECK_IN_KEY)}).</p>",
    ]
    for scale, name in words.SCALES.items():
        said = [check_in.answers.get(scale) for check_in in picture.check_ins]
        out.append(
            svg.scale_chart(
                f"check-in-{scale}",
                f"{words.CHECK_INS}: {name}",
                words.check_in_sentence(scale, said),
                said,
                least,
                most,
                words.day_words(first),
                words.day_words(last),
            )
        )
    heads = "".join(f'<th scope="col">{svg.text(name)}</th>' for name in words.SCALES.values())
    out += ["<table>", f'<thead><tr><th scope="col">{words.DAY}</th>{heads}</tr></thead>']
    out.append("<tbody>")
    for check_in in picture.check_ins:
        cells = "".join(
            f"<td>{words.NOT_ANSWERED if n is None else n}</td>"
            for n in (check_in.answers.get(scale) for scale in words.SCALES)
        )
        day = svg.text(words.day_words(check_in.day))
        out.append(f'<tr><th scope="row">{day}</th>{cells}</tr>')
    out += ["</tbody>", "</table>"]
    return out

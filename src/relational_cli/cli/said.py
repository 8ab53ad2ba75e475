"""What is said after a command changed something — a reflection saved, a plan or a calendar
written, a backup restored, a pack added — by the kind of result (registered, by its type, in
`cli/output`). Messages go to stderr and data to stdout; the words are in `messages`."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from relational_cli import messages
from relational_cli.cli.text import say, table, visible
from relational_cli.core.errors import ExitCode

if TYPE_CHECKING:
    from relational_cli.core.documents.plan_file import PlanWritten
    from relational_cli.core.documents.reminders import Reminders
    from relational_cli.core.exercise.flow import PauseKept
    from relational_cli.core.exercise.saving import Saved
    from relational_cli.core.journal.bringing_back import Recovered
    from relational_cli.core.journal.drafts import Waiting
    from relational_cli.core.journal.editing import Edited
    from relational_cli.core.packs.installing import Added, Checked, Started
    from relational_cli.core.transfer.backup import Restored
    from relational_cli.core.transfer.export import Exported
    from relational_cli.core.transfer.jrnl import Imported
    from relational_cli.core.welcome import Welcome
    from relational_cli.environment import Environment


def saved(env: Environment, result: Saved) -> int:
    """The closing words of the path taken (and the support lines it asks for, or a pointer
    to `relational support`), then where the reflection was saved. Answered from a file, all
    of it goes to stderr, in plain words; on a terminal, through the screen."""
    from relational_cli.core import support
    from relational_cli.core.documents.views import HINT, PLAIN

    words = [("", PLAIN), (result.closing, PLAIN)]
    if result.support:
        region = env.region
        words += [
            ("", PLAIN),
            *((line, PLAIN) for line in support.nearest(region, result.support, env.plain)),
        ]
    elif result.pointer:
        words.append((messages.general.SUPPORT_POINTER, HINT))
    if result.from_file:
        for text, _ in words:
            print(visible(text), file=env.stderr)
    else:
        from relational_cli.tui import screen

        screen.make_console(env).print(screen.lines(words))
    saved_at = [f"Saved {result.reflection.id}", f"  {result.path}"]  # whole, so it can be copied
    if result.from_file or not env.stderr_isatty:
        for line in saved_at:
            print(visible(line), file=env.stderr)
    else:
        from relational_cli.tui import screen

        errors = screen.make_console(env, stderr=True)
        for line in saved_at:
            errors.print(screen.hint(line), soft_wrap=True)
    return ExitCode.OK


def paused(env: Environment, result: PauseKept) -> int:
    with contextlib.suppress(OSError):  # the terminal may be gone
        print(file=env.stdout)
        words = (
            messages.exercise.paused(result.exercise)
            if result.has_draft
            else messages.exercise.NOTHING_KEPT
        )
        print(visible(words), file=env.stderr)
    return ExitCode.PAUSED


def plan_written(env: Environment, result: PlanWritten) -> int:
    if result.saved is not None:
        saved(env, result.saved)
    if result.target is None:
        env.stdout.write(result.text)
    else:
        say(env, messages.plan.plan_written(result.target, result.options))
    return ExitCode.OK


def reminders(env: Environment, result: Reminders) -> int:
    from relational_cli.core.documents.plan import long_date
    from relational_cli.core.documents.reminders import WEEKDAYS

    days = [name.title() for name in WEEKDAYS]
    if result.passed is not None:
        say(env, messages.plan.review_passed(long_date(result.passed)))
    if result.check_in is not None:
        if result.day_of_setting:
            say(env, messages.plan.check_in_day(days[result.check_in.weekday]))
        when = f"{days[result.check_in.weekday]}s at {result.check_in.at:%H:%M}"
        say(env, messages.plan.check_in_set(when, result.zone))
    if result.review is not None:
        say(env, messages.plan.review_set(long_date(result.review)))
    say(env, messages.plan.reminders_written(result.target))
    return ExitCode.OK


def exported(env: Environment, result: Exported) -> int:
    if result.target is None:
        env.stdout.write(result.text)
    elif result.backup:
        say(env, messages.transfer.backed_up(result.count, result.target, result.sealed))
    else:
        say(env, messages.transfer.exported(result.count, result.target))
    return ExitCode.OK


def restored(env: Environment, result: Restored) -> int:
    for place, kept in result.beside:
        say(env, messages.transfer.kept_beside(place, kept))
    for name in result.kept_yours:
        say(env, messages.transfer.kept_yours(name))
    added, same, beside = len(result.added), len(result.same), len(result.beside)
    say(env, messages.transfer.backup_restored(added, same, beside, result.source))
    return ExitCode.OK


def imported(env: Environment, result: Imported) -> int:
    for problem in result.problems or []:
        say(env, messages.transfer.NOTE.format(problem))
    say(env, messages.transfer.imported(result.added, result.already, result.source))
    return ExitCode.OK


def waiting(env: Environment, result: Waiting) -> int:
    from relational_cli.core.documents.views import drafts_table

    if result.drafts or result.damaged:
        table(env, drafts_table(result.drafts, result.damaged))
        damaged = messages.drafts.SET_ASIDE_DAMAGED
        say(env, damaged if result.damaged else messages.drafts.PICK_UP_DRAFT)
    else:
        say(env, messages.drafts.NO_DRAFTS)
    if result.kept:
        from relational_cli.core.documents.views import kept_table

        say(env, messages.drafts.in_recovery(len(result.kept), result.recovery))
        table(env, kept_table(result.kept))
    return ExitCode.OK


def recovered(env: Environment, result: Recovered) -> int:
    if result.draft_of:
        say(env, messages.drafts.draft_recovered(result.draft_of))
    else:
        assert result.path is not None
        say(env, messages.drafts.recovered(result.reflection_id, result.path, result.already))
    return ExitCode.OK


def edited(env: Environment, result: Edited) -> int:
    if result.unchanged and result.problem:
        say(env, messages.journal.still_damaged(result.path, result.problem))
        return ExitCode.ERROR
    if result.unchanged:
        say(env, messages.journal.NO_CHANGES)
        return ExitCode.OK
    say(env, messages.journal.edit_saved(result.reflection_id or result.path.stem))
    for line in result.stray:
        say(env, messages.journal.stray_line(result.path, line))
    return ExitCode.OK


def checked(env: Environment, result: Checked) -> int:
    for path, pack, problems in result.found:
        if pack is None:
            for line in problems:
                print(visible(line), file=env.stdout)
        else:
            asked = sum(prompt.asks for prompt in pack.prompts)
            print(visible(messages.packs.checked(path, pack.title, asked)), file=env.stdout)
    return ExitCode.ERROR if any(pack is None for _, pack, _ in result.found) else ExitCode.OK


def started(env: Environment, result: Started) -> int:
    print(result.path, file=env.stdout)
    say(env, messages.packs.new_pack(result.path, result.name, result.replaces_builtin))
    return ExitCode.OK


def added(env: Environment, result: Added) -> int:
    pack = result.pack
    if result.already:
        say(env, messages.packs.pack_already_added(pack.title, pack.id))
    else:
        say(env, messages.packs.pack_added(pack.title, pack.id, result.path, result.builtin))
    return ExitCode.OK


def welcome(env: Environment, result: Welcome) -> int:
    from relational_cli.tui import welcome as screen_welcome
    from relational_cli.tui.screen import make_console

    screen_welcome.show(env, make_console(env))
    return ExitCode.OK

"""`relational --help` as Typer writes it in 80 columns or more, so that `entry.py`
answers it without importing Typer (about 50 ms). Written by scripts/update_docs.py
(a test checks it is the same as Typer's); do not edit by hand."""

TOP = """\
Usage: relational [OPTIONS] COMMAND [ARGS]...

  A calm place of your own to reflect on your relationships.

  Guided exercises (values, a relational self-care plan, one small step a
  week) whose answers are kept as Markdown files on this computer, plain
  unless you lock them (`relational lock --setup`). Nothing is sent anywhere.

  relational is not therapy, and not a replacement for care from a
  professional. If you need support now: relational support (relational
  support --hurt if someone is hurting you).

  The manual: man relational (the file relational.1, in share/man/man1 where
  relational is installed); relational COMMAND --help for one command.

Options:
  -V, --version         Show the version and exit.
  --debug               Show the full traceback on errors.
  --no-color            No colour (as does NO_COLOR=1).
  --install-completion  Install completion for the current shell.
  --show-completion     Show completion for the current shell, to copy it or
                        customize the installation.
  -h, --help            Show this message and exit.

Commands:
  reflect    Do an exercise: answer its questions one at a time; the...
  plan       Make your self-care plan, and keep it as a document to read,...
  reminders  Write a calendar file, so your own calendar reminds you: no...
  drafts     List paused exercises (drafts), and what the recovery folder...
  recover    Bring a reflection kept in the recovery folder back into...
  review     List past reflections, newest first.
  show       Show one reflection.
  edit       Open a saved reflection in your editor ($VISUAL or $EDITOR)...
  delete     Move a reflection to the trash (asked first).
  trash      List the reflections in the trash; bring one back, or empty it.
  search     Find reflections by the words in them: every word must be...
  timeline   Your reflections over time: how many each week or month,...
  info       Show where relational keeps your reflections, drafts and packs.
  about      What relational is (and is not), where your words are kept,...
  support    Support lines, for when you need a person now.
  lock       Lock your journal: encrypted on disk, readable only with...
  unlock     Unlock your journal for a while, so the next commands need...
  export     Take your reflections with you: a clean digest to bring to a...
  import     Bring reflections in: a backup of yours, or a jrnl journal.
  packs      List, inspect, add and write exercises (prompt packs).
"""

"""The records themselves: `verify` the journal, `backup` and `restore` the database, `locate`
its files."""

import sys
from pathlib import Path

import click

from ita_tui.cli.group import Context
from ita_tui.cli.language import command, option
from ita_tui.cli.output import say
from ita_tui.core.errors import EXIT_FAILURE, UserError
from ita_tui.files.locations import settings_path, word_template_path
from ita_tui.files.output_folder import refuse_protected


def _published_heads(files: tuple[str, ...]) -> list[tuple[str, int | None, str]]:
    """Each snapshot's journal head: the file, the entry number (when it says) and the hash."""
    from ita_tui.desk import snapshot_file

    heads = []
    for file in files:
        document = snapshot_file(file)
        head, entry = document.get("journal_head"), document.get("journal_entry")
        if not isinstance(head, str) or not (entry is None or (type(entry) is int and entry >= 0)):
            raise UserError("verify.against_no_head", path=file)
        heads.append((file, entry, head))
    return heads


@command(help="help.verify")
@option(
    "--against",
    "snapshots",
    metavar="SNAPSHOT.toml…",
    multiple=True,
    help="help.verify.against",
)
@click.argument("more_snapshots", nargs=-1, metavar="")
@click.pass_obj
def verify(context: Context, snapshots: tuple[str, ...], more_snapshots: tuple[str, ...]) -> None:
    from ita_tui.files.modes import exposed_files

    if more_snapshots and not snapshots:
        raise click.UsageError("verify --against SNAPSHOT.toml…")
    heads = _published_heads(snapshots + more_snapshots)
    desk = context.desk(whole_database=True)
    checked = desk.check_journal()
    problems = checked.problems
    missing = []
    for file, entry, head in heads:
        number = context.number(entry if entry is not None else "?")
        if desk.journal_holds(entry, head):
            say(context.t("verify.against_ok", path=file, id=number))
        else:
            missing.append(context.t("verify.against_missing", path=file, id=number))
    exposed = exposed_files(context.database)
    for path, mode in exposed:
        say(context.t("verify.readable_by_others", path=str(path), mode=f"{mode:o}"), err=True)
    if not problems and not missing:
        say(context.t("verify.ok", count=context.number(checked.entries), head=checked.head))
        if exposed:
            sys.exit(EXIT_FAILURE)
        return
    say(context.t("verify.failed", count=context.number(len(problems) + len(missing))), err=True)
    for line in missing:
        say(f"  {line}", err=True)
    for problem in problems[:20]:
        where = context.t("verify.entry", id=context.number(problem.entry)) if problem.entry else ""
        say(f"  {where}{context.t(problem.key, detail=problem.detail)}", err=True)
    sys.exit(EXIT_FAILURE)


@command(help="help.backup")
@click.argument("target", metavar="FILE")
@click.pass_obj
def backup(context: Context, target: str) -> None:
    refuse_protected(Path(target), context.database)
    context.desk(whole_database=True).backup_to(Path(target))
    say(context.t("backup.done", path=target))


@command(help="help.restore")
@click.argument("source", metavar="FILE")
@click.pass_obj
def restore(context: Context, source: str) -> None:
    from ita_tui.desk import restore_backup

    # A database too damaged to open is restored by whoever may write the file; one that opens
    # asks for an administrator.
    try:
        current = context.desk(whole_database=True)
    except UserError:
        current = None
    if current is not None:
        context.act(current)
        current.may("restore")
        current.close()
    saved = restore_backup(context.database, Path(source))
    say(context.t("restore.done", path=source, saved=str(saved)))


@command(help="help.locate")
@click.pass_obj
def locate(context: Context) -> None:
    say(context.t("locate.database", path=str(context.database)))
    say(context.t("locate.settings", path=str(settings_path())))
    template = word_template_path()
    own = "locate.word_template" if template.is_file() else "locate.word_template_bundled"
    say(context.t(own, path=str(template)))

"""`oit`: an agency's own OIT item lists, confirming or correcting the bundled ones. `export`
writes a year's list as TOML to correct; `import` makes a corrected file the agency's list
(and part of its snapshot); `forget` goes back to the bundled list."""

from pathlib import Path

import click

from ita_tui.cli.group import Context
from ita_tui.cli.language import group, option
from ita_tui.cli.options import by_option
from ita_tui.cli.output import say, say_data
from ita_tui.core.user_input import parse_be_year
from ita_tui.files.output_folder import refuse_protected


@group(help="help.oit")
def oit() -> None:
    pass  # its commands do the work


@oit.command("export", help="help.oit.export")
@option("--year", required=True, metavar="YEAR", help="help.year")
@click.argument("destination", metavar="FILE.toml|-")
@click.pass_obj
def oit_export(context: Context, year: str, destination: str) -> None:
    import tomli_w

    from ita_tui.core import oit as lists
    from ita_tui.core.text import escaped_in_data
    from ita_tui.files.atomic import write_atomically

    catalogue = context.desk().oit_catalogue(parse_be_year(year))
    document = {"catalogues": [lists.catalogue_document(catalogue)]}
    text = escaped_in_data(tomli_w.dumps(document, multiline_strings=False))
    if destination == "-":
        say_data(text, nl=False)
        return
    refuse_protected(Path(destination), context.database)
    write_atomically(Path(destination), text)
    say(context.t("oit.exported", path=destination), err=True)


@oit.command("import", help="help.oit.import")
@click.argument("file", metavar="FILE.toml")
@by_option(help="help.import.by")
@click.pass_obj
def oit_import(context: Context, file: str, by: str | None) -> None:
    catalogues = context.desk(acting=True, by=by).import_oit_list_file(file)
    for catalogue in catalogues:
        years = context.number(catalogue.first_year)
        if catalogue.last_year != catalogue.first_year:
            last = "…" if catalogue.last_year is None else context.number(catalogue.last_year)
            years += f"–{last}"
        say(context.t("oit.imported", years=years, number=context.number(len(catalogue.items))))


@oit.command("forget", help="help.oit.forget")
@option("--year", required=True, metavar="YEAR", help="help.year")
@by_option(help="help.import.by")
@click.pass_obj
def oit_forget(context: Context, year: str, by: str | None) -> None:
    be_year = parse_be_year(year)
    if context.desk(acting=True, by=by).forget_oit_list(be_year):
        say(context.t("oit.forgotten", year=context.number(be_year)))
    else:
        say(context.t("oit.none_own", year=context.number(be_year)))


@oit.command("address", help="help.oit.address")
@click.argument("year", metavar="YEAR")
@click.argument("item", metavar="ITEM")
@click.argument("url", metavar="URL")
@by_option(help="help.import.by")
@click.pass_obj
def oit_address(context: Context, year: str, item: str, url: str, by: str | None) -> None:
    be_year = parse_be_year(year)
    code = context.desk(acting=True, by=by).set_published_address(be_year, item, url)
    key = "oit.address_set" if url.strip() else "oit.address_forgotten"
    say(context.t(key, item=code.upper(), year=context.number(be_year)))

"""`people …` and `handover`: who may do what, logging in, and passing units on."""

from dataclasses import asdict

import click

from ita_tui.cli.group import Context
from ita_tui.cli.language import command, group, option
from ita_tui.cli.options import json_option
from ita_tui.cli.output import say, say_json
from ita_tui.core.errors import UserError
from ita_tui.core.i18n import handover_message, translate
from ita_tui.core.model import ROLES


def _unit_ids(desk, names: tuple[str, ...]) -> list[int]:
    if not names:
        return []
    desk.require_agency()
    return [desk.find_unit(name).id for name in names]


def _new_password(context: Context, login: str, file: str | None) -> str:
    """A new password from a file, or typed twice."""
    if file:
        return context.password(login, file=file)
    first = context.password(login, "password.new_prompt")
    second = context.password(login, "password.again")
    if first != second:
        raise UserError("password.mismatch")
    return first


def _role_label(role: str, lang: str) -> str:
    return translate(f"role.{role}", lang)


@group(help="help.people")
def people() -> None:
    pass  # its commands do the work


@people.command("list", help="help.people.list")
@json_option()
@click.pass_obj
def people_list(context: Context, as_json: bool) -> None:
    rows = context.desk(whole_database=True).people()
    if as_json:
        say_json([asdict(row) for row in rows])
        return
    if not rows:
        say(context.t("people.none"))
        return
    for row in rows:
        notes = []
        if not row.active:
            notes.append(context.t("people.inactive"))
        if not row.has_password:
            notes.append(context.t("people.no_password"))
        extra = f"  ({', '.join(notes)})" if notes else ""
        role = _role_label(row.role, context.lang)
        say(f"{row.login}  {row.name}  [{role}]  {row.units}{extra}")


@people.command("add", help="help.people.add")
@click.argument("login")
@option("--name", required=True, metavar="NAME", help="help.people.name")
@option(
    "--role",
    type=click.Choice(ROLES),
    default="officer",
    show_default=True,
    help="help.people.role",
)
@option("--unit", "units", multiple=True, metavar="NAME", help="help.people.unit")
@option("--set-password", is_flag=True, help="help.people.set_password")
@option("--new-password-file", metavar="FILE", help="help.people.first_password_file")
@click.pass_obj
def people_add(
    context: Context,
    login: str,
    name: str,
    role: str,
    units: tuple[str, ...],
    set_password: bool,
    new_password_file: str | None,
) -> None:
    desk = context.desk(acting=True, whole_database=True)
    unit_ids = _unit_ids(desk, units)
    password = (
        _new_password(context, login, new_password_file)
        if set_password or new_password_file
        else None
    )
    desk.add_person(login, name, role, unit_ids, password)
    say(
        context.t(
            "people.added",
            name=name,
            login=login.casefold(),
            role=_role_label(role, context.lang),
        )
    )


@people.command("change", help="help.people.change")
@click.argument("login")
@option("--name", metavar="NAME", help="help.people.new_name")
@option("--role", type=click.Choice(ROLES), help="help.people.new_role")
@option("--unit", "units", multiple=True, metavar="NAME", help="help.people.units_from_now")
@option("--no-units", is_flag=True, help="help.people.no_units")
@option("--active/--inactive", default=None, help="help.people.active")
@click.pass_obj
def people_change(
    context: Context,
    login: str,
    name: str | None,
    role: str | None,
    units: tuple[str, ...],
    no_units: bool,
    active: bool | None,
) -> None:
    desk = context.desk(acting=True, whole_database=True)
    unit_ids = [] if no_units else (_unit_ids(desk, units) if units else None)
    desk.update_person(login, name=name, role=role, unit_ids=unit_ids, active=active)
    say(context.t("people.changed", login=login))


@people.command("password", help="help.people.password")
@click.argument("login")
@option("--new-password-file", metavar="FILE", help="help.people.new_password_file")
@click.pass_obj
def people_password(context: Context, login: str, new_password_file: str | None) -> None:
    desk = context.desk(acting=True, whole_database=True)
    new = _new_password(context, login, new_password_file)
    desk.set_password(login, new, current=context._password)
    say(context.t("password.changed", login=login))


@people.command("require-login", help="help.people.require_login")
@option("--off", is_flag=True, help="help.people.off")
@click.pass_obj
def people_require_login(context: Context, off: bool) -> None:
    context.desk(acting=True, whole_database=True).set_login_required(not off)
    say(context.t("login.now_optional" if off else "login.now_required"))


@people.command("events", help="help.people.events")
@option(
    "--limit",
    default=50,
    show_default=True,
    type=click.IntRange(1, 10_000),
    help="help.people.limit",
)
@click.pass_obj
def people_events(context: Context, limit: int) -> None:
    desk = context.desk(acting=True, whole_database=True)
    desk.may("people")
    for row in desk.access_events(limit):
        action = f" {row.action}" if row.action else ""
        detail = f"  {row.detail}" if row.detail else ""
        event = context.t(f"event.{row.event}")
        say(f"{context.words.moment(row.at)}  {row.login or '-'}  {event}{action}{detail}")


@command(help="help.handover")
@click.argument("source", metavar="FROM_LOGIN")
@click.argument("target", metavar="TO_LOGIN")
@option("--unit", "units", multiple=True, metavar="NAME", help="help.handover.unit")
@click.pass_obj
def handover(context: Context, source: str, target: str, units: tuple[str, ...]) -> None:
    desk = context.desk(acting=True, whole_database=True)
    result = desk.handover(source, target, _unit_ids(desk, units) if units else None)
    say(handover_message(result, context.lang, context.number))

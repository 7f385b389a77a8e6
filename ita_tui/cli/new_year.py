"""`new-year`: the new ITA result in, the draft of next fiscal year's plan out; written only when
the user accepts it, here with --yes, or after editing it as a file (--draft, then --accept)."""

from pathlib import Path

import click

from ita_tui.cli.group import Context
from ita_tui.cli.language import command, option
from ita_tui.cli.options import by_option, json_option
from ita_tui.cli.output import say, say_json
from ita_tui.core.errors import UserError
from ita_tui.core.user_input import parse_be_year
from ita_tui.files.output_folder import refuse_protected


@command("new-year", help="help.new_year")
@option("--year", metavar="YEAR", help="help.new_year.year")
@click.argument("scores", nargs=-1, metavar="S1 … S10")
@option("--failed", metavar="CODES", help="help.new_year.failed")
@option("--published-overall", metavar="SCORE", help="help.new_year.published_overall")
@option("--published-result", metavar="TEXT", help="help.new_year.published_result")
@option("--draft", "draft_file", metavar="FILE.toml", help="help.new_year.draft")
@option("--yes", "accept", is_flag=True, help="help.new_year.yes")
@option("--accept", "accept_file", metavar="FILE.toml", help="help.new_year.accept")
@by_option(help="help.import.by")
@json_option()
@click.pass_obj
def new_year(
    context: Context,
    year: str | None,
    scores: tuple[str, ...],
    failed: str | None,
    published_overall: str | None,
    published_result: str | None,
    draft_file: str | None,
    accept: bool,
    accept_file: str | None,
    by: str | None,
    as_json: bool,
) -> None:
    from ita_tui.core import scoring

    if accept_file is not None:
        if year is not None or scores or accept or draft_file is not None:
            raise UserError("new_year.accept_alone")
        desk = context.desk(acting=True, by=by)
        plan = desk.accept_new_year_file(accept_file)
        say(context.t("new_year.accepted_file", path=accept_file, agency=plan.agency))
        return
    if year is None:
        raise UserError("new_year.need_year")
    be_year = parse_be_year(year)
    values = [scoring.parse_score(s) for s in scores]
    overall = float(scoring.parse_score(published_overall)) if published_overall else None
    desk = context.desk(acting=accept, by=by)
    pending = desk.draft_new_year(be_year, values, failed, overall, published_result)
    if as_json:
        say_json(_as_json(pending.draft))
    else:
        _show(context, pending.draft)
    if draft_file is not None:
        from ita_tui.files.atomic import write_atomically

        refuse_protected(Path(draft_file), context.database)
        write_atomically(Path(draft_file), desk.new_year_document(pending))
        say(context.t("new_year.draft_written", path=draft_file), err=True)
    if accept:
        desk.accept_new_year(pending)
        say(context.t("new_year.accepted", year=context.number(pending.draft.plan_year)), err=True)
    elif draft_file is None:
        say(context.t("new_year.nothing_written"), err=True)


def _show(context: Context, draft) -> None:
    n = context.number
    score = draft.score
    verdict = context.t(
        "score.passed" if score.passed else "score.not_passed", mark=n(draft.pass_mark)
    )
    say(
        context.t(
            "new_year.heading",
            plan_year=n(draft.plan_year),
            year=n(draft.year),
            overall=n(score.overall),
            result=score.result(context.lang),
            verdict=verdict,
        )
    )
    say()
    say(context.t("new_year.findings", count=n(len(draft.findings))))
    for finding in draft.findings:
        say(f"  - {finding.text}")
    say()
    say(context.t("new_year.carried", count=n(len(draft.carried)), year=n(draft.plan_year - 1)))
    for measure in draft.carried:
        last = measure.progress[-1].percent if measure.progress else 0
        say(
            "  - "
            + context.t(
                "new_year.carried_line",
                title=measure.full_title,
                units=", ".join(measure.units),
                percent=n(last),
                status=context.t(f"status.{measure.status}"),
                source=n(measure.carried_from),
            )
        )
    if draft.provisional_links:
        codes = ", ".join(draft.provisional_links)
        say(context.t("new_year.provisional_links", codes=codes))
    say()
    say(context.t("new_year.proposed", count=n(len(draft.proposed))))
    for measure in draft.proposed:
        say(
            "  - "
            + context.t(
                "new_year.proposed_line",
                title=measure.full_title,
                units=", ".join(measure.units),
                count=n(len(measure.contents)),
            )
        )
        for item in measure.contents:
            say(f"      □ {item.text}")


def _as_json(draft) -> dict:
    def measure_json(measure) -> dict:
        return {
            "title": measure.title,
            "topic": measure.topic,
            "units": list(measure.units),
            "status": measure.status,
            "findings": list(measure.findings),
            "carried_from": measure.carried_from,
            "percent": measure.progress[-1].percent if measure.progress else 0,
            "contents": [item.text for item in measure.contents],
        }

    return {
        "year": draft.year,
        "plan_year": draft.plan_year,
        "overall": float(draft.score.overall),
        "passed": draft.score.passed,
        "findings": [
            {
                "id": f.id,
                "indicator": f.indicator,
                "sub_indicator": f.sub_indicator,
                "oit_item": f.oit_item,
                "text": f.text,
            }
            for f in draft.findings
        ],
        "carried": [measure_json(m) for m in draft.carried],
        "proposed": [measure_json(m) for m in draft.proposed],
        "provisional_links": list(draft.provisional_links),
    }

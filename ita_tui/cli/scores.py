"""Scores: `score` from the ten indicators, and `whatif` for the OIT items that failed."""

import click

from ita_tui.cli.group import Context
from ita_tui.cli.language import command, option
from ita_tui.cli.options import json_option
from ita_tui.cli.output import say, say_json
from ita_tui.core.errors import UserError
from ita_tui.core.user_input import parse_be_year

YEAR_HELP = "help.year"


@command(help="help.score")
@option("--year", required=True, metavar="YEAR", help=YEAR_HELP)
@click.argument("scores", nargs=-1, metavar="S1 … S10")
@json_option()
@click.pass_obj
def score(context: Context, year: str, scores: tuple[str, ...], as_json: bool) -> None:
    from ita_tui.core import scoring

    be_year = parse_be_year(year)
    values = [scoring.parse_score(s) for s in scores]
    result = scoring.compute(be_year, values)
    method = scoring.methodology(be_year)
    if as_json:
        payload: dict = {
            "year": be_year,
            "overall": float(result.overall),
            "iit": float(result.instruments["IIT"]),
            "eit": float(result.instruments["EIT"]),
            "oit": float(result.instruments["OIT"]),
        }
        if result.result_kind == "grade":
            payload["grade"] = result.result_th
        else:
            payload["rating"] = result.result_th
            payload["rating_en"] = result.result_en
            payload["rating_unit"] = method.rating_unit
        payload["passed"] = result.passed
        payload["pass_mark"] = float(method.pass_mark)
        payload["provisional"] = {
            "overall": result.provisional_overall,
            result.result_kind: result.provisional_result,
        }
        payload["rules"] = {
            name: {
                "status": method.status(name),
                "source": rule.source,
            }
            for name, rule in method.rules.items()
        }
        say_json(payload)
        return
    say(summary(context, result))
    means = "  ".join(
        f"{code} {context.number(value)}" for code, value in result.instruments.items()
    )
    say(means)
    unconfirmed = [rule for rule in scoring.RULES if method.is_provisional(rule)]
    if unconfirmed:
        rules = ", ".join(context.t(f"rule.{rule}") for rule in unconfirmed)
        say(context.t("score.provisional_rules", rules=rules))
    statuses = " · ".join(
        f"{context.t(f'rule.{rule}')}: {context.t(f'rule_status.{method.status(rule)}')}"
        for rule in scoring.RULES
    )
    say(context.t("score.rules_known", year=context.number(be_year), rules=statuses))


def summary(context: Context, result, provisional_overall: bool = False) -> str:
    """The year, overall, grade or rating and pass verdict, each marked when it rests on a
    rule (or, for the overall, an OIT grouping) not confirmed."""
    from ita_tui.core import scoring

    n = context.number
    unsure = context.t("whatif.provisional")
    overall = n(result.overall)
    if result.provisional_overall or provisional_overall:
        overall += f" ({unsure})"
    outcome = result.result(context.lang)
    if result.provisional_result or provisional_overall:
        outcome += f" ({unsure})"
    mark = n(scoring.methodology(result.year).pass_mark)
    verdict = context.t("score.passed" if result.passed else "score.not_passed", mark=mark)
    return context.t(
        "score.summary",
        year=n(result.year),
        overall=overall,
        kind=context.t(f"score.{result.result_kind}"),
        result=outcome,
        verdict=verdict,
    )


@command(help="help.whatif")
@option("--year", required=True, metavar="YEAR", help=YEAR_HELP)
@option(
    "--failed",
    metavar="CODES",
    help="help.whatif.failed",
)
@option("--pass", "passing", metavar="CODES", help="help.whatif.pass")
@option("--target", metavar="SCORE", help="help.whatif.target")
@option("--catalogue", metavar="FILE.toml", help="help.whatif.catalogue")
@json_option()
@click.pass_obj
def whatif(
    context: Context,
    year: str,
    failed: str | None,
    passing: str | None,
    target: str | None,
    catalogue: str | None,
    as_json: bool,
) -> None:
    from ita_tui.core import oit, scoring

    be_year = parse_be_year(year)
    method = scoring.methodology(be_year)
    goal = scoring.parse_score(target) if target is not None else method.pass_mark
    desk = context.desk()
    items = desk.oit_catalogue(be_year, catalogue)
    assessment = next((a for a in desk.assessments() if a.year == be_year), None)
    if assessment is None:
        raise UserError("whatif.no_assessment", year=be_year)
    if failed is None:
        named = {f.oit_item for f in desk.findings() if f.oit_item and f.assessment_year == be_year}
        for code in named:
            items.item(code)
        failed_codes = [item.code for item in items.items if item.code in named]
    else:
        failed_codes = oit.parse_codes(failed, items)
    result = oit.what_if(
        be_year,
        assessment.scores,
        items,
        failed_codes,
        oit.parse_codes(passing, items),
        targets=tuple(dict.fromkeys((goal, method.pass_mark, method.top_mark))),
    )
    shown = {item.code: item.shown_code for item in items.items}
    still_failing = [c for c in result.failed if c not in result.passing]
    if as_json:
        payload: dict = {
            "year": be_year,
            "failed": [shown[c] for c in result.failed],
            "passing": [shown[c] for c in result.passing],
            "indicators": {str(n): float(v) for n, v in result.indicators.items()},
            "overall": float(result.score.overall),
        }
        payload["grade" if result.score.result_kind == "grade" else "rating"] = (
            result.score.result_th
        )
        payload["passed"] = result.score.passed
        payload["target"] = float(goal)
        fewest = result.fewest[goal]
        payload["fewest_to_target"] = None if fewest is None else [shown[c] for c in fewest]
        payload["item_worth"] = {
            shown[code]: float(scoring.round_half_up(result.worth[code])) for code in still_failing
        }
        payload["items"] = [_item_json(items.item(code), be_year) for code in result.failed]
        payload["provisional"] = {
            "indicators": {str(n): p for n, p in result.provisional_indicators.items()},
            "overall": result.provisional_overall or result.score.provisional_overall,
            result.score.result_kind: result.provisional_overall or result.score.provisional_result,
            "item_worth": {shown[c]: result.provisional_worth[c] for c in still_failing},
        }
        payload["catalogue_source"] = items.source
        say_json(payload)
        return
    n = context.number
    unsure = context.t("whatif.provisional")

    def marked(text: str, provisional: bool) -> str:
        return f"{text} ({unsure})" if provisional else text

    if result.failed:
        say(context.t("whatif.failed_items", number=n(len(result.failed))))
    for code in result.failed:
        item = items.item(code)
        name = item.name
        if item.provisional_name:
            name += f" ({context.t('whatif.name_provisional')})"
        worth = (
            ""
            if code in result.passing
            else marked(
                f"+{n(scoring.round_half_up(result.worth[code]))}", result.provisional_worth[code]
            )
        )
        evidence = (
            context.t("whatif.evidence_year", year=n(_evidence_year(item, be_year)))
            if item.period
            else ""
        )
        say(
            "  "
            + "  ".join(part for part in (f"{item.shown_code} {name}", worth, evidence) if part)
        )
        say("      " + oit.how_known(item, context.lang))
    say(
        context.t(
            "whatif.indicators",
            nine=marked(n(result.indicators[9]), result.provisional_indicators[9]),
            ten=marked(n(result.indicators[10]), result.provisional_indicators[10]),
        )
    )
    say(summary(context, result.score, result.provisional_overall))
    for goal_score, codes in result.fewest.items():
        if codes is None:
            say(context.t("whatif.unreachable", target=n(goal_score)))
        elif not codes:
            say(context.t("whatif.reached", target=n(goal_score)))
        else:
            listed = ", ".join(
                f"{shown[c]} (+{marked(n(scoring.round_half_up(result.worth[c])), result.provisional_worth[c])})"
                for c in codes
            )
            say(context.t("whatif.fewest", target=n(goal_score), count=n(len(codes)), items=listed))


def _evidence_year(item, be_year: int) -> int:
    return be_year if item.period == "current" else be_year - 1


def _item_json(item, be_year: int) -> dict:
    from ita_tui.core import oit

    return {
        "code": item.shown_code,
        "name": item.name,
        "sub_indicator": item.sub_indicator,
        "provisional_name": item.provisional_name,
        "evidence_year": _evidence_year(item, be_year) if item.period else None,
        "known": {
            fact: _known_json(known)
            for fact in oit.FACTS
            if (known := item.known(fact)) is not None
        },
    }


def _known_json(known) -> dict:
    """How one fact is known: "read" with the source's title, address and commit, "inferred"
    with the reason, or "agency"."""
    source = known.source
    if source is None:
        return {"how": known.how}
    if known.how == "read":
        return {
            "how": "read",
            "source": source.id,
            "title": source.title,
            "address": source.address,
            "commit": source.commit or None,
        }
    return {"how": "inferred", "source": source.id, "reason": source.reason_en}

"""Who may do what: the three roles and the rule for each action.

An officer logs progress and ticks the checklists of the measures of their own units; a
supervisor does that for every unit and also edits the plan, sets statuses, records meetings
and writes reports; an administrator does all of that and also manages people and login.
Single-user use (no login required) acts as an administrator under the user's own name.
The store applies these rules and records refusals (ita_tui.db.guard)."""

from dataclasses import field

from ita_tui.core.errors import UserError
from ita_tui.core.model import ROLES, Record

OFFICER, SUPERVISOR, ADMINISTRATOR = ROLES

# Actions an officer may take on the measures of their own units.
OWN_MEASURE_ACTIONS = frozenset({"log_progress", "correct_progress", "tick", "untick", "evidence"})
# Actions only for an administrator; every other action needs a supervisor.
ADMINISTRATOR_ACTIONS = frozenset({"people", "login_setting", "restore"})


class Actor(Record):
    """The person an action is taken as."""

    name: str
    role: str
    login: str | None = None
    person_id: int | None = None
    unit_ids: frozenset[int] = field(default_factory=frozenset)

    def at_least(self, role: str) -> bool:
        return ROLES.index(self.role) >= ROLES.index(role)


def allows(
    actor: Actor,
    action: str,
    measure_id: int | None = None,
    measure_units: set[int] | None = None,
) -> bool:
    """Whether the actor's role allows the action; an officer's own-measure action, on the
    measure of these units (None: a measure that does not exist, left for the action itself to
    report)."""
    if action in ADMINISTRATOR_ACTIONS:
        return actor.at_least(ADMINISTRATOR)
    if actor.at_least(SUPERVISOR):
        return True
    if action not in OWN_MEASURE_ACTIONS or measure_id is None:
        return False
    return measure_units is None or bool(measure_units & actor.unit_ids)


def refusal(actor: Actor, action: str, measure_id: int | None = None) -> UserError:
    """What the actor is told when the action is not theirs to take."""
    if action in OWN_MEASURE_ACTIONS and measure_id is not None:
        return UserError("access.not_your_unit", id=measure_id, name=actor.name)
    needed = ADMINISTRATOR if action in ADMINISTRATOR_ACTIONS else SUPERVISOR
    return UserError(f"access.needs_{needed}", name=actor.name)

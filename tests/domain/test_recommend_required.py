"""Required forces in the recommendation (an activated emergency plan's "1 rapid-response team + 2 patrol
groups"): they head the list, marked, the units already on the incident count toward them, and what no
free unit can fill is said, never dropped."""

from __future__ import annotations

import msgspec

from dispatch_desktop.domain.enums import UnitKind, UnitStatus
from dispatch_desktop.domain.recommend import (
    RecommendConfig,
    Required,
    UnitTable,
    merge_required,
    reason_text,
    recommend,
    unmet,
)
from dispatch_desktop.domain.state import Unit
from tests.domain.test_recommend import AFTERNOON, incident, unit

RAPID, PATROL, TRAFFIC = UnitKind.RAPID_RESPONSE, UnitKind.PATROL_GROUP, UnitKind.TRAFFIC
PLAN = "Knife attack at a railway station"


def roster() -> list[Unit]:
    return [unit("P-near", 300), unit("P-mid", 900), unit("P-far", 2000), unit("T-1", 200, kind=TRAFFIC),
            unit("R-near", 4000, kind=RAPID), unit("R-far", 9000, kind=RAPID)]


def test_required_forces_head_the_list_rapid_first_then_in_the_order_given_then_the_usual_ranking() -> None:
    required = [Required(PATROL, 2, PLAN), Required(RAPID, 1, PLAN)]
    table = UnitTable(roster(), now_ms=AFTERNOON)
    rows = recommend(table, incident(), AFTERNOON, required=required)
    assert [r.unit for r in rows] == ["R-near", "P-near", "P-mid", "T-1", "P-far", "R-far"]
    assert [r.required for r in rows] == [True, True, True, False, False, False]
    assert reason_text(rows[0].reasons[0]) == f"Required: {PLAN}"
    assert unmet(table, incident(), required) == ()
    # The rest is ranked as without requirements: the traffic unit is the fastest of all.
    assert rows[3].reasons[0].code == "fastest"


def test_units_already_on_the_incident_count_toward_the_requirement() -> None:
    units = [*roster(), unit("P-sent", 100, status=UnitStatus.EN_ROUTE, incident="J20251122-ws1-1"),
             unit("R-sent", 100, kind=RAPID, status=UnitStatus.ON_SCENE, incident="J20251122-ws1-1")]
    on_it = incident(units=("P-sent", "R-sent"))
    required = [Required(RAPID, 1, PLAN), Required(PATROL, 2, PLAN)]
    rows = recommend(UnitTable(units, now_ms=AFTERNOON), on_it, AFTERNOON, required=required)
    assert [r.unit for r in rows if r.required] == ["P-near"]  # one patrol group still to go
    recalled = incident(units=("R-sent",))  # the patrol group was recalled: it no longer counts
    rows = recommend(UnitTable(units, now_ms=AFTERNOON), recalled, AFTERNOON, required=required)
    assert [r.unit for r in rows if r.required] == ["P-near", "P-mid"]


def test_a_requirement_no_free_unit_can_fill_is_reported_with_how_many_are_missing() -> None:
    units = [u for u in roster() if u.kind is not RAPID]
    units.append(unit("R-meal", 100, kind=RAPID, status=UnitStatus.UNAVAILABLE))  # on a break: not sendable
    table = UnitTable(units, now_ms=AFTERNOON)
    required = [Required(RAPID, 1, PLAN), Required(PATROL, 4, PLAN)]
    rows = recommend(table, incident(), AFTERNOON, required=required, config=RecommendConfig(include_soon_free=True))
    assert unmet(table, incident(), required) == (Required(RAPID, 1, PLAN), Required(PATROL, 1, PLAN))
    assert [r.unit for r in rows if r.required] == ["P-near", "P-mid", "P-far"]
    assert "R-meal" in [r.unit for r in rows if not r.required]  # listed as soon free, not required
    assert unmet(UnitTable([], now_ms=AFTERNOON), incident(), required[:1]) == (Required(RAPID, 1, PLAN),)
    # Units on the incident count here too: one patrol group there, so none is missing any more.
    sent = unit("P-sent", 100, status=UnitStatus.DISPATCHED, incident="J20251122-ws1-1")
    table = UnitTable([*units, sent], now_ms=AFTERNOON)
    assert unmet(table, incident(units=("P-sent",)), required) == (Required(RAPID, 1, PLAN),)


def test_fresh_positions_go_before_stale_ones_and_required_rows_are_never_cut_by_the_limit() -> None:
    silent = msgspec.structs.replace(unit("P-silent", 50), last_report=AFTERNOON - 5 * 60_000)
    units = [silent, *roster()]
    rows = recommend(UnitTable(units, now_ms=AFTERNOON), incident(), AFTERNOON, required=[Required(PATROL, 4, PLAN)],
                     config=RecommendConfig(limit=2))
    assert [r.unit for r in rows] == ["P-near", "P-mid", "P-far", "P-silent"]


def test_the_rapid_response_rule_still_holds_without_requirements_and_after_them() -> None:
    violent = incident("knife_attack")
    units = [unit("P-near", 300), unit("P-mid", 900), unit("R-near", 1500, kind=RAPID),
             unit("R-far", 9000, kind=RAPID)]
    table = UnitTable(units, now_ms=AFTERNOON)
    plain = recommend(table, violent, AFTERNOON, rapid_response=True)
    assert [r.unit for r in plain] == ["R-near", "P-near", "P-mid", "R-far"]
    assert plain[0].reasons[0].code == "rapid_first" and not any(r.required for r in plain)
    # A patrol group required: it comes first, then the rule puts the team at the top of the rest.
    after = recommend(table, violent, AFTERNOON, rapid_response=True, required=[Required(PATROL, 1, PLAN)])
    assert [r.unit for r in after] == ["P-near", "R-near", "P-mid", "R-far"]
    assert after[1].reasons[0].code == "rapid_first"
    # A rapid team required is the team the rule wants: no second team is pushed up behind it.
    with_rapid = recommend(table, violent, AFTERNOON, rapid_response=True, required=[Required(RAPID, 1, PLAN)])
    assert [r.unit for r in with_rapid] == ["R-near", "P-near", "P-mid", "R-far"]
    assert with_rapid[0].required and with_rapid[0].reasons[0].code == "required"


def test_two_plans_requiring_the_same_kind_get_the_larger_count_with_both_reasons() -> None:
    merged = merge_required([Required(PATROL, 2, "plan A"), Required(TRAFFIC, 1, "plan A"),
                             Required(PATROL, 3, "plan B"), Required(RAPID, 1, "plan B")])
    assert merged == (Required(RAPID, 1, "plan B"), Required(PATROL, 3, "plan A; plan B"),
                      Required(TRAFFIC, 1, "plan A"))

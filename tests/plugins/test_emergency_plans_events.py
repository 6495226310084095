"""The emergency plans' events: what the hub checks before storing them, and what fits in one event."""

from __future__ import annotations

import msgspec
import pytest
from emergency_plans.events import (
    MAX_EVENT_BYTES,
    NAMES,
    PLUGIN_ID,
    SCHEMAS,
    PlanActivated,
    StepTicked,
    activation_event,
    activation_id,
    decode,
)
from emergency_plans.library import load_shipped

from dispatch_desktop.api import events as ev
from tests.plugins.emergency_plans_log import KNIFE_PLAN, Log, knife_plan


def test_an_activation_carries_the_checklist_and_decodes_as_the_hub_reads_it() -> None:
    activated = activation_event("act-1", knife_plan(), "inc-506", by="王警官 010203")
    wire = msgspec.msgpack.encode(activated)
    back = msgspec.msgpack.decode(wire, type=SCHEMAS["plan_activated"])
    assert back == activated
    assert back.steps[1].done_when is not None and back.steps[1].done_when.arrived is not None
    assert back.forces[0].capability.value == "rapid"


def test_an_activation_too_big_for_one_event_is_refused_with_the_plan_named() -> None:
    long_text = {"zh": "字" * 500, "en": "w" * 500}
    steps = [{**KNIFE_PLAN["steps"][6], "id": f"s{n}", "text": long_text} for n in range(20)]
    with pytest.raises(ValueError, match=r"plan railway_knife_attack \(version 3\) takes \d+ bytes"):
        activation_event("act-1", knife_plan(steps=steps), "inc-506")
    fits = activation_event("act-1", knife_plan(steps=steps[:5]), "inc-506")
    assert len(msgspec.msgpack.encode(fits)) <= MAX_EVENT_BYTES


def test_only_this_plugins_events_decode() -> None:
    log = Log()
    ticked = log.own(StepTicked(activation="act-1", step="press_line", note="done"), 10)
    assert decode(ticked) == StepTicked(activation="act-1", step="press_line", note="done")
    other = log.add("ws-1", ev.PluginEvent(plugin="shift_log", name="step_ticked",
                                           data=msgspec.msgpack.encode({"activation": "a", "step": "b"})), 11)
    assert decode(other) is None
    garbled = log.add("ws-1", ev.PluginEvent(plugin=PLUGIN_ID, name="step_ticked",
                                             data=msgspec.msgpack.encode({"step": 3})), 12)
    assert decode(garbled) is None  # skipped, not fatal


def test_the_hub_refuses_a_step_ticked_with_a_field_it_does_not_know() -> None:
    wire = msgspec.msgpack.encode({"activation": "a", "step": "b", "colour": "red"})
    with pytest.raises(msgspec.ValidationError, match="colour"):
        msgspec.msgpack.decode(wire, type=StepTicked)


def test_every_event_has_a_name_a_manifest_can_declare() -> None:
    assert set(SCHEMAS) == {"plan_activated", "plan_deactivated", "step_ticked", "step_unticked", "step_escalated",
                            "report_exported"}
    assert all(NAMES[schema] == name for name, schema in SCHEMAS.items())
    assert all(schema.__struct_config__.frozen for schema in SCHEMAS.values())
    assert PlanActivated in NAMES


def test_activation_ids_fit_the_events_id_and_differ_after_a_reactivation() -> None:
    first = activation_id("inc-" + "9" * 60, "railway_knife_attack", 1200)
    again = activation_id("inc-" + "9" * 60, "railway_knife_attack", 1350)
    assert len(first) <= 64 and first != again
    msgspec.convert({"activation": first, "step": "s"}, StepTicked)


def test_every_shipped_plan_fits_in_one_activation_event() -> None:
    library = load_shipped()
    assert library.plans and not library.problems
    for plan in library.plans:
        size = len(msgspec.msgpack.encode(activation_event("inc-0001:" + plan.id, plan, "inc-0001")))
        assert size <= MAX_EVENT_BYTES, plan.id

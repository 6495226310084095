"""A plugin's history from the store: only its own events, in a stretch of the log, read through the index
of plugin events (``ix_events_plugin``, migration 0007) on SQLite and PostgreSQL."""

from __future__ import annotations

import msgspec
import pytest
import sqlalchemy as sa
from alembic import command

from dispatch_desktop.domain import events as ev
from dispatch_desktop.store import EventStore, migrate
from dispatch_desktop.store.schema import PLUGIN_EVENT_CODE
from tests.store.conftest import StoreFactory
from tests.store.samples import T0, position
from tests.store.test_migrations import index_definition, revision, squeezed

LONG_ID = "x" + "y" * 39  # 40 characters: a longer MessagePack string header than the short ids'
PLUGINS = ("ab", "abc", "shift_log", LONG_ID)  # "ab" starts "abc": an id must match whole


def recorded(plugin: str, seq: int) -> ev.Envelope:
    body = ev.PluginEvent(plugin=plugin, name="entry_added", data=msgspec.msgpack.encode({"seq": seq}),
                          incident="J-1", operator="王伟 012345")
    return ev.envelope("ws-1", seq, body, t_src=T0 + seq, t_hub=T0 + seq)


def day(store: EventStore, rounds: int = 30) -> list[tuple[int, ev.Envelope]]:
    """Position reports with the plugins' events among them; (gseq, event) of the plugin events."""
    events: list[ev.Envelope] = []
    for n in range(rounds):
        events += [position("P-0001", n * 3 + k + 1, T0 + n * 10 + k) for k in range(3)]
        events.append(recorded(PLUGINS[n % len(PLUGINS)], n + 1))
    appended = store.append(events)
    return [(result.gseq, event) for event, result in zip(events, appended, strict=True)
            if isinstance(event.body, ev.PluginEvent)]


def of(stored: list[tuple[int, ev.Envelope]], *plugins: str) -> list[tuple[int, ev.Envelope]]:
    return [(gseq, event) for gseq, event in stored if isinstance(event.body, ev.PluginEvent)
            and event.body.plugin in plugins]


def test_a_plugins_history_holds_its_events_only_whole_and_in_order(store: EventStore) -> None:
    stored = day(store)
    for plugin in PLUGINS:
        assert list(store.read_plugin_events(plugins=[plugin])) == of(stored, plugin), plugin
    assert list(store.read_plugin_events(plugins=["abc", LONG_ID])) == of(stored, "abc", LONG_ID)
    assert list(store.read_plugin_events()) == stored  # no ids: every plugin's
    assert list(store.read_plugin_events(plugins=["nobody"])) == []


def test_a_stretch_of_a_plugins_history_is_bounded_on_both_sides_and_by_count(store: EventStore) -> None:
    stored = of(day(store), "shift_log")
    first, last = stored[1][0], stored[4][0]
    assert list(store.read_plugin_events(first, last, ["shift_log"])) == stored[2:5]
    assert list(store.read_plugin_events(first, None, ["shift_log"], limit=2)) == stored[2:4]
    assert list(store.read_plugin_events(0, None, ["shift_log"], limit=0)) == []


def test_a_plugins_history_comes_back_whole_across_the_stores_reading_chunks(
    store: EventStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("dispatch_desktop.store.event_store.CHUNK", 2)
    stored = of(day(store), "ab")
    assert list(store.read_plugin_events(plugins=["ab"])) == stored and len(stored) > 4


def test_sqlite_reads_a_plugins_history_through_the_index_of_plugin_events(open_store: StoreFactory,
                                                                          tmp_path: object) -> None:
    store = open_store(f"sqlite:///{tmp_path}/events.sqlite3")
    query = store._plugin_query(0, 100, ("shift_log",))(None)
    with store._engine.connect() as conn:
        sql = str(query.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
        plan = " ".join(str(row) for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
    assert "USING INDEX ix_events_plugin" in plan, plan


def test_the_migration_adds_the_index_of_plugin_events_and_takes_it_back(open_store: StoreFactory,
                                                                        url: str) -> None:
    open_store(url).close()
    engine = sa.create_engine(url)
    config = migrate.alembic_config()
    try:
        with engine.connect() as conn:
            assert squeezed(index_definition(conn, "ix_events_plugin")).endswith(
                squeezed(f"gseq WHERE kind = {PLUGIN_EVENT_CODE}"))
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0006_units")
        with engine.connect() as conn:
            assert index_definition(conn, "ix_events_plugin") == ""
    finally:
        engine.dispose()
    store = open_store(url)  # upgraded again on opening
    assert revision(url) == migrate.head_revision() == "0007_plugin_events"
    store.append([recorded("shift_log", 1)])
    assert [event.body for _g, event in store.read_plugin_events(plugins=["shift_log"])] == [
        recorded("shift_log", 1).body]

"""``db check``: a whole store passes, each kind of damage is found and named, and the store is never
written to, not even when the check is stopped half-way."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from dispatch_desktop.store import EventStore
from dispatch_desktop.store import check as store_check
from dispatch_desktop.store.check import CannotCheck, Finding, Interrupted, Status, StoreCheck, verdict
from dispatch_desktop.store.location import Found, inspect
from tests.postgres import UrlFactory
from tests.store.damaged import DAMAGE, EVENTS, fill, fingerprint, root_page, scramble_page, spoiled_store, write_store


def _findings(url: str, **options: object) -> dict[str, Finding]:
    return {finding.check: finding for finding in StoreCheck(url, **options).run()}  # type: ignore[arg-type]


@pytest.fixture
def stored(new_url: UrlFactory) -> str:
    """A store on each backend with every kind of event, position reports and two keyframes."""
    return fill(new_url())


def test_a_whole_store_is_healthy(stored: str) -> None:
    findings = _findings(stored)
    assert findings["gseq"].status is Status.PASSED and f"1..{EVENTS:,}" in findings["gseq"].detail
    assert findings["live keyframe"].status is Status.PASSED and "gseq 2,000" in findings["live keyframe"].detail
    assert findings["newest events"].status is Status.PASSED
    engine_check = findings.get("integrity_check") or findings["amcheck"]
    assert engine_check.status in (Status.PASSED, Status.SKIPPED)  # amcheck: only if installed
    assert verdict(list(findings.values()))[0] == 0


def test_a_hole_in_the_log_is_found(stored: str) -> None:
    engine = sa.create_engine(stored)
    with engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM events WHERE gseq IN (7, 8)")
    engine.dispose()
    findings = _findings(stored)
    assert findings["gseq"].status is Status.FAILED
    assert findings["gseq"].detail.startswith(f"2 events missing from gseq 1..{EVENTS:,}")
    code, words = verdict(list(findings.values()))
    assert code == 1 and "restore the event store from your backup" in words


def test_a_damaged_keyframe_is_found_and_its_cure_is_a_rewrite(stored: str) -> None:
    engine = sa.create_engine(stored)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE snapshots SET data = :junk WHERE gseq = 2000"), {"junk": b"DDK2 not zlib"})
    engine.dispose()
    findings = _findings(stored)
    assert findings["live keyframe"].status is Status.FAILED
    assert "gseq 2,000, does not decode" in findings["live keyframe"].detail
    code, words = verdict(list(findings.values()))
    assert code == 1 and "db keyframes" in words
    assert findings["gseq"].status is Status.PASSED  # the events themselves are whole


def test_a_scrambled_index_is_found_by_the_page_check_alone(tmp_path: Path) -> None:
    """Opening reads the tables' newest pages, not this index: only the page check can find it."""
    path = tmp_path / "events.sqlite3"
    url = write_store(path)
    page = root_page(path, "ix_events_seq_epoch")
    scramble_page(path, "ix_events_seq_epoch")
    assert inspect(url).found is Found.STORE
    before = fingerprint(path)
    for quick in (False, True):
        findings = _findings(url, quick=quick)
        name = "quick_check" if quick else "integrity_check"
        assert findings[name].status is Status.FAILED, findings[name]
        assert f"Page {page}" in findings[name].detail
        assert verdict(list(findings.values()))[0] == 1
    assert fingerprint(path) == before


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_file_is_reported_damaged_and_left_as_it_was(tmp_path: Path, damage: str) -> None:
    path, url, _code, before = spoiled_store(tmp_path, damage)
    findings = list(StoreCheck(url).run())
    assert findings[0].check == "store" and findings[0].status is Status.FAILED
    assert str(path) in findings[0].detail
    exit_code, words = verdict(findings)
    assert exit_code == 1 and words.startswith("verdict: DAMAGED")
    assert fingerprint(path) == before


def test_nothing_there_cannot_be_checked(tmp_path: Path) -> None:
    missing = tmp_path / "events.sqlite3"
    with pytest.raises(CannotCheck, match="no event store at"):
        list(StoreCheck(f"sqlite:///{missing}").run())
    assert not missing.exists()
    missing.write_bytes(b"")
    with pytest.raises(CannotCheck, match="holds no tables"):
        list(StoreCheck(f"sqlite:///{missing}").run())


def test_progress_is_reported_and_stopping_ends_the_check_untouched(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "events.sqlite3"
    url = write_store(path)
    before = fingerprint(path)
    monkeypatch.setattr(store_check, "CHUNK", 500)
    seen: list[tuple[str, int, int]] = []
    list(StoreCheck(url, progress=lambda *step: seen.append(step)).run())
    counted = [(done, total) for what, done, total in seen if what == "events"]
    assert counted[0] == (0, EVENTS) and counted[-1] == (EVENTS, EVENTS)
    assert [done for done, _ in counted] == sorted(done for done, _ in counted) and len(counted) > 3
    assert any(what == "integrity_check" for what, _, _ in seen)

    # Stopped in the log pass, after its second chunk
    steps: list[tuple[str, int, int]] = []
    check = StoreCheck(url, progress=lambda *step: steps.append(step),
                       stopped=lambda: sum(what == "events" for what, _, _ in steps) >= 2)
    with pytest.raises(Interrupted):
        list(check.run())
    # ... and inside SQLite's own page check, before it has a finding
    done: list[str] = []
    with pytest.raises(Interrupted):
        done.extend(finding.check for finding in StoreCheck(url, stopped=lambda: True).run())
    assert done == ["store", "schema"]
    assert fingerprint(path) == before


@pytest.fixture
def amcheck_url(pg_schema: tuple[str, sa.Engine]) -> str:
    """A PostgreSQL store in a schema of its own, with amcheck installed there."""
    url, engine = pg_schema
    with engine.begin() as conn:
        if conn.exec_driver_sql("SELECT 1 FROM pg_available_extensions WHERE name = 'amcheck'").first() is None:
            pytest.skip("the PostgreSQL server has no amcheck")
        conn.exec_driver_sql("CREATE EXTENSION amcheck")
    EventStore.open(url).close()
    return url


@pytest.mark.postgres
def test_postgresql_indexes_and_tables_are_verified_by_amcheck(amcheck_url: str) -> None:
    findings = _findings(amcheck_url)
    assert findings["amcheck"].status is Status.PASSED
    assert "indexes" in findings["amcheck"].detail and "verified" in findings["amcheck"].detail
    assert verdict(list(findings.values()))[0] == 0

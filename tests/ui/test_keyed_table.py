"""``KeyedTableModel`` keeps its row index right however rows go: a few runs (one signal each) or rows gone
all over the table (one reset, as a replay jumping back past thousands of incidents does)."""

from __future__ import annotations

from typing import Any

from dispatch_desktop.ui.models.keyed_table import Column, KeyedTableModel


class _Table(KeyedTableModel):
    def __init__(self, records: dict[str, str]) -> None:
        super().__init__([Column("Name", lambda record: str(record))])
        self.records = records

    def record(self, key: str) -> Any | None:
        return self.records.get(key)


def _table(count: int) -> _Table:
    table = _Table({f"k{n:03d}": f"v{n}" for n in range(count)})
    table.reset(table.records)
    return table


def _consistent(table: _Table) -> None:
    keys = table.keys()  # the table's row keys, in row order (a method, not a dict's view)
    assert [table.row_of(key) for key in keys] == list(range(table.rowCount()))
    assert all(table.record_at(row) == table.records[table.key_at(row)] for row in range(table.rowCount()))


def test_a_few_runs_removed_are_one_signal_each_and_the_rows_renumbered(qtbot) -> None:  # type: ignore[no-untyped-def]
    table = _table(20)
    removed: list[tuple[int, int]] = []
    table.rowsRemoved.connect(lambda _parent, first, last: removed.append((first, last)))
    gone = ["k002", "k003", "k010", "k019"]
    for key in gone:
        del table.records[key]
    table.sync(gone)
    assert removed == [(19, 19), (10, 10), (2, 3)]
    assert table.keys() == [f"k{n:03d}" for n in range(20) if f"k{n:03d}" not in gone]
    _consistent(table)


def test_rows_gone_all_over_the_table_are_one_reset(qtbot) -> None:  # type: ignore[no-untyped-def]
    table = _table(300)
    resets: list[int] = []
    removed: list[tuple[int, int]] = []
    table.modelReset.connect(lambda: resets.append(1))
    table.rowsRemoved.connect(lambda _parent, first, last: removed.append((first, last)))
    gone = [f"k{n:03d}" for n in range(0, 300, 3)]  # 100 separate runs
    for key in gone:
        del table.records[key]
    table.sync(gone)
    assert resets == [1] and removed == []
    remaining = table.keys()
    assert table.rowCount() == 200 and "k000" not in remaining
    _consistent(table)

"""Tabbed panels keep their whole titles: a narrow column with many tabs scrolls its tab bar instead of
cutting the titles down to "调…" (a laptop's right column holds seven tabs)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabBar


def test_tabbed_panels_show_whole_titles_and_scroll_when_they_do_not_fit(qtbot, make_workstation) -> None:  # type: ignore[no-untyped-def]
    window = make_workstation()
    titles = ["派出所职责清单", "派出所警情负荷", "值班表", "值班日志", "调度派警记录"]
    for n, title in enumerate(titles):
        window.add_panel(QLabel(title), title, name=f"extra_{n}", tabify_with="alerts")
    window.resize(900, 600)
    window.show()
    qtbot.waitExposed(window)
    bars = [bar for bar in window.findChildren(QTabBar) if bar.isVisible()
            and {bar.tabText(i) for i in range(bar.count())} >= set(titles)]
    assert len(bars) == 1
    [bar] = bars
    assert bar.elideMode().name == "ElideNone" and bar.usesScrollButtons()
    for index in range(bar.count()):  # every tab as wide as its title
        assert bar.tabRect(index).width() >= bar.fontMetrics().horizontalAdvance(bar.tabText(index)), bar.tabText(index)

"""The plugins' intake advisors asked together, each in the guard: the most confident advice wins."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from dispatch_desktop.api.intake import IntakeAdvice, IntakeAdvisor, IntakeDraft
from dispatch_desktop.ui.plugins.guard import Fault, PluginGuard


class AdviceBoard:
    def __init__(self, guard: PluginGuard, names: Callable[[str], str]) -> None:
        self._guard = guard
        self._names = names
        self._advisors: list[tuple[str, IntakeAdvisor]] = []

    def add(self, plugin: str, advisor: IntakeAdvisor) -> Callable[[], None]:
        entry = (plugin, advisor)
        self._advisors.append(entry)
        return lambda: self._advisors.remove(entry) if entry in self._advisors else None

    def advise(self, draft: IntakeDraft) -> tuple[IntakeAdvice, str] | None:
        best: tuple[IntakeAdvice, str] | None = None
        for plugin, advisor in list(self._advisors):
            advice = self._guard.call(plugin, advisor, draft, what="intake advisor")
            if advice is None:
                continue
            if not isinstance(advice, IntakeAdvice):
                self._guard.record(Fault(plugin, "intake advisor", QCoreApplication.translate(
                    "Plugins", "gave a {kind}, not an IntakeAdvice").format(kind=type(advice).__name__), ""))
                continue
            if best is None or advice.confidence > best[0].confidence:
                best = (advice, self._names(plugin))
        return best

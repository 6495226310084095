"""The station duty plugin as shipped: its compiled catalogue is its translations' sources compiled (so no
text is shown in English on a Chinese desk because someone forgot to rebuild), and its manifest checks."""

from __future__ import annotations

import subprocess
from pathlib import Path

from dispatch_desktop.extensions.validate import validate_plugin

PACKAGE = Path(__file__).parents[2] / "plugins" / "station_duty" / "station_duty"


def test_the_shipped_catalogue_is_the_translation_sources_compiled(tmp_path: Path) -> None:
    from dispatch_desktop.ui.i18n import lrelease_executable

    sources = sorted((PACKAGE / "translations" / "src").glob("*_zh_CN.ts"))
    assert len(sources) >= 2
    built = tmp_path / "station_duty_zh_CN.qm"
    subprocess.run([str(lrelease_executable()), *map(str, sources), "-qm", str(built)], check=True,
                   capture_output=True)
    shipped = PACKAGE / "translations" / "station_duty_zh_CN.qm"
    assert shipped.read_bytes() == built.read_bytes(), (
        "rebuild it: lrelease plugins/station_duty/station_duty/translations/src/*_zh_CN.ts "
        "-qm plugins/station_duty/station_duty/translations/station_duty_zh_CN.qm")


def test_the_manifest_and_everything_it_names_check() -> None:
    result = validate_plugin(PACKAGE.parent)
    assert result.manifest is not None and result.manifest.id == "station_duty"
    assert result.problems == []


def test_every_department_of_the_shipped_triage_rules_is_one_the_desk_can_refer_to() -> None:
    from station_duty.referral import TO_DEPARTMENT, department_code
    from station_duty.triage import DEFAULT_RULES, load_rules

    names = {rule.name for rule in load_rules(DEFAULT_RULES).departments}
    assert names - set(TO_DEPARTMENT) == set()
    assert all(department_code(name) for name in names)
    assert department_code("公安") == ""

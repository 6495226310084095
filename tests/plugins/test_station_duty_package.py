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

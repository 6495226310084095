"""Installed plugins are found through their entry points without running their code."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from dispatch_desktop.extensions.discovery import discover, load_manifest_path
from dispatch_desktop.extensions.problems import ManifestError
from tests.extensions.plugin_dists import PluginDists, manifest_text


def test_an_installed_plugin_is_found_with_its_manifest_and_distribution(plugin_dists: PluginDists) -> None:
    plugin_dists.make("night_log", manifest_text("night_log"), distribution="dispatch-night-log", version="1.2.0")
    (found,) = discover(plugin_dists.entry_points())
    assert found.loadable and found.manifest is not None
    assert (found.id, found.manifest.name) == ("night_log", "Night log")
    assert (found.distribution, found.distribution_version) == ("dispatch-night-log", "1.2.0")
    assert found.entry_point == "night_log = night_log:dispatch_plugin.toml"


def test_the_default_discovery_reads_the_entry_points_of_sys_path(plugin_dists: PluginDists) -> None:
    plugin_dists.make("night_log", manifest_text("night_log"))
    assert "night_log" in [plugin.id for plugin in discover()]


def test_a_plugin_whose_package_raises_on_import_is_listed_without_being_run(plugin_dists: PluginDists) -> None:
    plugin_dists.make("crashy", manifest_text("crashy"), {"__init__.py": "raise SystemExit('boom at import')\n"})
    (found,) = discover(plugin_dists.entry_points())
    assert found.loadable and found.manifest is not None and found.manifest.id == "crashy"
    assert "crashy" not in sys.modules


def test_a_broken_manifest_is_listed_with_its_problems(plugin_dists: PluginDists) -> None:
    plugin_dists.make("night_log", manifest_text("night_log").replace('api = ">=1.0,<2"', 'api = "1.0"'))
    (found,) = discover(plugin_dists.entry_points())
    assert found.manifest is None and not found.loadable
    assert found.id == "night_log"  # the entry point's name, so the user recognises it
    (problem,) = found.problems
    assert problem.source.endswith("night_log/dispatch_plugin.toml") and problem.field == "plugin.api"


@pytest.mark.parametrize(
    ("manifest", "entry_point", "expected"),
    [
        (None, "", "dispatch_plugin.toml does not exist; the distribution must include it"),
        ("x", "gone:dispatch_plugin.toml", "the package gone is not installed"),
        ("x", "night_log.sub:dispatch_plugin.toml", "must name a top-level package and the manifest inside it"),
        ("x", "night_log", "must name a top-level package and the manifest inside it"),
        ("x", "night_log:../dispatch_plugin.toml", "must name a top-level package and the manifest inside it"),
    ],
)
def test_an_entry_point_that_leads_to_no_manifest_says_why(plugin_dists: PluginDists, manifest: str | None,
                                                           entry_point: str, expected: str) -> None:
    plugin_dists.make("night_log", manifest and manifest_text("night_log"), entry_point=entry_point)
    (found,) = discover(plugin_dists.entry_points())
    assert found.manifest is None
    (problem,) = found.problems
    assert expected in str(problem)
    assert str(problem).startswith("entry point night_log = ")


def test_two_plugins_of_one_id_are_both_reported_and_neither_loaded(plugin_dists: PluginDists) -> None:
    plugin_dists.make("night_log", manifest_text("night_log"), distribution="dispatch-night-log")
    plugin_dists.make("night_log_fork", manifest_text("night_log").replace("night_log.plugin", "night_log_fork.plugin"),
                      distribution="night-log-fork", version="0.9")
    first, second = discover(plugin_dists.entry_points())
    assert not first.loadable and not second.loadable
    assert "also the id of night-log-fork 0.9; neither is loaded" in str(first.problems[-1])
    assert "also the id of dispatch-night-log 1.0.0; neither is loaded" in str(second.problems[-1])


def test_one_distribution_seen_twice_on_the_path_is_one_plugin(plugin_dists: PluginDists) -> None:
    plugin_dists.make("night_log", manifest_text("night_log"))
    entry_points = plugin_dists.entry_points()
    (found,) = discover([*entry_points, *entry_points])
    assert found.loadable


def _source_tree(root: Path, layout: str) -> Path:
    package = root / ("src/night_log" if layout == "src" else "night_log")
    package.mkdir(parents=True)
    (package / "dispatch_plugin.toml").write_text(manifest_text("night_log"), encoding="utf-8")
    if layout == "pyproject":  # the declared one wins over another manifest (an example, a test fixture)
        (root / "examples").mkdir()
        (root / "examples" / "dispatch_plugin.toml").write_text(manifest_text("example"), encoding="utf-8")
        pyproject = ('[project]\nname = "x"\n[project.entry-points."dispatch_desktop.plugins"]\n'
                     'night_log = "night_log:dispatch_plugin.toml"\n')
        (root / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    return package


@pytest.mark.parametrize("layout", ["flat", "src", "pyproject"])
def test_validate_finds_the_manifest_of_a_source_tree(tmp_path: Path, layout: str) -> None:
    package = _source_tree(tmp_path, layout)
    for path in (tmp_path, package, package / "dispatch_plugin.toml"):  # the project, its package, the file
        assert load_manifest_path(path).source == package / "dispatch_plugin.toml"


def test_a_source_tree_without_a_manifest_says_so(tmp_path: Path) -> None:
    with pytest.raises(ManifestError, match=r"no dispatch_plugin\.toml in this folder"):
        load_manifest_path(tmp_path)
    with pytest.raises(ManifestError, match="there is no such file or folder"):
        load_manifest_path(tmp_path / "nowhere")

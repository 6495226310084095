"""``dispatch-desktop plugins list | validate | enable | disable`` and the plugins' own subcommands, as a
user types them (through the command line's ``main``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dispatch_desktop.cli import main
from dispatch_desktop.extensions import sentinel
from dispatch_desktop.extensions.paths import state_dir
from tests.extensions.plugin_dists import PluginDists, manifest_text

COMMAND = """
    settings = "night_log.settings:Settings"

    [[commands]]
    name = "night-log"
    help = "Print the night log"
    entry = "night_log.cli:main"
    """
FILES = {
    "settings.py": "import msgspec\nclass Settings(msgspec.Struct):\n    hours: int = 12\n",
    "cli.py": """\
        import json

        def main(argv, cli):
            if argv[:1] == ["fail"]:
                raise RuntimeError("the printer is on fire")
            if argv[:1] == ["exit"]:
                raise SystemExit(int(argv[1]))
            print(json.dumps({"argv": argv, "plugin": cli.plugin_id, "data_dir": str(cli.data_dir),
                              "hours": cli.settings.hours, "db": cli.database_url}))
            return 3 if argv[:1] == ["three"] else 0
        """,
}


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:  # argparse's own errors
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def night_log(plugin_dists: PluginDists, user_data: Path) -> PluginDists:
    plugin_dists.make("night_log", manifest_text("night_log", extra=COMMAND), FILES, version="1.0.0")
    return plugin_dists


def test_list_shows_each_plugin_with_version_api_and_status(night_log: PluginDists,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    night_log.make("old_radio", manifest_text("old_radio", api=">=0.1,<1", version="0.3"))
    night_log.make("broken", manifest_text("broken").replace('api = ">=1.0,<2"', 'api = "1.0"'))
    code, out, _ = _run(capsys, "plugins", "list")
    assert code == 0
    lines = [" ".join(line.split()) for line in out.splitlines()]
    assert lines[0] == "ID NAME VERSION API STATUS"
    assert "night_log Night log 1.0.0 >=1.0,<2 enabled" in lines
    assert "old_radio Old radio 0.3 >=0.1,<1 incompatible API" in lines
    assert "broken - 1.0.0 - broken manifest" in lines
    broken = lines.index("broken - 1.0.0 - broken manifest")
    assert 'plugin.api is "1.0"; it is not a range of API versions' in lines[broken + 1]


def test_list_as_json(night_log: PluginDists, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "plugins", "list", "--json")
    assert code == 0
    (entry,) = [entry for entry in json.loads(out) if entry["id"] == "night_log"]
    assert entry == {"id": "night_log", "name": "Night log", "version": "1.0.0", "api": ">=1.0,<2",
                     "status": "enabled", "detail": "", "distribution": "dispatch-night-log",
                     "distribution_version": "1.0.0", "entry_point": "night_log = night_log:dispatch_plugin.toml"}


def _status(capsys: pytest.CaptureFixture[str], plugin_id: str) -> str:
    _, out, _ = _run(capsys, "plugins", "list", "--json")
    return next(entry["status"] for entry in json.loads(out) if entry["id"] == plugin_id)


def test_disable_and_enable_are_remembered(night_log: PluginDists, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "plugins", "disable", "night_log")
    assert (code, out) == (0, "night_log disabled; the change applies when a desk next starts.\n")
    assert _status(capsys, "night_log") == "disabled by user"
    assert _run(capsys, "plugins", "enable", "night_log")[0] == 0
    assert _status(capsys, "night_log") == "enabled"


def test_a_crash_at_the_last_start_shows_in_the_list(night_log: PluginDists,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    from dispatch_desktop.extensions.discovery import discover
    from dispatch_desktop.extensions.state import PluginStates
    from dispatch_desktop.extensions.status import start_plugins

    sentinel.arm("night_log")
    start_plugins(discover(), PluginStates.load())
    assert (state_dir() / sentinel.SENTINEL_FILE).exists() is False
    assert _status(capsys, "night_log") == "disabled: crashed last start"


def test_enabling_an_unknown_plugin_names_the_installed_ones(night_log: PluginDists,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "plugins", "enable", "night_logg")
    assert code == 1
    assert "there is no plugin 'night_logg' (installed: " in err and "night_log" in err


def test_a_plugin_command_runs_with_its_arguments_and_context(night_log: PluginDists, user_data: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "night-log", "--since", "08:00")
    assert (code, err) == (0, "")
    assert json.loads(out) == {"argv": ["--since", "08:00"], "plugin": "night_log",
                               "data_dir": str(user_data / "plugins" / "night_log"), "hours": 12,
                               "db": f"sqlite:///{user_data / 'events.sqlite3'}"}
    assert _run(capsys, "night-log", "three")[0] == 3
    assert _run(capsys, "-v", "night-log", "exit", "4")[0] == 4


def test_a_plugin_command_that_raises_is_one_sentence_naming_the_plugin(night_log: PluginDists,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "night-log", "fail")
    assert code == 1
    assert err.splitlines() == [
        "dispatch-desktop night-log: the command of plugin night_log failed: RuntimeError: the printer is on fire",
        "dispatch-desktop night-log: run 'dispatch-desktop -v night-log ...' for the traceback.",
    ]


def test_the_command_of_a_disabled_plugin_says_how_to_enable_it(night_log: PluginDists,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    _run(capsys, "plugins", "disable", "night_log")
    code, out, err = _run(capsys, "night-log")
    assert (code, out) == (2, "")
    assert "this is a command of plugin night_log, which is disabled by user" in err
    assert "dispatch-desktop plugins enable night_log" in err


def test_a_command_no_plugin_has_is_an_unknown_command(night_log: PluginDists,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "night-logs")
    assert code == 2 and "invalid choice: 'night-logs'" in err


def test_help_lists_the_enabled_plugins_commands(night_log: PluginDists, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--help")
    assert code == 0
    assert "commands of the enabled plugins:" in out
    assert "night-log Print the night log (plugin night_log)" in " ".join(out.split())


GOOD_TREE = {
    "plugin.py": """\
        from dispatch_desktop.api.hookspecs import hookimpl

        @hookimpl
        def activate(desk):
            pass
        """,
    "panel.py": "def EntriesPanel(desk):\n    return None\n",
    "actions.py": "def note(desk, incident):\n    pass\n\ndef can_note(desk, incident):\n    return True\n",
    "events.py": "import msgspec\nclass EntryAdded(msgspec.Struct, frozen=True):\n    text: str\n",
    "translations/night_log_zh_CN.qm": "",
    **FILES,
}
CONTRIBUTIONS = """
    translations = "translations"
    """ + COMMAND + """
    [[panels]]
    id = "night_log.entries"
    title = "Night log"
    area = "right"
    factory = "night_log.panel:EntriesPanel"

    [[incident_actions]]
    id = "night_log.note"
    title = "Note it"
    handler = "night_log.actions:note"
    enabled = "night_log.actions:can_note"

    [[events]]
    name = "entry_added"
    schema = "night_log.events:EntryAdded"
    """


def test_validate_a_sound_plugin(source_tree: PluginDists, user_data: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    source_tree.make("night_log", manifest_text("night_log", extra=CONTRIBUTIONS), GOOD_TREE)
    code, out, _ = _run(capsys, "plugins", "validate", str(source_tree.root))
    assert (code, out) == (0, "night_log 1.0.0: no problems found.\n")


def test_validate_reports_each_problem_of_the_code_and_fails(source_tree: PluginDists, user_data: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    broken = {
        **GOOD_TREE,
        "plugin.py": "from dispatch_desktop.api.hookspecs import hookimpl\n\n@hookimpl\ndef activate(window):\n"
                     "    pass\n",
        "panel.py": "EntriesPanel = 'a panel'\n",
        "actions.py": "raise ValueError('half written')\n",
        "events.py": "import PyQt6\nimport msgspec\nclass EntryAdded(msgspec.Struct, frozen=True):\n    text: str\n",
        "../PyQt6/__init__.py": "",  # a stand-in for a Qt binding, since this process has Qt blocked
    }
    source_tree.packages.add("PyQt6")
    manifest = manifest_text("night_log", extra=CONTRIBUTIONS).replace('"translations"', '"i18n"')
    package = source_tree.make("night_log", manifest, broken)
    code, out, err = _run(capsys, "plugins", "validate", str(package))
    assert code == 1
    assert err == "night_log 1.0.0: 6 problems.\n"
    where = f"{package / 'dispatch_plugin.toml'}: "
    problems = out.splitlines()
    assert all(problem.startswith(where) for problem in problems)
    found = "\n".join(problems)
    assert "events[0].schema 'night_log.events:EntryAdded': importing it imported PyQt6; the hub imports" in found
    assert ("plugin.module 'night_log.plugin': a @hookimpl does not match the desk's hooks: Plugin 'night_log' for "
            "hook 'activate'; hookimpl definition: activate(window); Argument(s) {'window'}") in found
    assert "panels[0].factory 'night_log.panel:EntriesPanel' is a str, not something the desk can call" in found
    assert ("incident_actions[0].handler 'night_log.actions:note': importing night_log.actions failed: ValueError: "
            "half written") in found
    assert "incident_actions[0].enabled 'night_log.actions:can_note': importing night_log.actions failed" in found
    assert "plugin.translations is 'i18n', but there is no such folder" in found


def test_validate_a_broken_manifest_lists_its_problems(tmp_path: Path, user_data: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "dispatch_plugin.toml"
    path.write_text(manifest_text("core").replace('version = "1.0.0"', 'version = "one"'), encoding="utf-8")
    code, out, err = _run(capsys, "plugins", "validate", str(path))
    assert code == 1
    assert out.splitlines() == [
        f'{path}: plugin.id is "core"; it is reserved for the built-in panels; choose another id.',
        f'{path}: plugin.version is "one"; it is not a version number; write one like "1.0.0".',
    ]
    assert err == f"{path}: 2 problems.\n"

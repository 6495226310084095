"""The plugin host, without Qt: what the desk, the hub and the command line need to know about plugins
before (and apart from) running any plugin code.

- ``manifest``: a plugin's ``dispatch_plugin.toml`` read and checked (every problem, with its field);
- ``discovery``: the installed plugins (entry points of ``dispatch_desktop.plugins``), found without
  importing them;
- ``state`` and ``sentinel``: enabled / disabled per user, and the plugin that crashed the last start;
- ``status``: one status per plugin (enabled, disabled by the user, crashed, incompatible, broken, missing)
  and the start-up choice of which to activate;
- ``settings`` and ``paths``: each plugin's stored settings and its data directory;
- ``policy``: the hub's check of plugin events against the installed manifests;
- ``validate`` and ``plugin_cli``: ``dispatch-desktop plugins validate`` and the plugins' own subcommands
  (``CliContext``);
- ``event_relay``: the applied events to the plugins' listeners, for the desk.

Plugins never import this package: they import ``dispatch_desktop.api``.
"""

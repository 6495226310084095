"""Qt-free controllers of the workstation: what the desk does, apart from how it is drawn.

The widgets in ``dispatch_desktop.ui`` subscribe to these and call them; none of them imports Qt (a test
enforces it), so the rules a dispatcher depends on (a draft is never lost, a command is never dropped
silently, an overdue timer always raises an alert) are tested without a screen.
"""

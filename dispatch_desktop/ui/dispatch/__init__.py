"""110 call intake and dispatch: the intake form, the recommend-and-dispatch panel and the link that
joins them (``desk``) so a call becomes a unit on its way with the keyboard alone."""

"""Qt models over the projected state: they emit, views subscribe."""

"""Qt widgets: the main window and its panels. Layout and forwarding only."""

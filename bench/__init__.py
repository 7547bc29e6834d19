"""Performance figures, printed as JSON by ``python -m bench``."""

"""Analysis: see the README's architecture section."""

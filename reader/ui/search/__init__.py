"""Search: see the README's architecture section."""

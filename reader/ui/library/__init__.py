"""Library: see the README's architecture section."""

"""Common: see the README's architecture section."""

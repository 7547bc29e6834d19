"""Reading: see the README's architecture section."""

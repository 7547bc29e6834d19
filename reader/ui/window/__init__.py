"""Window: see the README's architecture section."""

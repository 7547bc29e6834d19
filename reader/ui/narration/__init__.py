"""Narration: see the README's architecture section."""

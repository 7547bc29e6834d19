"""Highlights: see the README's architecture section."""

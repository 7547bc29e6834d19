"""Bookmarks: see the README's architecture section."""

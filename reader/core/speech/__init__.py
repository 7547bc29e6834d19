"""Narration: sentence pieces, synthesis to clips, playback timeline, audio export."""

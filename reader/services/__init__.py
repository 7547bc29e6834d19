"""QtCore services: workers, session state, settings. No widgets here."""

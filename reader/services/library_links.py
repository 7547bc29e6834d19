"""Source strings the services understand (apart, so the window can use them without loading services)."""

LIBRARY_SCHEME = "library:"


def library_source(document_id: str) -> str:
    """The source string that opens a library document by id."""
    return LIBRARY_SCHEME + document_id

"""Report Reader: a desktop reader for Chinese government work reports."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # The version lives in pyproject.toml only; reading the installed metadata costs
    # ~40 ms, so it is looked up when first asked for, not at every start.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("report-reader")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0.0.0+source"
    raise AttributeError(name)

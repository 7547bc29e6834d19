"""Report Reader: a desktop reader for Chinese government work reports."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("report-reader")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+source"

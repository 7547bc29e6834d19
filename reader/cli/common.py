"""What the commands share: printing for people and JSON, the library, its index and bookmarks, and facets."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from reader.arguments import PROG, UsageError
from reader.core.errors import ReaderError
from reader.core.fileutil import write_output
from reader.core.paths import DataLayout
from reader.core.safetext import for_terminal, one_line

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2
REPORT_KIND = "政府工作报告"


def say(*values: object, file=None, end: str = "\n") -> None:
    r"""``print`` for people: one line each, and text from pages and file names can never drive the terminal.

    A newline inside a value (a crafted file name) is shown as ``\\n``, so it cannot forge a line.
    """
    stream = file or sys.stdout
    stream.write(one_line(" ".join(str(value) for value in values)) + end)


def output_text(text: str, output: str | None) -> None:
    """To a file (whole or not at all: an existing file is replaced only by a complete one), or stdout.

    On a terminal the page's own control characters and bidi overrides are shown as U+FFFD:
    they would otherwise retitle or clear the terminal, or make a line read backwards.
    """
    if output:
        write_output(Path(output), text.encode("utf-8"))
    else:
        sys.stdout.write(for_terminal(text) if sys.stdout.isatty() else text)


def progress_printer(label: str):
    """Progress on stderr, one updating line when it is a terminal."""
    tty = sys.stderr.isatty()

    def report(done: int, total: int, current: str) -> None:
        if total <= 1 and not tty:
            return
        if tty:
            end = "\n" if done >= total else ""
            sys.stderr.write(f"\r{label} {done}/{total} {one_line(current[:50])}\033[K{end}")
            sys.stderr.flush()
        elif done >= total:
            say(f"{label}: {total} done", file=sys.stderr)

    return report


def refuse_damaged(search_index) -> None:
    """An index found damaged while answering gave no answer: exit with the reason, never with zeros."""
    if search_index.damage:
        raise ReaderError(
            f"the search index is damaged ({search_index.damage}); it is rebuilt the next time a command uses it"
        )


def sync_index(data_dir: Path, library, quiet: bool = False):
    """Open the search index and bring it up to date with the library (repairing it if damaged)."""
    from reader.core.search.index import IndexBusyError, SearchIndex

    search_index = SearchIndex(DataLayout(data_dir).index, resident_bytes=0)  # one command: hold no more than a pass
    notice = search_index.open()
    stamp = library.change_stamp()  # read first: a change after it makes the next command compare again
    if not search_index.current_for(stamp):
        fingerprints = library.fingerprints()
        stale = search_index.stale(fingerprints)
        try:  # also when only the stamp is new: kept, the next command need not compare
            printer = None if quiet else progress_printer("indexing")
            notice = search_index.sync(fingerprints, library.document, printer, stamp=stamp).rebuilt
        except IndexBusyError as error:
            if stale:
                say(f"{PROG}: {error}; searching the index as it is", file=sys.stderr)
        except OSError as error:
            if stale:
                say(
                    f"{PROG}: cannot update the search index ({error.strerror or error}); searching it as it is",
                    file=sys.stderr,
                )
    if search_index.damage:  # an index that cannot be trusted is never answered from (0 hits would be a lie)
        search_index.open()
    if search_index.damage:
        search_index.close()
        raise ReaderError(
            f"the search index cannot be used ({search_index.damage}); run the command again to rebuild it"
        )
    if notice:
        say(f"{PROG}: {notice}", file=sys.stderr)
    return search_index


def facet_filter(args: argparse.Namespace) -> tuple[str, tuple[int, int] | None, str]:
    """The --region, --year and --kind of a command line, checked."""
    from reader.core.library_entry import parse_years

    years = None
    if args.year:
        try:
            years = parse_years(args.year)
        except ValueError as error:
            raise UsageError(str(error)) from None
    return args.region or "", years, args.kind or ""


def open_bookmarks(data_dir: Path):
    """The bookmark store in the data directory."""
    from reader.core.bookmarks.store import BookmarkStore

    store = BookmarkStore(DataLayout(data_dir).bookmarks)
    if store.notice:
        say(f"{PROG}: {store.notice}", file=sys.stderr)
    return store


def resolve_document(library, reference: str):
    """A document by library id, or the path/URL it came from (imported or not)."""
    found = library.resolve(reference)
    if found:
        return library.document(found)
    from reader.core.loader import load_source

    return load_source(reference)


def library_id_of(library, reference: str) -> str:
    """The id of a library document, or of the document a path or URL holds (imported or not)."""
    return library.resolve(reference) or resolve_document(library, reference).id


def library_documents(library):
    """A lookup of library documents by id for quotes and exports: None for one gone or unreadable."""

    def document(doc_id: str):
        try:
            return library.document(doc_id) if library.entry(doc_id) else None
        except (ReaderError, OSError):
            return None

    return document


def print_json(data: dict | list) -> None:
    """JSON for other tools: UTF-8, indented by one."""
    output_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", None)


def jieba_cache(data_dir: Path) -> Path:
    """Where jieba keeps its dictionary cache."""
    return DataLayout(data_dir).jieba


def add_facet_options(parser: argparse.ArgumentParser, kind_default: str = "") -> None:
    """The options that narrow a command to a region, years and a kind."""
    parser.add_argument("--region", help="only this region (浙江, 内蒙古, 广州, 全国)")
    parser.add_argument("--year", help="only this year, or years Y1-Y2")
    default = f"; default {kind_default}" if kind_default else ""
    parser.add_argument("--kind", help=f"only this kind (政府工作报告, 决议, 通知…{default})")

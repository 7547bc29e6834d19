"""Command-line interface: everything the GUI does, headless, with stable JSON.

This module must not import Qt: the CLI runs on servers and in scripts.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from reader.arguments import COMMANDS, PROG, UsageError, build_parser
from reader.core.errors import ReaderError
from reader.core.paths import resolve_data_dir

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


def _write_output(text: str, output: str | None) -> None:
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def _cmd_export(args: argparse.Namespace) -> int:
    from reader.core.export import to_json, to_markdown, to_text
    from reader.core.loader import load_source

    document = load_source(args.source)
    if args.format == "json":
        text = json.dumps(to_json(document), ensure_ascii=False, indent=1) + "\n"
    elif args.format == "markdown":
        text = to_markdown(document)
    else:
        text = to_text(document)
    _write_output(text, args.output)
    return EXIT_OK


def _progress_printer(label: str):
    """Progress on stderr, one updating line when it is a terminal."""
    tty = sys.stderr.isatty()

    def report(done: int, total: int, current: str) -> None:
        if total <= 1 and not tty:
            return
        if tty:
            end = "\n" if done >= total else ""
            print(f"\r{label} {done}/{total} {current[:50]}\033[K", end=end, file=sys.stderr, flush=True)
        elif done >= total:
            print(f"{label}: {total} done", file=sys.stderr)

    return report


def _sync_index(data_dir: Path, library, quiet: bool = False):
    """Open the search index and bring it up to date with the library (repairing it if damaged)."""
    from reader.core.search.index import IndexBusyError, SearchIndex

    search_index = SearchIndex(data_dir / "index")
    notice = search_index.open()
    fingerprints = library.fingerprints()
    if search_index.stale(fingerprints):
        try:
            report = search_index.sync(fingerprints, library.document, None if quiet else _progress_printer("indexing"))
            notice = report.rebuilt
        except IndexBusyError as error:
            print(f"{PROG}: {error}; searching the index as it is", file=sys.stderr)
        except OSError as error:
            print(
                f"{PROG}: cannot update the search index ({error.strerror or error}); searching it as it is",
                file=sys.stderr,
            )
    if notice:
        print(f"{PROG}: {notice}", file=sys.stderr)
    return search_index


def _cmd_library(args: argparse.Namespace) -> int:
    from reader.core.library import Library

    library = Library(args.data_dir)
    command = args.library_command
    if command is None:
        raise UsageError("library needs a command: add, list or remove")
    if command == "list":
        entries = library.entries()
        if args.json:
            _write_output(json.dumps([e.to_json() for e in entries], ensure_ascii=False, indent=1) + "\n", None)
        else:
            for entry in entries:
                print(f"{entry.id}  {entry.paragraphs:5d}  {entry.title}  ({entry.source})")
        return EXIT_OK
    if command == "remove":
        entry = library.remove(args.id)
        print(f"removed {entry.id}  {entry.title}")
        _sync_index(args.data_dir, library, quiet=True).close()
        return EXIT_OK
    outcomes = library.add_many(args.sources, _progress_printer("importing"))
    failed = 0
    for outcome in outcomes:
        if outcome.error:
            failed += 1
            print(f"{PROG}: {outcome.source}: {outcome.error}", file=sys.stderr)
        else:
            print(f"{'updated' if outcome.updated else 'added'} {outcome.document_id}  {outcome.title}")
    if not outcomes:
        print(f"{PROG}: no supported files (.html .htm .txt .md) found", file=sys.stderr)
        return EXIT_INPUT
    _sync_index(args.data_dir, library).close()
    return EXIT_INPUT if failed else EXIT_OK


def _format_hit(hit) -> str:
    snippet = hit.snippet
    for start, end in reversed(hit.highlights):
        snippet = snippet[:start] + "【" + snippet[start:end] + "】" + snippet[end:]
    path = " › ".join(hit.section_path)
    return f"{hit.title}{' › ' + path if path else ''}  [{hit.paragraph}, {hit.matches}×]\n    {snippet}"


def _cmd_search(args: argparse.Namespace) -> int:
    from reader.core.library import Library
    from reader.core.search.query import parse_query
    from reader.core.search.results import SearchResult, search_document

    if args.limit < 0:
        raise UsageError("--limit must be 0 (all) or more")
    library = Library(args.data_dir)
    parsed = parse_query(args.query)
    scope: set[str] | None = None
    outside = []
    if args.scope:
        scope = set()
        for reference in args.scope:
            found = library.resolve(reference)
            if found:
                scope.add(found)
            else:
                from reader.core.loader import load_source

                outside.append(load_source(reference))
    hits, total, elapsed = [], 0, 0.0
    if scope is None or scope:
        search_index = _sync_index(args.data_dir, library)
        try:
            result = search_index.search(parsed, scope, args.limit)
        finally:
            search_index.close()
        hits.extend(result.hits)
        total += result.total
        elapsed += result.elapsed_ms
    for document in outside:
        result = search_document(document, parsed, args.limit)
        hits.extend(result.hits)
        total += result.total
        elapsed += result.elapsed_ms
    hits.sort(key=lambda h: -h.score)
    if args.limit:
        hits = hits[: args.limit]
    # elapsed_ms is the time spent answering the query, without opening the library and index.
    merged = SearchResult(args.query, total, tuple(hits), elapsed)
    if args.json:
        _write_output(json.dumps(merged.to_json(), ensure_ascii=False, indent=1) + "\n", None)
    else:
        print(f"{total} paragraphs match {args.query!r} ({merged.elapsed_ms:.1f} ms)")
        for hit in merged.hits:
            print(_format_hit(hit))
    return EXIT_OK


def _open_bookmarks(data_dir: Path):
    from reader.core.bookmarks import BookmarkStore

    store = BookmarkStore(data_dir / "bookmarks.sqlite3")
    if store.notice:
        print(f"{PROG}: {store.notice}", file=sys.stderr)
    return store


def _resolve_document(library, reference: str):
    """A document by library id, or the path/URL it came from (imported or not)."""
    found = library.resolve(reference)
    if found:
        return library.document(found)
    from reader.core.loader import load_source

    return load_source(reference)


def _cmd_bookmarks(args: argparse.Namespace) -> int:
    from reader.core.bookmarks import BookmarkError, make_bookmark
    from reader.core.library import Library

    command = args.bookmarks_command
    if command is None:
        raise UsageError("bookmarks needs a command: list, add, remove, export or import")
    library = Library(args.data_dir)
    store = _open_bookmarks(args.data_dir)
    try:
        if command == "list":
            doc = None
            if args.doc:
                doc = library.resolve(args.doc) or _resolve_document(library, args.doc).id
            items = store.list(doc)
            if args.json:
                _write_output(json.dumps([b.to_json() for b in items], ensure_ascii=False, indent=1) + "\n", None)
            else:
                for bookmark in items:
                    flag = "  [detached]" if bookmark.detached else ""
                    print(f"{bookmark.uid[:8]}  {bookmark.doc_title}  {bookmark.title}{flag}")
                    if bookmark.note:
                        print(f"          {bookmark.note.splitlines()[0]}")
            return EXIT_OK
        if command == "add":
            document = _resolve_document(library, args.document)
            bookmark = store.add(make_bookmark(document, args.paragraph, title=args.title, note=args.note))
            print(f"added {bookmark.uid}  {bookmark.title}")
            return EXIT_OK
        if command == "remove":
            removed = store.delete(args.id)
            print(f"removed {removed.uid}  {removed.title}")
            return EXIT_OK
        if command == "export":
            if args.format == "json":
                text = json.dumps(store.export_json(), ensure_ascii=False, indent=1) + "\n"
            else:
                from reader.core.bookmarks_export import bookmarks_markdown

                def resolve(doc_id: str):
                    try:
                        return library.document(doc_id) if library.entry(doc_id) else None
                    except (ReaderError, OSError):
                        return None

                text = bookmarks_markdown(store.list(), resolve)
            Path(args.file).write_text(text, encoding="utf-8")
            print(f"wrote {store.count()} bookmarks to {args.file}")
            return EXIT_OK
        try:
            data = json.loads(Path(args.file).read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise BookmarkError(f"{args.file} is not a bookmarks JSON file ({error.__class__.__name__})") from None
        added, updated = store.import_json(data)
        print(f"imported {added} new and {updated} updated bookmarks")
        return EXIT_OK
    finally:
        store.close()


def _choose_voice(voices, wanted: str | None):
    """The voice asked for (id or part of the name), else the Mandarin default."""
    from reader.core.speech.synth import mandarin_voice

    if wanted:
        lowered = wanted.lower()
        for voice in voices:
            if voice.id.lower() == lowered or voice.id.lower().endswith("/" + lowered):
                return voice
        for voice in voices:
            if lowered in voice.name.lower():
                return voice
        raise UsageError(f"no voice matches {wanted!r} (see speak --list-voices)")
    voice = mandarin_voice(voices)
    if voice is None:
        print(f"{PROG}: no Mandarin voice is installed; using the engine's default voice", file=sys.stderr)
    return voice


def _export_progress():
    printer = _progress_printer("speaking")
    return lambda done, total: printer(done, total, "")


def _cmd_speak(args: argparse.Namespace) -> int:
    from reader.core.library import Library
    from reader.core.speech import sentences
    from reader.core.speech.export import export_narration
    from reader.core.speech.synth import DEFAULT_RATE, Pyttsx3Synthesizer

    synthesizer = Pyttsx3Synthesizer()
    try:
        voices = synthesizer.voices()
        if args.list_voices:
            for voice in voices:
                marker = "  (Mandarin)" if voice.is_mandarin else ""
                print(f"{voice.id}\t{voice.name}{marker}")
            return EXIT_OK
        if not args.output:
            raise UsageError("-o OUT.wav or -o OUT.mp3 is required")
        output = Path(args.output)
        if output.suffix.lower() not in (".wav", ".mp3"):
            raise UsageError("the output must end in .wav or .mp3")
        voice = _choose_voice(voices, args.voice)
        document = _resolve_document(Library(args.data_dir), args.document)
        if args.section:
            try:
                pieces = sentences.section(document, args.section)
            except KeyError:
                raise UsageError(f"no outline section {args.section} in this document") from None
        elif args.paragraph:
            index = document.paragraph_index(args.paragraph)
            if index < 0:
                raise UsageError(f"no paragraph {args.paragraph} in this document")
            pieces = sentences.document_pieces(document, index, index)
        else:
            pieces = sentences.whole_document(document)
        result = export_narration(
            pieces,
            synthesizer,
            output,
            voice.id if voice else None,
            args.rate or DEFAULT_RATE,
            document,
            _export_progress(),
        )
        minutes, seconds = divmod(round(result.seconds), 60)
        cue = f", chapters in {result.cue}" if result.cue else ""
        skipped = f", {result.skipped} pieces skipped" if result.skipped else ""
        print(f"wrote {output} ({minutes}:{seconds:02d}){cue}{skipped}")
        return EXIT_OK
    finally:
        synthesizer.close()


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "speak": _cmd_speak,
    "bookmarks": _cmd_bookmarks,
    "export": _cmd_export,
    "library": _cmd_library,
    "search": _cmd_search,
}


def _log_traceback() -> str:
    """Append the current exception's traceback to the data directory's error log; returns its path."""
    import traceback

    try:
        directory = resolve_data_dir(None)
        directory.mkdir(parents=True, exist_ok=True)
        log = directory / "errors.log"
        with log.open("a", encoding="utf-8") as stream:
            stream.write(traceback.format_exc() + "\n")
        return str(log)
    except OSError:
        return ""


def run(argv: Sequence[str]) -> int:
    """Run a CLI command.

    Args:
        argv: Arguments without the program name.

    Returns:
        The exit status: 0 success, 1 bad input, 2 bad usage.

    """
    try:
        args = build_parser().parse_args(list(argv))
        if not args.command:
            raise UsageError("a command is required: " + ", ".join(COMMANDS))
        args.data_dir = resolve_data_dir(args.data_dir)
        return HANDLERS[args.command](args)
    except UsageError as error:
        print(f"{PROG}: usage error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except ReaderError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return EXIT_INPUT
    except OSError as error:
        print(f"{PROG}: {error.strerror or error}: {error.filename or ''}".rstrip(": "), file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (| head): not an error worth a message.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as error:  # a bug: one line for the person, the traceback in the log
        log = _log_traceback()
        where = f" (details in {log})" if log else ""
        print(f"{PROG}: internal error: {error.__class__.__name__}: {error}{where}", file=sys.stderr)
        return EXIT_INPUT

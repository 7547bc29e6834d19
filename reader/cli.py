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
from reader.core.diagnostics import configure_logging, describe_error, logger
from reader.core.errors import ReaderError
from reader.core.fileutil import read_input, write_output
from reader.core.formats.registry import supported_suffixes
from reader.core.paths import DataLayout, checked_data_dir, resolve_data_dir
from reader.core.safetext import for_terminal, one_line

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2
REPORT_KIND = "政府工作报告"
MIN_RATE, MAX_RATE = 80, 450  # espeak-ng's useful range: below it drawls, above it is noise


def _say(*values: object, file=None, end: str = "\n") -> None:
    r"""``print`` for people: one line each, and text from pages and file names can never drive the terminal.

    A newline inside a value (a crafted file name) is shown as ``\\n``, so it cannot forge a line.
    """
    stream = file or sys.stdout
    stream.write(one_line(" ".join(str(value) for value in values)) + end)


def _write_output(text: str, output: str | None) -> None:
    """To a file (whole or not at all: an existing file is replaced only by a complete one), or stdout.

    On a terminal the page's own control characters and bidi overrides are shown as U+FFFD:
    they would otherwise retitle or clear the terminal, or make a line read backwards.
    """
    if output:
        write_output(Path(output), text.encode("utf-8"))
    else:
        sys.stdout.write(for_terminal(text) if sys.stdout.isatty() else text)


def _cmd_export(args: argparse.Namespace) -> int:
    from reader.core.export import to_json, to_markdown, to_text

    document = _export_source(args)
    for note in document.notes:
        _say(f"{PROG}: {note}", file=sys.stderr)
    if args.section:
        from reader.core.sections import section_document

        document = section_document(document, args.section)
    if args.format == "json":
        text = json.dumps(to_json(document), ensure_ascii=False, indent=1) + "\n"
    elif args.format == "markdown":
        text = to_markdown(document)
    else:
        text = to_text(document)
    _write_output(text, args.output)
    return EXIT_OK


def _export_source(args: argparse.Namespace):
    """The document to export: a path or URL, or else a library id (as every other command takes)."""
    from reader.core.loader import load_source
    from reader.core.sources import is_url

    source = args.source
    if not is_url(source) and not Path(source).exists():
        from reader.core.library import Library

        return _resolve_document(Library(args.data_dir), source)  # neither a file nor an id: "no such file"
    return load_source(source)  # a file is parsed as it is now, not as the library holds it


def _progress_printer(label: str):
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
            _say(f"{label}: {total} done", file=sys.stderr)

    return report


def _refuse_damaged(search_index) -> None:
    """An index found damaged while answering gave no answer: exit with the reason, never with zeros."""
    if search_index.damage:
        raise ReaderError(
            f"the search index is damaged ({search_index.damage}); it is rebuilt the next time a command uses it"
        )


def _sync_index(data_dir: Path, library, quiet: bool = False):
    """Open the search index and bring it up to date with the library (repairing it if damaged)."""
    from reader.core.search.index import IndexBusyError, SearchIndex

    search_index = SearchIndex(DataLayout(data_dir).index)
    notice = search_index.open()
    fingerprints = library.fingerprints()
    if search_index.stale(fingerprints):
        try:
            report = search_index.sync(fingerprints, library.document, None if quiet else _progress_printer("indexing"))
            notice = report.rebuilt
        except IndexBusyError as error:
            _say(f"{PROG}: {error}; searching the index as it is", file=sys.stderr)
        except OSError as error:
            _say(
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
        _say(f"{PROG}: {notice}", file=sys.stderr)
    return search_index


def _cmd_library(args: argparse.Namespace) -> int:
    from reader.core.library import Library

    library = Library(args.data_dir)
    command = args.library_command
    if command is None:
        raise UsageError("library needs a command: add, list or remove")
    if command == "list":
        entries = [entry for entry in library.entries() if entry.matches(*_facet_filter(args))]
        if args.json:
            _write_output(json.dumps([e.to_json() for e in entries], ensure_ascii=False, indent=1) + "\n", None)
        else:
            for entry in entries:
                _say(f"{entry.id}  {entry.year or '':>4}  {entry.display or entry.title}  ({entry.source})")
        return EXIT_OK
    if command == "remove":
        entry = library.remove(args.id)
        _say(f"removed {entry.id}  {entry.title}")
        _sync_index(args.data_dir, library, quiet=True).close()
        return EXIT_OK
    outcomes = library.add_many(args.sources, _progress_printer("importing"), replace_duplicate=args.replace)
    failed = 0
    for outcome in outcomes:
        if outcome.error:
            failed += 1
            _say(f"{PROG}: {outcome.source}: {outcome.error}", file=sys.stderr)
        elif outcome.duplicate_of:
            name, source = outcome.duplicate_name, outcome.source
            _say(f"duplicate of {outcome.duplicate_of}  {name}  ({source}; --replace to replace it)")
        elif outcome.replaced:
            _say(f"replaced {outcome.replaced} with {outcome.document_id}  {outcome.title}")
        else:
            _say(f"{'updated' if outcome.updated else 'added'} {outcome.document_id}  {outcome.title}")
    if not outcomes:
        _say(f"{PROG}: no supported files found ({' '.join(sorted(supported_suffixes()))})", file=sys.stderr)
        return EXIT_INPUT
    _sync_index(args.data_dir, library).close()
    return EXIT_INPUT if failed else EXIT_OK


def _facet_filter(args: argparse.Namespace) -> tuple[str, tuple[int, int] | None, str]:
    """The --region, --year and --kind of a command line, checked."""
    from reader.core.library_entry import parse_years

    years = None
    if args.year:
        try:
            years = parse_years(args.year)
        except ValueError as error:
            raise UsageError(str(error)) from None
    return args.region or "", years, args.kind or ""


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
    if args.section:
        return _search_section(args, library, parsed)
    region, years, kind = _facet_filter(args)
    if region or years or kind:
        chosen = {entry.id for entry in library.entries() if entry.matches(region, years, kind)}
        scope = chosen if scope is None else scope & chosen
        if args.scope and outside:
            raise UsageError("--region, --year and --kind choose among library documents; import the others first")
    hits, total, elapsed = [], 0, 0.0
    if scope is None or scope:
        search_index = _sync_index(args.data_dir, library)
        try:
            result = search_index.search(parsed, scope, args.limit)
            _refuse_damaged(search_index)
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
    _print_search(args, SearchResult(args.query, total, tuple(hits), elapsed))
    return EXIT_OK


def _search_section(args: argparse.Namespace, library, parsed) -> int:
    """``search QUERY --in DOC --section NODE``: one section of one document, with its sub-sections."""
    from reader.core.search.results import search_document
    from reader.core.sections import section_range

    if not args.scope or len(args.scope) != 1:
        raise UsageError("--section needs exactly one --in document")
    document = _resolve_document(library, args.scope[0])
    result = search_document(document, parsed, args.limit, within=section_range(document, args.section))
    _print_search(args, result)
    return EXIT_OK


def _print_search(args: argparse.Namespace, result) -> None:
    if args.order == "text":
        from dataclasses import replace

        from reader.core.search.results import in_reading_order

        result = replace(result, hits=tuple(in_reading_order(result.hits)))
    if args.json:
        _write_output(json.dumps(result.to_json(), ensure_ascii=False, indent=1) + "\n", None)
    else:
        _say(f"{result.total} paragraphs match {args.query!r} ({result.elapsed_ms:.1f} ms)")
        for hit in result.hits:
            _say(_format_hit(hit))


def _open_bookmarks(data_dir: Path):
    from reader.core.bookmarks.store import BookmarkStore

    store = BookmarkStore(DataLayout(data_dir).bookmarks)
    if store.notice:
        _say(f"{PROG}: {store.notice}", file=sys.stderr)
    return store


def _resolve_document(library, reference: str):
    """A document by library id, or the path/URL it came from (imported or not)."""
    found = library.resolve(reference)
    if found:
        return library.document(found)
    from reader.core.loader import load_source

    return load_source(reference)


def _document_id(library, reference: str) -> str:
    """The id of a library document, or of the document a path or URL holds (imported or not)."""
    return library.resolve(reference) or _resolve_document(library, reference).id


def _library_documents(library):
    """A lookup of library documents by id for quotes and exports: None for one gone or unreadable."""

    def document(doc_id: str):
        try:
            return library.document(doc_id) if library.entry(doc_id) else None
        except (ReaderError, OSError):
            return None

    return document


def _cmd_bookmarks(args: argparse.Namespace) -> int:
    from reader.core.bookmarks.anchors import make_bookmark
    from reader.core.bookmarks.model import BookmarkError
    from reader.core.library import Library

    command = args.bookmarks_command
    if command is None:
        raise UsageError("bookmarks needs a command: list, add, remove, export or import")
    library = Library(args.data_dir)
    store = _open_bookmarks(args.data_dir)
    try:
        if command == "list":
            doc = _document_id(library, args.doc) if args.doc else None
            items = [b for b in store.list(doc) if not b.is_highlight]  # highlights: `highlights list`
            if args.json:
                _write_output(json.dumps([b.to_json() for b in items], ensure_ascii=False, indent=1) + "\n", None)
            else:
                for bookmark in items:
                    flag = "  [detached]" if bookmark.detached else ""
                    _say(f"{bookmark.uid[:8]}  {bookmark.doc_title}  {bookmark.title}{flag}")
                    if bookmark.note:
                        _say(f"          {bookmark.note.splitlines()[0]}")
            return EXIT_OK
        if command == "add":
            if bool(args.paragraph) == bool(args.section):
                raise UsageError("give a PARAGRAPH_ID or --section OUTLINE_ID (one of them)")
            document = _resolve_document(library, args.document)
            if args.section:
                from reader.core.bookmarks.anchors import make_section_bookmark
                from reader.core.sections import section_node

                section_node(document, args.section)  # an unknown id: the one-line error naming the command
                made = make_section_bookmark(document, args.section, title=args.title, note=args.note)
            else:
                made = make_bookmark(document, args.paragraph, title=args.title, note=args.note)
            bookmark = store.add(made)
            _say(f"added {bookmark.uid}  {bookmark.title}")
            return EXIT_OK
        if command == "remove":
            removed = store.delete(args.id)
            _say(f"removed {removed.uid}  {removed.title}")
            return EXIT_OK
        if command == "export":
            if args.format == "json":
                text = json.dumps(store.export_json(), ensure_ascii=False, indent=1) + "\n"
            else:
                from reader.core.bookmarks.export import bookmarks_markdown

                text = bookmarks_markdown(store.list(), _library_documents(library))
            write_output(Path(args.file), text.encode("utf-8"))
            _say(f"wrote {store.count()} bookmarks to {args.file}")
            return EXIT_OK
        from reader.core.bookmarks.model import MAX_IMPORT_BYTES

        raw = read_input(Path(args.file), MAX_IMPORT_BYTES, "a bookmark file")
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
            reason = "nested too deeply" if isinstance(error, RecursionError) else error.__class__.__name__
            raise BookmarkError(f"{args.file} is not a bookmarks JSON file ({reason})") from None
        added, updated = store.import_json(data)
        _say(f"imported {added} new and {updated} updated bookmarks")
        return EXIT_OK
    finally:
        store.close()


def _cmd_highlights(args: argparse.Namespace) -> int:
    from reader.core.bookmarks.anchors import make_highlight
    from reader.core.bookmarks.highlights_export import export, quotes
    from reader.core.library import Library

    command = args.highlights_command
    if command is None:
        raise UsageError("highlights needs a command: add, list, export or remove")
    library = Library(args.data_dir)
    store = _open_bookmarks(args.data_dir)
    try:
        if command == "add":
            document = _resolve_document(library, args.document)
            made = make_highlight(
                document, args.paragraph, args.start, args.end, args.color, args.note, args.tag, args.style
            )
            highlight = store.add(made)
            _say(f"added {highlight.uid}  “{highlight.snippet[:40]}”")
            return EXIT_OK
        if command == "remove":
            removed = store.delete(args.id)
            _say(f"removed {removed.uid}  “{removed.snippet[:40]}”")
            return EXIT_OK
        doc = _document_id(library, args.document) if args.document else None
        items = store.highlights(doc, args.color, args.tag)
        if command == "list":
            if args.json:
                _print_json([h.to_json() for h in items])
            else:
                for highlight in items:
                    flag = "  [text changed]" if highlight.detached else ""
                    tags = f"  #{' #'.join(highlight.tags)}" if highlight.tags else ""
                    _say(f"{highlight.uid[:8]}  {highlight.color:<6}  “{highlight.snippet[:50]}”{tags}{flag}")
            return EXIT_OK
        data = export(quotes(items, _library_documents(library), args.order), args.format)
        if args.output:
            write_output(Path(args.output), data)
            _say(f"wrote {len(items)} highlights to {args.output}", file=sys.stderr)
        elif args.format == "docx":
            raise UsageError("a Word file needs -o FILE")
        else:
            _write_output(data.decode("utf-8").lstrip("\ufeff"), None)
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
        _say(f"{PROG}: no Mandarin voice is installed; using the engine's default voice", file=sys.stderr)
    return voice


def _export_progress():
    printer = _progress_printer("speaking")
    return lambda done, total: printer(done, total, "")


def _highlight_ranges(data_dir: Path, document) -> list[tuple[int, int, int]]:
    """The document's highlights still anchored, as (paragraph index, start, end), in reading order."""
    from reader.core.bookmarks.anchors import highlight_passages

    store = _open_bookmarks(data_dir)
    try:
        return highlight_passages(document, store.highlights(document.id))
    finally:
        store.close()


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
                _say(f"{voice.id}\t{voice.name}{marker}")
            return EXIT_OK
        if not args.document:
            raise UsageError("a document to read is required (PATH_OR_ID)")
        if args.rate is not None and not MIN_RATE <= args.rate <= MAX_RATE:
            raise UsageError(f"--rate must be from {MIN_RATE} to {MAX_RATE}")
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
        elif args.highlights:
            pieces = sentences.passages(document, _highlight_ranges(args.data_dir, document))
            if not pieces:
                raise ReaderError("this report has no highlights to read")
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
        _say(f"wrote {output} ({minutes}:{seconds:02d}){cue}{skipped}")
        return EXIT_OK
    finally:
        synthesizer.close()


def _print_json(data: dict | list) -> None:
    _write_output(json.dumps(data, ensure_ascii=False, indent=1) + "\n", None)


def _jieba_cache(data_dir: Path) -> Path:
    return DataLayout(data_dir).jieba


def _cmd_compare(args: argparse.Namespace) -> int:
    from reader.core.analysis.compare import compare, describe
    from reader.core.analysis.history import comparison_context
    from reader.core.analysis.segment import tokenizer
    from reader.core.library import Library

    library = Library(args.data_dir)
    if args.second:
        old, new = _resolve_document(library, args.first), _resolve_document(library, args.second)
    else:
        from reader.core.analysis.years import previous_report

        new = _resolve_document(library, args.first)
        earlier = previous_report(library.entries(), new)
        if earlier is None:
            raise UsageError("give OLD and NEW: the library has no earlier report of this region and kind")
        old = library.document(earlier.id)
    tokenizer(_jieba_cache(args.data_dir))
    search_index = _sync_index(args.data_dir, library, quiet=True)
    try:
        context = comparison_context(library.entries(), new.meta, {old.id, new.id}, search_index.document_text)
    finally:
        search_index.close()
    result = compare(old, new, history=context.history, spread_new=context.spread_new, spread_old=context.spread_old)
    if args.json:
        _print_json(result.to_json())
        return EXIT_OK
    a, b = describe(old), describe(new)
    counts = result.counts()
    _say(f"{a['title']} → {b['title']}")
    _say(
        f"paragraphs: {counts['same']} same, {counts['changed']} changed, "
        f"{counts['added']} added, {counts['removed']} removed"
    )
    _say("新提法: " + "  ".join(f"{t.term}({t.count})" for t in result.new_terms[:30]))
    _say("不再提及: " + "  ".join(f"{t.term}({t.count})" for t in result.dropped_terms[:30]))
    return EXIT_OK


def _cmd_targets(args: argparse.Namespace) -> int:
    from reader.core.analysis.targets import extract_targets
    from reader.core.library import Library

    document = _resolve_document(Library(args.data_dir), args.document)
    result = extract_targets(document)
    if args.json:
        _print_json(result.to_json(document.id))
        return EXIT_OK
    if not result.targets:
        _say(f"{PROG}: no 主要预期目标 found in this report", file=sys.stderr)
        return EXIT_OK
    achieved = {t.indicator: t for t in result.achieved}
    for target in result.targets:
        done = achieved.get(target.indicator)
        last = f"   (last year {done.figure()})" if done else ""
        _say(f"{target.indicator}  {target.figure() or '—'}{last}")
    return EXIT_OK


def _cmd_terms(args: argparse.Namespace) -> int:
    from reader.core.analysis.terms import top_terms
    from reader.core.library import Library

    if args.top < 0:
        raise UsageError("--top must be 0 (all) or more")
    document = _resolve_document(Library(args.data_dir), args.document)
    try:
        terms = top_terms(
            document,
            args.top,
            args.section,
            _jieba_cache(args.data_dir),
            DataLayout(args.data_dir).analysis,
            order=args.order,
        )
    except KeyError:
        raise UsageError(f"no outline section {args.section} in this document") from None
    if args.json:
        # count: at word boundaries; occurrences: every substring, as search counts; score: keyness
        _print_json({"doc": document.id, "order": args.order, "terms": [t.to_json() for t in terms]})
    else:
        _say(f"{'words':>6}  {'search':>6}  {'keyness':>8}  term", file=sys.stderr)
        for term in terms:
            _say(f"{term.count:6}  {term.occurrences:6}  {term.score:8.1f}  {term.term}")
    return EXIT_OK


def _cmd_trend(args: argparse.Namespace) -> int:
    from reader.core.analysis.trend import term_trend, trend_json
    from reader.core.library import Library

    terms = [term.strip() for term in args.term if term.strip()]
    if not terms:
        raise UsageError("TERM is empty")
    library = Library(args.data_dir)
    region, years, kind = _facet_filter(args)
    kind = "" if kind == "all" else kind or REPORT_KIND  # a term across the years of the reports themselves
    entries = [entry for entry in library.entries() if entry.matches(region, years, kind)]
    search_index = _sync_index(args.data_dir, library, quiet=args.json)
    try:
        found = {term: term_trend(search_index, term, entries) for term in terms}
        _refuse_damaged(search_index)
    finally:
        search_index.close()
    points = found[terms[0]]
    if args.json:
        _print_json(trend_json(terms[0], points, {term: found[term] for term in terms[1:]}))
        return EXIT_OK
    header = "  ".join(f"{term:>6}" for term in terms)
    _say(f"{'year':>4}  {header}  per 10,000 characters  report", file=sys.stderr)
    for number, point in enumerate(points):
        counts = "  ".join(f"{found[term][number].count:>6}" for term in terms)
        rates = " ".join(f"{found[term][number].per_10k or 0:>5.2f}" for term in terms)
        _say(f"{point.year or '':>4}  {counts}  {rates}  {point.title}")
    return EXIT_OK


def _cmd_concordance(args: argparse.Namespace) -> int:
    from reader.core.analysis.concordance import concordance, concordance_json
    from reader.core.library import Library

    if not args.term.strip():
        raise UsageError("TERM is empty")
    if not 1 <= args.width <= 200:
        raise UsageError("--width must be from 1 to 200")
    library = Library(args.data_dir)
    entries = [entry for entry in library.entries() if entry.matches(*_facet_filter(args))]
    search_index = _sync_index(args.data_dir, library, quiet=args.json)
    try:
        lines = concordance(search_index, args.term.strip(), entries, args.width)
        _refuse_damaged(search_index)
    finally:
        search_index.close()
    if args.json:
        _print_json(concordance_json(args.term.strip(), lines))
        return EXIT_OK
    for line in lines:
        _say(f"{line.left:>{args.width}}【{line.match}】{line.right:<{args.width}}  {line.year or '':>4} {line.title}")
    _say(f"{len(lines)} occurrences", file=sys.stderr)
    return EXIT_OK


def _option_value(argv: Sequence[str], name: str) -> str | None:
    """The value given to an option, found even when the rest of the command line is wrong."""
    arguments = list(argv)
    for index, argument in enumerate(arguments):
        if argument == name and index + 1 < len(arguments):
            return arguments[index + 1]
        if argument.startswith(name + "="):
            return argument.split("=", 1)[1]
    return None


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "speak": _cmd_speak,
    "bookmarks": _cmd_bookmarks,
    "export": _cmd_export,
    "library": _cmd_library,
    "search": _cmd_search,
    "compare": _cmd_compare,
    "targets": _cmd_targets,
    "terms": _cmd_terms,
    "trend": _cmd_trend,
    "concordance": _cmd_concordance,
    "highlights": _cmd_highlights,
}


def run(argv: Sequence[str]) -> int:
    """Run a CLI command.

    Args:
        argv: Arguments without the program name.

    Returns:
        The exit status: 0 success, 1 bad input, 2 bad usage.

    """
    for stream in (sys.stdout, sys.stderr):  # a lone surrogate in a file name must not end the run
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    configure_logging(DataLayout(resolve_data_dir(_option_value(argv, "--data-dir"))).log, debug="--debug" in argv)
    try:
        args = build_parser().parse_args(list(argv))
        if not args.command:
            raise UsageError("a command is required: " + ", ".join(COMMANDS))
        args.data_dir = checked_data_dir(resolve_data_dir(args.data_dir))
        return HANDLERS[args.command](args)
    except UsageError as error:
        _say(f"{PROG}: usage error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except ReaderError as error:
        logger("cli").warning("%s: %s", " ".join(argv), error)
        _say(f"{PROG}: {error}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:
        # The reader of our output went away (| head): not an error worth a message.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as error:
        _say(f"{PROG}: {error.strerror or error}: {error.filename or ''}".rstrip(": "), file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug: one line for the person, the traceback in the log
        logger("cli").error("command %s failed", " ".join(argv), exc_info=error)
        _say(f"{PROG}: {describe_error(error)}", file=sys.stderr)
        return EXIT_INPUT

"""``speak``: narrate a report (or its highlights) into an audio file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.arguments import PROG, UsageError
from reader.cli.common import EXIT_OK, open_bookmarks, progress_printer, resolve_document, say
from reader.core.errors import ReaderError

MIN_RATE, MAX_RATE = 80, 450  # espeak-ng's useful range: below it drawls, above it is noise


def add_arguments(commands: argparse._SubParsersAction) -> None:
    """The command's arguments."""
    speak = commands.add_parser("speak", help="narrate a report into an audio file (.wav or .mp3)")
    speak.add_argument("document", metavar="PATH_OR_ID", nargs="?", help="not needed with --list-voices")
    part = speak.add_mutually_exclusive_group()
    part.add_argument("--section", metavar="OUTLINE_ID", help="only this outline section (ids as in export)")
    part.add_argument("--paragraph", metavar="ID", help="only this paragraph")
    part.add_argument(
        "--highlights", action="store_true", help="only the report's highlights, in reading order (read my highlights)"
    )
    speak.add_argument("--voice", help="voice id or part of its name (default: a Mandarin voice)")
    speak.add_argument("--rate", type=int, default=None, help="speaking rate, 80 to 450 (engine words per minute)")
    speak.add_argument("--list-voices", action="store_true", help="list the engine's voices and exit")
    speak.add_argument("-o", "--output", help="OUT.wav or OUT.mp3")


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
        say(f"{PROG}: no Mandarin voice is installed; using the engine's default voice", file=sys.stderr)
    return voice


def _export_progress():
    printer = progress_printer("speaking")
    return lambda done, total: printer(done, total, "")


def _highlight_ranges(data_dir: Path, document) -> list[tuple[int, int, int]]:
    """The document's highlights still anchored, as (paragraph index, start, end), in reading order."""
    from reader.core.bookmarks.anchors import highlight_passages

    store = open_bookmarks(data_dir)
    try:
        return highlight_passages(document, store.highlights(document.id))
    finally:
        store.close()


def handle(args: argparse.Namespace) -> int:
    """Run the command; returns the exit status."""
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
                say(f"{voice.id}\t{voice.name}{marker}")
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
        document = resolve_document(Library(args.data_dir), args.document)
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
        say(f"wrote {output} ({minutes}:{seconds:02d}){cue}{skipped}")
        return EXIT_OK
    finally:
        synthesizer.close()

"""`assistant standpunten`, `afspraken` and `tijdlijn`: what the verslagen record, as a Dutch table or JSON."""

from __future__ import annotations

import argparse
import json

from assistant.cli_ask import day_from
from assistant.core.dates import format_day, format_nl
from assistant.core.settings import Settings
from assistant.core.text import visible
from assistant.core.types import page_span


def add_minutes_parsers(sub) -> None:
    """Register the standpunten, afspraken and tijdlijn commands."""
    p = sub.add_parser("standpunten", help="wat organisaties zeiden in de verslagen, per overleg")
    p.add_argument("--org", action="append", default=[], help="organisatie, bijv. VNG (herhaalbaar)")
    p.add_argument("--topic", default="", help="onderwerp, bijv. 'faire tarieven' of NvO")
    _dates(p)
    p.set_defaults(func=_cmd_standpunten)

    p = sub.add_parser("afspraken", help="afspraken, besluiten en acties uit de verslagen")
    p.add_argument("--meeting", action="append", default=[], help="overlegreeks, bijv. 'BO Rijk-VNG'")
    p.add_argument("--topic", default="", help="onderwerp")
    _dates(p)
    p.set_defaults(func=_cmd_afspraken)

    p = sub.add_parser("tijdlijn", help="een onderwerp door de overleggen heen")
    p.add_argument("topic", nargs="?", default="", help="onderwerp, bijv. 'Norm voor Opdrachtgeverschap'")
    p.add_argument("--onderwerpen", action="store_true", help="toon de onderwerpen die in meer overleggen terugkomen")
    p.add_argument("--org", action="append", default=[], help="alleen deze organisatie(s)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd_tijdlijn)


def _dates(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="date_from", help="vanaf deze datum")
    p.add_argument("--to", dest="date_to", help="tot en met deze datum")
    p.add_argument("--json", action="store_true")


def _minutes(settings: Settings):
    from assistant.answer.positions import Minutes
    from assistant.index.catalog import Catalog

    return Minutes(Catalog(settings.state_path))  # the minutes are in the catalog: no model or vector store


def _cmd_standpunten(args: argparse.Namespace, settings: Settings) -> int:
    found = _minutes(settings).standpunten(organisations=args.org, topic=args.topic, **_period(args))
    if args.json:
        return _print_json([f.record() for f in found])
    last = None
    for f in found:
        s, m = f.statement, f.meta
        if (m.meeting, m.date) != last:
            last = (m.meeting, m.date)
            print(f"\n{m.meeting or m.title} — {format_day(m.date)}")
        where = f"{m.source_file} p. {page_span(s.pages)}"
        print(visible(f"  {s.organisation or 'onbekend':10} {s.speaker:24} {_short(s.quote)}  ({where})"))
    print(f"\n{len(found)} standpunten")
    return 0


def _cmd_afspraken(args: argparse.Namespace, settings: Settings) -> int:
    found = _minutes(settings).afspraken(meetings=args.meeting, topic=args.topic, **_period(args))
    if args.json:
        return _print_json([f.record() for f in found])
    for f in found:
        a, m = f.agreement, f.meta
        when = format_day(m.date)
        actor = f" [{a.actor}]" if a.actor else ""
        where = f"({m.source_file} p. {page_span(a.pages)})"
        print(visible(f"{when:18} {m.meeting or '':20} {a.kind:13}{actor} {_short(a.text)}  {where}"))
    print(f"\n{len(found)} afspraken en acties")
    return 0


def _cmd_tijdlijn(args: argparse.Namespace, settings: Settings) -> int:
    if args.onderwerpen or not args.topic:
        return _list_onderwerpen(args, settings)
    steps = _minutes(settings).tijdlijn(args.topic, organisations=args.org)
    if args.json:
        return _print_json([s.record() for s in steps])
    if not steps:
        print(f"Geen overleg gevonden over '{visible(args.topic)}'.")
        return 0
    for step in steps:
        print(f"\n{step.meeting} — {format_nl(step.day)}")
        for title, _ in step.agenda_items:
            print(visible(f"  agendapunt: {title.split(' > ')[-1]}"))
        for text, meta, pages in step.advice:
            print(visible(f"  advies ({meta.doc_type}, p. {page_span(pages)}): {_short(text)}"))
        for org, said in step.by_organisation().items():
            for f in said:
                print(visible(f"  {org:10} {f.statement.speaker:24} {_short(f.statement.quote)}"))
        for f in step.agreements:
            print(visible(f"  {f.agreement.kind}: {_short(f.agreement.text)}"))
    return 0


def _list_onderwerpen(args: argparse.Namespace, settings: Settings) -> int:
    found = _minutes(settings).onderwerpen()
    if args.json:
        records = [{"title": o.title, "meetings": o.meetings,
                    "items": [{"meeting": m, "meeting_date": d.isoformat(), "agendapunt": t} for m, d, t in o.items]}
                   for o in found]  # fmt: skip
        return _print_json(records)
    for o in found:
        print(visible(f"{o.meetings:2} overleggen  {o.title}"))
    print(f"\n{len(found)} onderwerpen; 'assistant tijdlijn \"<onderwerp>\"' volgt er een door de overleggen")
    return 0


def _period(args: argparse.Namespace) -> dict:
    """--from and --to as the date_from and date_to of a query."""
    return {"date_from": day_from(args.date_from), "date_to": day_from(args.date_to)}


def _print_json(records: list[dict]) -> int:
    print(json.dumps(records, ensure_ascii=False, indent=1))
    return 0


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"

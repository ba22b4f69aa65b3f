"""A hostile corpus made on the fly: links out of the folder and in circles, special files, odd names,
text that is not language or not UTF-8, and broken, hostile and oversized PDFs.

Every case is deterministic and small except where size is the point (a few MB). `build` writes
the cases into a folder and returns what each one must end as:
- "added": indexed (the good files beside the hostile ones);
- "refused": reported by name with a Dutch reason, nothing indexed;
- "either": added or refused, both fine (a mutated PDF that pypdf still reads), never a crash;
- "absent": not an ingestable file at all, so not mentioned (an unsupported suffix).
"""

from __future__ import annotations

import os
import random
import socket
import zlib
from dataclasses import dataclass
from pathlib import Path

from tests.pdfgen import blank_pdf, encrypted_pdf, text_pdf, zero_page_pdf

GOOD_TEXT = (
    "Verslag van het Bestuurlijk Overleg over de jeugdzorg. De VNG vraagt om faire tarieven voor "
    "aanbieders en om een handreiking voor gemeenten. De minister zegt toe de Kamer te informeren."
)
SECRET = "GEHEIM-BUITEN-DE-MAP wachtwoord van de server"  # in files outside the folder only
WORDS = GOOD_TEXT.replace(".", "").split()


@dataclass(frozen=True)
class Case:
    """One hostile file as the index names it, and how it must end."""

    name: str
    expect: str
    kind: str


def build(folder: Path, outside: Path) -> list[Case]:
    """Write every case into `folder` (and the targets of outward links into `outside`)."""
    folder.mkdir(parents=True, exist_ok=True)
    outside.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []
    for make in (_good, _links, _special, _names, _texts, _pdfs, _mutants):
        cases.extend(make(folder, outside))
    return cases


def _put(folder: Path, name: str | bytes, data: bytes) -> None:
    path = os.path.join(os.fsencode(folder), name if isinstance(name, bytes) else os.fsencode(name))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(data)


def _good(folder: Path, outside: Path) -> list[Case]:
    _put(folder, "goed/verslag.txt", GOOD_TEXT.encode())
    _put(folder, "goed/nota.pdf", text_pdf([GOOD_TEXT.replace("VNG", "BGZJ"), "Tweede pagina over wachtlijsten."]))
    return [Case("goed/verslag.txt", "added", "good"), Case("goed/nota.pdf", "added", "good")]


def _links(folder: Path, outside: Path) -> list[Case]:
    (outside / "secret.txt").write_text(f"{SECRET}. " + GOOD_TEXT)
    (outside / "secret.pdf").write_bytes(text_pdf([f"{SECRET}. {GOOD_TEXT}"]))
    (outside / "map").mkdir(exist_ok=True)
    (outside / "map" / "binnen.txt").write_text(f"{SECRET} in een map. " + GOOD_TEXT)
    links = folder / "links"
    links.mkdir()
    _put(folder, "links/echt.txt", ("Een echt bestand in de map over jeugdbescherming. " + GOOD_TEXT).encode())
    made = {
        "passwd.txt": (outside / "secret.txt", "refused"),
        "relatief.pdf": (Path("../..") / outside.name / "secret.pdf", "refused"),
        "null.txt": (Path("/dev/null"), "refused"),
        "weg.txt": (links / "bestaat-niet.txt", "refused"),
        "zelf.txt": (Path("zelf.txt"), "refused"),
        "kring-a.md": (Path("kring-b.md"), "refused"),
        "kring-b.md": (Path("kring-a.md"), "refused"),
        "alias.txt": (Path("echt.txt"), "refused"),  # the real file is read under its own name
        "keten.txt": (Path("alias.txt"), "refused"),
        "buitenmap": (outside / "map", "refused"),  # a link to a folder is never walked
        "buitenmap.txt": (outside / "map", "refused"),
        "terug": (Path(".."), "refused"),
    }
    for name, (target, _) in made.items():
        os.symlink(target, links / name)
    return [Case("links/echt.txt", "added", "link")] + [
        Case(f"links/{name}", expect, "link") for name, (_, expect) in made.items()
    ]


def _special(folder: Path, outside: Path) -> list[Case]:
    os.mkfifo(folder / "fifo.txt")
    os.mkfifo(folder / "fifo.pdf")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "socket.md"))
    sock.close()
    return [Case(n, "refused", "special") for n in ("fifo.txt", "fifo.pdf", "socket.md")]


def _names(folder: Path, outside: Path) -> list[Case]:
    body = GOOD_TEXT.encode()
    cases = []
    names = [
        ("rapport\u202etxt.exe.txt", "added"),
        ("nota\u200b\u200dverborgen.txt", "added"),
        ("stuur\x01teken.txt", "added"),
        ("nieuwe\nregel.txt", "added"),
        ("tab\tnaam.md", "added"),
        ("-rf.txt", "added"),
        (" spaties rondom .txt", "added"),
        ("cafe\u0301-nfd.txt", "added"),
        ("café-nfc.txt", "added"),
        ("🙂-emoji.md", "added"),
        ("![x](http:127.0.0.1:9 x.png).md", "added"),
        ("<img src=x onerror=alert(1)>.txt", "added"),
        ("$x$ en `code` en *ster*.txt", "added"),
        ("HOOFDLETTERS.TXT", "added"),
        (".verborgen.txt", "added"),
        ("a" * 240 + ".txt", "added"),
        ("/".join(f"d{k}" for k in range(25)) + "/diep.txt", "added"),
        ("geen-achtervoegsel", "absent"),
        ("word.docx", "absent"),
        ("afbeelding.png", "absent"),
    ]
    for k, (name, expect) in enumerate(names):
        _put(folder, f"namen/{name}", body + f" Variant {k} met eigen inhoud.".encode())
        cases.append(Case(f"namen/{name}", expect, "name"))
    for k, raw in enumerate((b"caf\xe9.txt", b"\xff\xfe.md", b"half\xc3.txt")):
        _put(folder, b"namen/" + raw, body + f" Ongeldige naam {k}.".encode())
        shown = "namen/" + raw.decode("utf-8", "replace")
        cases.append(Case(shown, "refused", "name"))
    return cases


def _texts(folder: Path, outside: Path) -> list[Case]:
    rng = random.Random(13)
    headings = "".join(f"# Kop {k}\n" for k in range(100_000))
    texts: dict[str, tuple[bytes, str]] = {
        "latin1.txt": (GOOD_TEXT.replace("De", "Één").encode("latin-1", "replace") + b" caf\xe9", "refused"),
        "utf16.txt": (GOOD_TEXT.encode("utf-16"), "refused"),
        "bom.txt": (b"\xef\xbb\xbf" + GOOD_TEXT.encode(), "added"),
        "surrogaat.txt": (GOOD_TEXT.encode() + b" \xed\xa0\x80 einde", "refused"),
        "stuurtekens.txt": (bytes(rng.randrange(1, 32) for _ in range(5000)), "refused"),
        "nul.txt": (b"\x00" * 4096, "refused"),
        "binair.txt": (bytes(rng.randrange(256) for _ in range(20_000)), "refused"),
        "pdf-als-tekst.txt": (text_pdf([GOOD_TEXT]), "either"),
        "leeg.txt": (b"", "refused"),
        "witruimte.txt": (b" \n\t\r\n" * 500, "refused"),
        "een-woord.txt": (b"jeugdzorg", "refused"),
        "bidi-in-tekst.txt": (("\u202e" + GOOD_TEXT + "\u2066 en \u2069 verder").encode(), "added"),
        "nulbreedte.txt": (GOOD_TEXT.replace(" ", " \u200b").encode(), "added"),
        "markdown-beelden.md": (f"# Kop ![x](http://127.0.0.1:9/p.png)\n\n{GOOD_TEXT} <img src=//x>".encode(), "added"),
        "html.txt": (
            f"<script>alert(1)</script> {GOOD_TEXT} <style>body{{background:url(//x)}}</style>".encode(),
            "added",
        ),  # fmt: skip
        "crlf.txt": (GOOD_TEXT.replace(". ", ".\r\n").encode(), "added"),
        "pagina's.txt": (((GOOD_TEXT + "\f") * 3).encode(), "added"),
        "zonder-spaties.txt": (b"a" * (3 << 20), "refused"),
        "een-regel-herhaald.txt": (("het overleg over jeugdzorg " * 120_000).encode(), "refused"),
        "honderdduizend-koppen.md": (headings.encode(), "refused"),
        "korte-regels.txt": ("\n".join(rng.choice(WORDS) for _ in range(20_000)).encode(), "refused"),
        "te-groot.txt": (b"jeugdzorg " * ((21 << 20) // 10), "refused"),
        "lange-woorden.txt": ((" ".join(rng.choice(WORDS) for _ in range(3000)) + " " + "x" * 5000).encode(), "added"),
        "cijfers.txt": (" ".join(str(rng.randrange(10**6)) for _ in range(5000)).encode(), "refused"),
    }
    for name, (data, _) in texts.items():
        _put(folder, f"teksten/{name}", data)
    return [Case(f"teksten/{name}", expect, "text") for name, (_, expect) in texts.items()]


def _page(contents: bytes, extra: bytes = b"", font: bytes = b"") -> list[bytes]:
    font = font or b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    stream = b"BT /F1 10 Tf 50 800 Td (" + contents + b") Tj ET"
    return [
        b"<< /Type /Catalog /Pages 2 0 R " + extra + b">>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        font,
    ]


def _pdfs(folder: Path, outside: Path) -> list[Case]:
    text = GOOD_TEXT.encode("latin-1")
    cid_font = (b"<< /Type /Font /Subtype /Type0 /BaseFont /Geheim /Encoding /Identity-H "
                b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Geheim "
                b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>] >>")  # fmt: skip
    good = text_pdf([GOOD_TEXT, "Pagina twee over de regio's."])
    pdfs: dict[str, tuple[bytes, str]] = {
        "lange-regel.pdf": (text_pdf(["x" * 200_000]), "refused"),
        "herhaalde-woorden.pdf": (text_pdf(["jeugdzorg tarieven " * 10_000]), "refused"),
        "gescand.pdf": (blank_pdf(3), "refused"),
        "versleuteld.pdf": (encrypted_pdf(), "refused"),
        "nul-paginas.pdf": (zero_page_pdf(), "refused"),
        "alleen-kop.pdf": (b"%PDF-1.4\n", "refused"),
        "willekeurig.pdf": (random.Random(5).randbytes(50_000), "refused"),
        "tekst-als-pdf.pdf": (GOOD_TEXT.encode() + b" Geen PDF.", "refused"),
        "javascript.pdf": (assemble(_page(text, b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >> ")), "added"),
        "bijlage.pdf": (
            assemble(
                _page(text, b"/Names << /EmbeddedFiles << /Names [(x.exe) 6 0 R] >> >> ")
                + [b"<< /Type /Filespec /F (x.exe) >>"]
            ),
            "added",
        ),  # fmt: skip
        "cid-zonder-unicode.pdf": (assemble(_page(b"\x00\x01\x00\x02\x00\x03" * 20, font=cid_font)), "either"),
        "paginaboom-kring.pdf": (
            assemble(
                [
                    b"<< /Type /Catalog /Pages 2 0 R >>",
                    b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                    b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
                ]
            ),
            "refused",
        ),  # fmt: skip
        "zelfverwijzend.pdf": (assemble([b"<< /Type /Catalog /Pages 1 0 R >>"]), "refused"),
        "objectstroom-kring.pdf": (
            assemble(
                _page(text)[:3]
                + [b"<< /Type /ObjStm /N 1 /First 4 /Length 10 /Extends 4 0 R >>\nstream\n4 0 4 0 R\nendstream"]
            ),
            "refused",
        ),  # fmt: skip
        "bom.pdf": (bomb_pdf(60), "refused"),
        "lzw.pdf": (
            assemble(_page(text)[:3] + [b"<< /Length 4 /Filter /LZWDecode >>\nstream\n\x80\x00\x00\x00\nendstream"]),
            "refused",
        ),  # fmt: skip
        "verkeerde-xref.pdf": (good.replace(b"startxref\n", b"startxref\n9"), "either"),
        "zonder-trailer.pdf": (good[: good.rindex(b"trailer")], "either"),
        "duizend-paginas.pdf": (
            text_pdf([f"Pagina {k} van het verslag over jeugdzorg in gemeente {k}." for k in range(1000)]),
            "either",
        ),  # fmt: skip
        "diep-genest.pdf": (nested_pdf(50_000), "refused"),
        "veel-paginas.pdf": (many_pages_pdf(20_000), "refused"),
    }
    for name, (data, _) in pdfs.items():
        _put(folder, f"pdf/{name}", data)
    return [Case(f"pdf/{name}", expect, "pdf") for name, (_, expect) in pdfs.items()]


def _mutants(folder: Path, outside: Path) -> list[Case]:
    for k, data in enumerate(mutations(seed=21, n=40)):
        _put(folder, f"mutant/{k:02d}.pdf", data)
    return [Case(f"mutant/{k:02d}.pdf", "either", "mutant") for k in range(40)]


BASE = text_pdf([
    "verslag\nBetreft Bestuurlijk Overleg met VWS/JenV/VNG\nVergaderdatum en -tijd 6 november 2019 10:00-11:00\n"
    "1 Faire tarieven\nDhr. Meijer stelt namens de VNG een handreiking over faire tarieven voor.",
    "2 Rondvraag\nEr zijn geen vragen over de jeugdzorg in de regio.",
])  # fmt: skip


def mutations(seed: int, n: int) -> list[bytes]:
    """Truncations, bit flips, garbage insertions, dropped and duplicated spans of a real PDF."""
    rng = random.Random(seed)
    out = []
    for k in range(n):
        data = bytearray(BASE)
        kind = k % 5
        if kind == 0:
            data = data[: rng.randrange(1, len(data))]
        elif kind == 1:
            for _ in range(rng.randrange(1, 40)):
                data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        elif kind == 2:
            pos = rng.randrange(len(data))
            data[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 300)))
        elif kind == 3:
            a = rng.randrange(len(data))
            del data[a : a + rng.randrange(1, 200)]
        else:
            a = rng.randrange(len(data))
            data[a:a] = data[a : a + rng.randrange(1, 400)] * rng.randrange(2, 6)
        out.append(bytes(data))
    return out


def assemble(objects: list[bytes]) -> bytes:
    """A PDF file with a correct cross-reference table around the given objects (1 is the root)."""
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def bomb_pdf(megabytes: int = 400) -> bytes:
    """A page whose content stream inflates from under 1 MB to `megabytes` MB."""
    payload = zlib.compress(b"0 0 m " * ((megabytes << 20) // 6), 9)
    return assemble([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(payload) + payload + b"\nendstream",
    ])  # fmt: skip


def nested_pdf(depth: int = 200_000) -> bytes:
    """A page resource nested far deeper than any parser's recursion limit."""
    return assemble([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources " + b"[" * depth + b"]" * depth + b" >>",
    ])  # fmt: skip


def many_pages_pdf(count: int = 200_000) -> bytes:
    """A page tree that lists far more pages than any dossier has."""
    kids = b" ".join(b"3 0 R" for _ in range(count))
    return assemble([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>",
    ])  # fmt: skip

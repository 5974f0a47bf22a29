"""Whether a document can be issued as it comes (issue 15, "Everywhere"): the checks
any test can run on a document's PDF, Word and HTML files (docs/adr/025).

Each check returns the problems it found, as sentences naming what was found, so a
failing test lists every one at once: an empty list means the file can be issued.
They read the files as a reader would: the PDF's text and fonts (pypdf, and its
inflated streams for the colours it paints), and the Word file through python-docx."""

import io
import re
import zlib
from typing import Any

from improvement.documents.style import FONT, TAG_COLOURS

# A snake_case code (a measure's code, a model's field name): never printed.
IDENTIFIER = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
# Addresses may hold underscores; they are not identifiers of ours.
ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\S+")
# "1 actions": a plural noun after the number one, unless the one names a thing
# ("Stage 1 complaints", "Figure 1 outcomes") or is part of a larger number.
ONE_AND_PLURAL = re.compile(r"(?<![\w.,£$/-])(?:(\w+) )?1 ([a-z]+s)\b")
# Words after which "1" is a name, not a count.
NAMING = {
    "stage", "figure", "table", "part", "appendix", "annex", "item", "paragraph",
    "section", "page", "level", "tier", "step", "phase", "option", "priority", "list",
    "schedule", "question", "year", "recommendation", "objective", "action", "of",
    "key", "no", "number", "version", "chart", "area", "theme", "measure", "quarter",
}  # fmt: skip
# Nouns that end in s in the singular.
SINGULAR_S = re.compile(r"(ss|us|is|ics|ness|news|series|ous)$")
# "0 action", "5 objective": a count other than one before a singular count noun.
COUNT_NOUNS = (
    "action|objective|measure|complaint|meeting|item|update|recommendation|review|"
    "decision|member|report|compliment|referral|day|month|week|year|partner"
)
MANY_AND_SINGULAR = re.compile(rf"(?<![\w.,£$/-])(0|[2-9]|[1-9]\d+) ({COUNT_NOUNS})\b(?![-'’s])")
# "3.0", "12.0 actions": a whole count printed with a decimal place; a percentage
# (29.0%) keeps its one place.
DECIMAL_COUNT = re.compile(r"(?<![\d.,])\d+\.0(?![\d%])(?!\s*%)\b")
DECIMAL_BEFORE_NOUN = re.compile(rf"(?<![\d.,])\d+\.\d+ ({COUNT_NOUNS})s?\b")

A4_MM = [210, 297]
STYLE_SUFFIX = re.compile(r"[-,]?(Bold|Italic|Oblique|Regular|Book|Medium|Light)$")


def _around(text: str, match: re.Match, width: int = 30) -> str:
    start, end = max(match.start() - width, 0), match.end() + width
    return " ".join(text[start:end].split())


def text_problems(text: str) -> list[str]:
    """What a reader must not see in a document's words: internal identifiers, a
    number that disagrees with its noun, a count with a decimal place."""
    found = []
    plain = ADDRESS.sub(" ", text)
    for match in IDENTIFIER.finditer(plain):
        found.append(f"internal identifier {match.group()!r} in '{_around(plain, match)}'")
    for match in ONE_AND_PLURAL.finditer(plain):
        before, noun = (match.group(1) or "").lower(), match.group(2)
        if before not in NAMING and not SINGULAR_S.search(noun):
            found.append(f"'1 {noun}' in '{_around(plain, match)}'")
    for match in MANY_AND_SINGULAR.finditer(plain):
        found.append(f"'{match.group()}' in '{_around(plain, match)}'")
    for pattern in (DECIMAL_COUNT, DECIMAL_BEFORE_NOUN):
        for match in pattern.finditer(plain):
            found.append(f"count with decimals {match.group()!r} in '{_around(plain, match)}'")
    return found


def pdf_pages(pdf: bytes) -> list[str]:
    """Each page's text."""
    # Lazy: pypdf is only for tests and the agenda pack.
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def pdf_text(pdf: bytes) -> str:
    return "\n".join(pdf_pages(pdf))


# A page, other than the last, with less than this much text besides its footer is
# near-empty: a heading or a table's last rows pushed over on their own.
NEAR_EMPTY = 80
FOOTER = re.compile(r"Page \d+ of \d+")


def near_empty_pages(pdf: bytes, council: str) -> list[int]:
    """The numbers of the pages, before the last, that hold almost nothing."""
    pages = pdf_pages(pdf)
    found = []
    for number, text in enumerate(pages[:-1], start=1):
        body = FOOTER.sub("", text).replace(council, "").strip()
        if len(body) < NEAR_EMPTY:
            found.append(number)
    return found


def pdf_streams(pdf: bytes) -> bytes:
    """The PDF's bytes with every compressed stream inflated (fonts are named, and
    colours painted, inside them)."""
    found = [pdf]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            found.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return b"\n".join(found)


def font_families(pdf: bytes) -> set[str]:
    """The families of the fonts a PDF embeds, without subset tags or styles."""
    families = set()
    for name in re.findall(rb"/BaseFont\s*/([^\s/<>\[\]]+)", pdf_streams(pdf)):
        family = name.decode().split("+")[-1]
        while STYLE_SUFFIX.search(family):
            family = STYLE_SUFFIX.sub("", family)
        families.add(family.replace("-", "").replace(" ", ""))
    return families


def _rgb(colour: str) -> tuple[float, ...]:
    return tuple(int(colour[n : n + 2], 16) / 255 for n in (1, 3, 5))


def painted(pdf: bytes) -> set[tuple[float, ...]]:
    """The fill colours a PDF paints with (the `rg` operator)."""
    triples = re.findall(rb"([\d.]+) ([\d.]+) ([\d.]+) rg\b", pdf_streams(pdf))
    return {tuple(float(value) for value in triple) for triple in triples}


def _is_painted(colour: str, colours: set[tuple[float, ...]]) -> bool:
    wanted = _rgb(colour)
    return any(all(abs(a - b) < 0.003 for a, b in zip(wanted, c, strict=True)) for c in colours)


def tones_in_html(html: str) -> set[str]:
    """The tones of the rating tags a document's HTML shows."""
    return set(re.findall(r'class="govuk-tag govuk-tag--([a-z-]+)"', html))


def pdf_problems(pdf: bytes, tones: set[str], council: str = "") -> list[str]:
    """The PDF's words (see `text_problems`), no near-empty page, one font family, and
    each rating tone painted in its tag's tint."""
    found = text_problems(pdf_text(pdf))
    for number in near_empty_pages(pdf, council):
        found.append(f"page {number} is near-empty")
    families = font_families(pdf)
    if len(families) != 1:
        found.append(f"fonts of {len(families)} families, not one: {sorted(families)}")
    colours = painted(pdf)
    for tone in sorted(tones):
        tint = TAG_COLOURS.get(tone, TAG_COLOURS["grey"])[1]
        if not _is_painted(tint, colours):
            found.append(f"the {tone} rating is not painted in its tint {tint}")
    return found


def html_problems(html: str) -> list[str]:
    """The print HTML: each tag's tone has its colours in the page's style."""
    found = []
    for tone in sorted(tones_in_html(html)):
        if f".govuk-tag--{tone} {{ color:" not in html:
            found.append(f"the {tone} rating tag has no colour in the HTML")
    return found


def _fonts_named(xml: str) -> set[str]:
    return set(re.findall(r'w:(?:ascii|hAnsi)="([^"]+)"', xml))


def _word_layout(word: Any, council: str, title: str) -> list[str]:
    found = []
    properties = word.core_properties
    if properties.author != council:
        found.append(f"Word author is {properties.author!r}, not the council {council!r}")
    if properties.title != title:
        found.append(f"Word title is {properties.title!r}, not {title!r}")
    for number, section in enumerate(word.sections, start=1):
        size = sorted([round(section.page_width.mm), round(section.page_height.mm)])
        if size != A4_MM:
            found.append(f"Word section {number} is {size} mm, not A4")
        footer = section.footer._element.xml
        if 'w:instr=" PAGE "' not in footer or 'w:instr=" NUMPAGES "' not in footer:
            found.append(f"Word section {number} has no 'Page X of Y' in its footer")
    return found


def _word_tables(word: Any, headed: int) -> list[str]:
    found = []
    for number, table in enumerate(word.tables, start=1):
        if "<w:tcW" not in table._tbl.xml:
            found.append(f"Word table {number} has no column widths")
    repeated = word.element.xml.count("<w:tblHeader")
    if repeated < headed:
        found.append(f"{headed} tables with a header row, {repeated} repeated on each page")
    return found


def shaded_cells(word: Any) -> list[tuple[str, str]]:
    """(text, fill) of each shaded cell of a Word file's tables."""
    found = []
    for table in word.tables:
        for row in table.rows:
            for cell in row.cells:
                fill = re.search(r'<w:shd [^>]*w:fill="([0-9A-Fa-f]{6})"', cell._tc.xml)
                if fill:
                    found.append((cell.text, "#" + fill.group(1).lower()))
    return found


def word_problems(
    docx: bytes, council: str, title: str, tags: int = 0, headed: int = 0
) -> list[str]:
    """A4 with 'Page X of Y', the council as author, the document's title, one font in
    every style, tables with widths and (`headed` of them) a header row repeated on
    each page, and `tags` rating cells shaded in a tag's tint."""
    # Lazy: python-docx is heavy.
    from docx import Document as Word

    word = Word(io.BytesIO(docx))
    found = _word_layout(word, council, title) + _word_tables(word, headed)
    fonts = _fonts_named(word.styles.element.xml) | _fonts_named(word.element.xml)
    if fonts != {FONT}:
        found.append(f"Word names the fonts {sorted(fonts)}, not {FONT} alone")
    if "asciiTheme" in word.styles.element.xml:
        found.append("a Word style takes its font from the theme, not the document's font")
    tints = {tint for _, tint in TAG_COLOURS.values()}
    shaded = [cell for cell in shaded_cells(word) if cell[1] in tints]
    if len(shaded) < tags:
        found.append(f"{tags} ratings but {len(shaded)} rating cells shaded in Word")
    return found


def issuable_problems(kind: str, files: dict[str, bytes], council: str, title: str) -> list[str]:
    """Every problem of one document's `pdf`, `docx` and `html` files, each named by
    the document's kind and the format it was found in."""
    html = files["html"].decode()
    tones = tones_in_html(html)
    tags = len(re.findall(r'class="govuk-tag govuk-tag--', html))
    headed = html.count("<thead")
    found = [f"html: {p}" for p in html_problems(html)]
    found += [f"pdf: {p}" for p in pdf_problems(files["pdf"], tones, council)]
    word = word_problems(files["docx"], council, title, tags, headed)
    found += [f"docx: {p}" for p in word]
    return [f"{kind} {problem}" for problem in found]

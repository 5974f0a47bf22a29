"""A document as a Word file: A4 on every section, page numbers in the footer, the
council as author, its logo and colour, one font (documents.style) in every style,
headings as Word headings (so a reader can navigate), tables with a repeated header
row and columns sized to their content, ratings shaded in their tag's colours, and
charts with alt text followed by their figures as a table, under one caption.

python-docx is imported inside the functions that use it, never at the top: it
costs start-up time in every process and only a Word file needs it."""

import io
from typing import Any

from improvement.core.branding import logo_bytes
from improvement.documents import style
from improvement.documents.branding import branded
from improvement.documents.html import cleaned
from improvement.documents.structure import Chart, Document, Section, Table, cell_text

A4_MM = (210, 297)
MARGIN_MM = {False: 20, True: 12}
# Average width of a character of body text, as a share of its point size.
CHAR_WIDTH = 0.55


def docx_bytes(document: Document) -> bytes:
    # Lazy: start-up cost (see the module's docstring).
    from docx import Document as Word
    from docx.shared import Pt

    document = branded(cleaned(document))
    word = Word()
    word.styles["Normal"].font.size = Pt(document.font_size)
    _one_font(word, document.branding.get("colour", ""))
    _properties(word, document)
    for section in word.sections:
        _page(section, document.landscape)
    _masthead(word, document)
    word.add_heading(document.title, level=0)
    if document.subtitle:
        word.add_paragraph(document.subtitle)
    for line in document.banner:
        word.add_paragraph().add_run(line).bold = True
    if document.header:
        _table(word, Table("About this report", ["", ""], document.header, header_row=False))
    for section in document.sections:
        _section(word, section, 1, document.landscape)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _masthead(word: Any, document: Document) -> None:
    """The council's logo (with its name as alt text) and name, above the title."""
    # Lazy: start-up cost (see the module's docstring).
    from docx.shared import Mm

    name = document.branding.get("name") or document.council
    if logo := document.branding.get("logo"):
        word.add_picture(io.BytesIO(logo_bytes(logo)), height=Mm(18))
        docpr = word.inline_shapes[-1]._inline.docPr
        docpr.set("descr", name)
        docpr.set("title", name)
    word.add_paragraph(name, style="Subtitle")


def _rgb(colour: str) -> Any:
    # Lazy: start-up cost (see the module's docstring).
    from docx.shared import RGBColor

    return RGBColor.from_string(colour.lstrip("#").upper())


def _one_font(word: Any, colour: str) -> None:
    """Every style in the one font (documents.style.FONT), its theme fonts removed
    (they would override it), and the headings in the council's colour."""
    # Lazy: start-up cost (see the module's docstring).
    from docx.oxml.ns import qn

    fonts = [word.styles.element.find(qn("w:docDefaults"))]
    fonts += [style.element for style in word.styles]
    for element in fonts:
        if element is None:
            continue
        for found in element.iter(qn("w:rFonts")):
            for key in list(found.attrib):
                del found.attrib[key]
            for script in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                found.set(qn(script), style.FONT)
    for named in word.styles:
        if named.type == 1 and named.font is not None:  # a paragraph style
            named.font.name = style.FONT
            if colour and (named.name.startswith("Heading") or named.name == "Title"):
                named.font.color.rgb = _rgb(colour)


def _properties(word: Any, document: Document) -> None:
    name = document.branding.get("name") or document.council
    properties = word.core_properties
    properties.title = document.title
    properties.author = name
    properties.last_modified_by = name
    properties.language = "en-GB"
    properties.subject = document.subtitle


def _page(section: Any, landscape: bool) -> None:
    """A4, portrait or landscape, with "Page N of M" in the footer."""
    # Lazy: start-up cost (see the module's docstring).
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    short, long = (Mm(size) for size in A4_MM)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = long, short
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = short, long
    margin = Mm(MARGIN_MM[landscape])
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, margin)
    paragraph = section.footer.paragraphs[0]
    paragraph.text = ""
    paragraph.add_run("Page ")
    _field(paragraph, "PAGE")
    paragraph.add_run(" of ")
    _field(paragraph, "NUMPAGES")


def _field(paragraph: Any, name: str) -> None:
    """A field Word fills in as it lays out the pages: PAGE or NUMPAGES."""
    # Lazy: start-up cost (see the module's docstring).
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {name} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _section(word: Any, section: Section, level: int, landscape: bool) -> None:
    heading = word.add_heading(section.title, level=min(level, 4))
    heading.paragraph_format.keep_with_next = True
    heading.paragraph_format.page_break_before = section.new_page
    for text in section.paragraphs:
        word.add_paragraph(text)
    for text in section.bullets:
        word.add_paragraph(text, style="List Bullet")
    for text in section.numbered:
        word.add_paragraph(text, style="List Number")
    for chart in section.charts:
        _chart(word, chart)
    for table in section.tables:
        _table(word, table)
    for sub in section.subsections:
        _section(word, sub, level + 1, landscape)


def _caption(word: Any, text: str) -> None:
    """A caption kept on the page of what it names."""
    word.add_paragraph(text, style="Caption").paragraph_format.keep_with_next = True


def _chart(word: Any, chart: Chart) -> None:
    """The chart's caption once, its picture, then its figures as a table."""
    # Lazy: start-up cost (see the module's docstring).
    from docx.shared import Cm

    _caption(word, chart.caption)
    word.add_picture(io.BytesIO(chart.png), width=Cm(15))
    docpr = word.inline_shapes[-1]._inline.docPr
    docpr.set("descr", chart.alt)
    docpr.set("title", chart.title)
    if chart.data is not None:
        _table(word, chart.data, captioned=False)


def _table(word: Any, table: Table, captioned: bool = True) -> None:
    if captioned:
        _caption(word, table.caption)
    head = table.head if table.header_row else []
    rows = [head, *table.body] if head else table.body
    grid = word.add_table(rows=0, cols=len(table.head), style="Table Grid")
    for row in rows:
        for cell, value in zip(grid.add_row().cells, row, strict=True):
            cell.text = cell_text(value)
            if isinstance(value, dict):
                _rating(cell, value.get("tone", ""))
    if head:
        _header_row(grid)
    _size_columns(word, grid, rows)


def _rating(cell: Any, tone: str) -> None:
    """A rating cell in its tag's colours: bold dark text on the tint, as on a page."""
    # Lazy: start-up cost (see the module's docstring).
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    text, tint = style.colours(tone)
    for run in cell.paragraphs[0].runs:
        run.bold = True
        run.font.color.rgb = _rgb(text)
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), tint.lstrip("#").upper())
    cell._tc.get_or_add_tcPr().append(shading)


def _header_row(grid: Any) -> None:
    """Bold, repeated on each page, and marked as the table's header row."""
    # Lazy: start-up cost (see the module's docstring).
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for cell in grid.rows[0].cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True
    properties = grid.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def column_widths(rows: list[list[Any]], usable: float, char: float) -> list[float]:
    """Column widths (in the units of `usable`) sized to their content: each at least
    as wide as its longest word where the page allows, the rest shared by text length."""
    columns = len(rows[0]) if rows else 0
    if not columns:
        return []
    texts = [[cell_text(row[n]) for row in rows] for n in range(columns)]
    least = [(max((len(w) for t in col for w in t.split()), default=1) + 1) * char for col in texts]
    wanted = [max(min(max((len(t) for t in col), default=1), 60) + 1, 3) * char for col in texts]
    if sum(least) >= usable:
        return [usable * width / sum(least) for width in least]
    if sum(wanted) <= usable:
        return [usable * width / sum(wanted) for width in wanted]
    spare = usable - sum(least)
    extra = [max(w - m, 0) for w, m in zip(wanted, least, strict=True)]
    total = sum(extra) or 1
    return [m + spare * e / total for m, e in zip(least, extra, strict=True)]


def _size_columns(word: Any, grid: Any, rows: list[list[Any]]) -> None:
    # Lazy: start-up cost (see the module's docstring).
    from docx.shared import Emu, Pt

    section = word.sections[-1]
    usable = section.page_width - section.left_margin - section.right_margin
    size = word.styles["Normal"].font.size or Pt(11)
    widths = column_widths(rows, usable, size * CHAR_WIDTH + Pt(0.5))
    grid.autofit = False
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = Emu(int(width))
        for cell in column.cells:
            cell.width = Emu(int(width))

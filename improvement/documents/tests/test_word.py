"""The Word writer: columns sized to their content, text cleaned, tags in bold."""

import io

from docx import Document as Word

from improvement.documents import word
from improvement.documents.structure import Document, Section, Table, tag


def test_no_column_is_narrower_than_its_longest_word_when_the_page_allows():
    rows = [["Ref", "A long description of what the action is for", "Safeguarding"]]
    widths = word.column_widths(rows, usable=100.0, char=1.0)
    assert round(sum(widths), 6) == 100.0
    assert widths[0] >= len("Ref") + 1
    assert widths[2] >= len("Safeguarding") + 1
    assert widths[1] > widths[0]


def test_a_vertical_tab_cannot_break_the_word_file_and_tags_are_bold(db):
    document = Document(
        kind="test",
        title="Title\x0bwith a tab",
        council="Testshire Council",
        sections=[
            Section(
                "Ratings",
                paragraphs=["Pasted\x0bfrom Word\x00"],
                tables=[Table("Key", ["Rating", "Meaning"], [[tag("Green", "green"), "On track"]])],
            )
        ],
    )
    opened = Word(io.BytesIO(word.docx_bytes(document)))
    assert opened.core_properties.title == "Title\nwith a tab"
    assert any(p.text == "Pasted\nfrom Word" for p in opened.paragraphs)
    cell = opened.tables[0].rows[1].cells[0]
    assert cell.text == "Green" and cell.paragraphs[0].runs[0].bold
    assert opened.tables[0].rows[0].cells[0].paragraphs[0].runs[0].bold

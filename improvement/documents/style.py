"""How every document looks, in every format: one sans-serif font, and the colours a
rating tag wears. The print CSS and the Word writer both read them here, so a document
looks the same on paper, in a PDF and in Word.

The font is Arial, named first: councils' Word has it, and Debian (with the
fonts-liberation package the Dockerfile and CI install) aliases it to Liberation
Sans, its metric twin, which WeasyPrint embeds. Every box of the PDF, the page's
margin boxes too, names it, so no fallback serif font creeps in.

Tags wear GOV.UK Frontend's tag colours (6.6): dark text on a light tint, each pair
well above AA contrast, and the label is always printed (colour is never the only cue).
"""

FONT = "Arial"
FONT_STACK = 'Arial, "Liberation Sans", Helvetica, sans-serif'

# tone: (text, tint). "blue" is GOV.UK's default tag; "amber" is the scale's old name
# for orange.
TAG_COLOURS: dict[str, tuple[str, str]] = {
    "blue": ("#0f385c", "#d2e2f1"),
    "green": ("#083d29", "#cfe4dc"),
    "orange": ("#7a3c1c", "#fde4d7"),
    "amber": ("#7a3c1c", "#fde4d7"),
    "red": ("#651b1b", "#f4d7d7"),
    "grey": ("#0b0c0c", "#cecece"),
    "yellow": ("#7a3c1c", "#ffee80"),
    "purple": ("#2a1950", "#ddd6ec"),
    "pink": ("#651b3e", "#f4d7e5"),
    "magenta": ("#651b3e", "#f4d7e5"),
    "turquoise": ("#0b4144", "#d0e6e7"),
    "teal": ("#0b4144", "#d0e6e7"),
}
DEFAULT_TONE = "grey"


def colours(tone: str) -> tuple[str, str]:
    """A tone's text and tint; an unknown tone is grey, never uncoloured."""
    return TAG_COLOURS.get(tone, TAG_COLOURS[DEFAULT_TONE])


def tag_css() -> str:
    """The print CSS of every tone's tag."""
    return "\n".join(
        f"  .govuk-tag--{tone} {{ color: {text}; background: {tint}; }}"
        for tone, (text, tint) in TAG_COLOURS.items()
    )


def css_string(text: str) -> str:
    """Text as a quoted CSS string, safe inside a <style> element: each character that
    could end the string or the element is escaped by its code point."""
    escaped = "".join(
        f"\\{ord(char):x} " if char in '"\\<>&\n\r' or ord(char) < 32 else char for char in text
    )
    return f'"{escaped}"'

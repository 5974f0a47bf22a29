"""Counts in words that agree in number: "1 action", "2 actions", "1 is", "2 are".

A report is read aloud at a board; "1 actions are" is the kind of slip that makes a
document look machine-made. (The shared helper for this is coming to
`improvement.core.text`; these two functions are what the reports need until then.)"""


def counted(number: int, noun: str, nouns: str = "") -> str:
    """The number and the noun that agrees with it: counted(1, "action") is "1 action"."""
    return f"{number} {noun if number == 1 else nouns or f'{noun}s'}"


def verb(number: int, one: str = "is", many: str = "are") -> str:
    """The verb that agrees with a count: verb(1) is "is", verb(2) is "are"."""
    return one if number == 1 else many


def weeks(days: int) -> str:
    """A span of days as whole weeks for a countdown: "1 week", "30 weeks", or
    "less than a week"."""
    whole = days // 7
    return counted(whole, "week") if whole else "less than a week"

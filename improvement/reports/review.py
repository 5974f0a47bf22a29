"""The board report's sections on the Improvement Notice: the DfE's latest review and
the adviser's feedback (paragraphs 6 and 13), and the actions planned to finish after
the notice's deadline (paragraph 11) with, at the meetings before it, a countdown."""

import datetime
from typing import Any

from improvement.core.templatetags.ib import rating_entry, ukdate
from improvement.documents.structure import Section, Table, paragraphs, tag
from improvement.plans.picture import PlanPicture
from improvement.reports.queries import adviser_recommendations_until, latest_review
from improvement.reports.wording import counted, verb, weeks

NO_NOTICE = "The council is not under an Improvement Notice."


def rating_tag(council: Any, code: str) -> dict[str, str]:
    """A rating as a tag in a table: its label, in its colour."""
    entry = rating_entry(council, code)
    return tag(entry["label"], entry["colour"])


def countdown(picture: PlanPicture, day: datetime.date) -> list[str]:
    """'N weeks to ...' for the DfE's next review and the notice's deadline, at the
    meetings before each; after the deadline, how many actions are still to finish."""
    if picture.notice is None:
        return []
    lines = []
    review = picture.notice.next_review_due
    if review > day:
        lines.append(
            f"{weeks((review - day).days).capitalize()} to the DfE's review of progress, "
            f"due by {ukdate(review)}."
        )
    deadline = picture.notice.notice.deadline
    if deadline > day:
        lines.append(
            f"{weeks((deadline - day).days).capitalize()} to the notice's deadline of "
            f"{ukdate(deadline)}, by which the plan's actions should be implemented."
        )
    else:
        left = len(picture.actions) - picture.complete
        lines.append(
            f"The notice's deadline of {ukdate(deadline)} has passed; "
            f"{counted(left, 'action')} {verb(left)} not yet complete."
        )
    return lines


def review_section(council: Any, picture: PlanPicture) -> Section:
    """The DfE's latest review of progress and the adviser's recommendations so far."""
    heading = "The DfE's review and the adviser's feedback"
    if picture.notice is None:
        return Section(heading, paragraphs=[NO_NOTICE], anchor="review")
    notice = picture.notice
    review = latest_review(notice.notice, picture.as_at)
    if review is None:
        text = [
            f"The DfE has not yet reviewed progress; its first review is due by "
            f"{ukdate(notice.next_review_due)}."
        ]
    else:
        by = f" by {review.reviewer}" if review.reviewer else ""
        text = [f"The DfE's latest review of progress was held on {ukdate(review.held_on)}{by}."]
        text += paragraphs(review.summary) or ["Its findings are not yet recorded."]
        text.append(f"The next review is due by {ukdate(notice.next_review_due)}.")
    adviser = notice.notice.adviser
    advice = adviser_recommendations_until(council, picture.as_at)
    text.append(
        f"The adviser{f', {adviser},' if adviser else ''} has made "
        f"{counted(len(advice), 'recommendation')}" + (", the newest first:" if advice else ".")
    )
    bullets = [
        f"{finding.ref + ' ' if finding.ref else ''}({ukdate(finding.made_on)}): {finding.text}"
        for finding in advice
    ]
    return Section(heading, paragraphs=text, bullets=bullets, anchor="review")


def deadline_section(
    council: Any, picture: PlanPicture, day: datetime.date, listed: bool
) -> Section:
    """The actions due after the notice's deadline, each with its owner and rating
    (`listed` is False for a large plan, whose exceptions already list them)."""
    heading = "Actions due after the notice's deadline"
    if picture.notice is None:
        return Section(heading, paragraphs=[NO_NOTICE + " No deadline applies."], anchor="deadline")
    deadline = picture.notice.notice.deadline
    late = picture.due_after_deadline
    text = countdown(picture, day) + [
        f"The notice asks for the plan's actions to be implemented by {ukdate(deadline)} "
        f"(paragraph 11). {counted(len(late), 'action')} not yet complete "
        f"{verb(len(late))} due after it."
    ]
    if not listed:
        text.append("They are listed with the exceptions, objective by objective.")
        return Section(heading, paragraphs=text, anchor="deadline")
    head = ["Action", "Owner", "Due", "Rating"]
    rows = [
        [
            f"{item.action.ref} {item.action.title}".strip(),
            str(item.action.organisation),
            ukdate(item.due_on),
            rating_tag(council, item.rating),
        ]
        for item in late
    ]
    return Section(
        heading,
        paragraphs=text,
        tables=[Table("Actions due after the deadline", head, rows, "No action is due after it.")],
        anchor="deadline",
    )

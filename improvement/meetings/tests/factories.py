import datetime

import factory

from improvement.accounts.tests.factories import CouncilFactory
from improvement.meetings.models import AgendaItem, Body, BodyMembership, Meeting


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body
        django_get_or_create = ("council", "slug")

    council = factory.SubFactory(CouncilFactory)
    name = "Children's Services Improvement Board"
    slug = "improvement-board"
    kind = Body.Kind.IMPROVEMENT_BOARD
    standing = Body.Standing.NOTICE
    # As `services.create_body` defaults them: a board neither votes nor meets in public.
    members_vote = factory.LazyAttribute(lambda o: o.kind != Body.Kind.IMPROVEMENT_BOARD)
    meets_in_public = factory.LazyAttribute(lambda o: o.kind != Body.Kind.IMPROVEMENT_BOARD)


class BodyMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BodyMembership

    body = factory.SubFactory(BodyFactory)
    role_title = "Member"


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    body = factory.SubFactory(BodyFactory)
    council = factory.SelfAttribute("body.council")
    starts_at = datetime.datetime(2024, 2, 7, 14, 0, tzinfo=datetime.UTC)
    location = "Town Hall"


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Item {n}")

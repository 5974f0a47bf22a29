import datetime

import factory

from improvement.accounts.tests.factories import CouncilFactory, OrganisationFactory
from improvement.plans.models import (
    Action,
    Finding,
    Inspection,
    Notice,
    Objective,
    Rating,
    Requirement,
    Update,
)


class InspectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inspection

    council = factory.SubFactory(CouncilFactory)
    kind = Inspection.Kind.FOCUSED_VISIT
    title = "Focused visit to the front door"
    started_on = datetime.date(2023, 3, 1)
    ended_on = datetime.date(2023, 3, 2)
    published_on = datetime.date(2023, 5, 9)


class FindingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Finding

    council = factory.SubFactory(CouncilFactory)
    inspection = factory.LazyAttribute(lambda o: InspectionFactory(council=o.council))
    kind = Finding.Kind.PRIORITY_ACTION
    ref = factory.Sequence(lambda n: f"PA{n}")
    text = "The timeliness of the response to contacts and referrals"


class NoticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notice

    council = factory.SubFactory(CouncilFactory)
    issuer = "Department for Education"
    issued_on = datetime.date(2023, 8, 2)
    adviser = "Sally Rowe"
    deadline = datetime.date(2024, 11, 30)


class RequirementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Requirement

    notice = factory.SubFactory(NoticeFactory)
    paragraph = factory.Sequence(lambda n: f"5.{n}")
    text = "The content of the improvement plan must be kept up to date"


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective

    council = factory.SubFactory(CouncilFactory)
    ref = factory.Sequence(lambda n: str(n + 1))
    title = factory.Sequence(lambda n: f"Objective {n + 1}")
    created_at = factory.LazyFunction(lambda: datetime.datetime(2023, 8, 1, 9, tzinfo=datetime.UTC))


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action
        skip_postgeneration_save = True

    objective = factory.SubFactory(ObjectiveFactory)
    council = factory.SelfAttribute("objective.council")
    ref = factory.Sequence(lambda n: f"A{n}")
    title = factory.Sequence(lambda n: f"Action {n}")
    organisation = factory.LazyAttribute(lambda o: OrganisationFactory(council=o.council))
    due_on = datetime.date(2024, 6, 30)
    created_at = factory.LazyFunction(lambda: datetime.datetime(2023, 8, 1, 9, tzinfo=datetime.UTC))

    @factory.post_generation
    def owners(self, create, extracted, **kwargs):
        if create and extracted:
            self.owners.set(extracted)


class UpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Update

    action = factory.SubFactory(ActionFactory)
    as_of = datetime.date(2024, 1, 15)
    rating = Rating.GREEN
    reason = "On track"
    # Recorded on the day it describes, unless a test says otherwise (see backdating).
    created_at = factory.LazyAttribute(
        lambda o: datetime.datetime.combine(o.as_of, datetime.time(12), tzinfo=datetime.UTC)
    )

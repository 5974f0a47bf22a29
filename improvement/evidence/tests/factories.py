import datetime
from decimal import Decimal

import factory

from improvement.accounts.tests.factories import CouncilFactory
from improvement.evidence.models import (
    Benchmark,
    CaseAudit,
    Measure,
    MeasureValue,
    VoiceEvent,
    VoiceTheme,
)


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure
        skip_postgeneration_save = True

    council = factory.SubFactory(CouncilFactory)
    code = factory.Sequence(lambda n: f"M{n}")
    name = factory.Sequence(lambda n: f"Measure {n}")
    unit = Measure.Unit.PERCENTAGE
    polarity = Measure.Polarity.HIGHER
    target = Decimal("75")
    tolerance = Decimal("5")

    @factory.post_generation
    def objectives(self, create, extracted, **kwargs):
        if create and extracted:
            self.objectives.set(extracted)


class MeasureValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeasureValue

    measure = factory.SubFactory(MeasureFactory)
    period = datetime.date(2024, 1, 1)
    value = Decimal("70")


class BenchmarkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Benchmark

    measure = factory.SubFactory(MeasureFactory)
    kind = Benchmark.Kind.ENGLAND
    year = "2022-23"
    value = Decimal("78.5")
    source = "DfE Characteristics of children in need 2023"
    published_on = datetime.date(2023, 10, 26)


class CaseAuditFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseAudit

    council = factory.SubFactory(CouncilFactory)
    held_on = datetime.date(2024, 1, 20)
    theme = "Timeliness of visits"
    service_area = "Front door"
    cases = 20
    outstanding = 1
    good = 7
    requires_improvement = 9
    inadequate = 3
    learning = "Visits recorded late"


class VoiceEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VoiceEvent

    council = factory.SubFactory(CouncilFactory)
    kind = VoiceEvent.Kind.STAFF_SURVEY
    title = "Staff survey winter 2023"
    held_on = datetime.date(2023, 12, 1)
    participants = "Social workers and managers"
    participant_count = 84
    headlines = "62% say supervision is regular"


class VoiceThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VoiceTheme
        skip_postgeneration_save = True

    event = factory.SubFactory(VoiceEventFactory)
    title = "Caseloads too high"

    @factory.post_generation
    def objectives(self, create, extracted, **kwargs):
        if create and extracted:
            self.objectives.set(extracted)


def monthly(measure, values, start=datetime.date(2023, 10, 1)):
    """Values for consecutive months from `start`."""
    rows = []
    for i, value in enumerate(values):
        month = start.month - 1 + i
        period = datetime.date(start.year + month // 12, month % 12 + 1, 1)
        rows.append(MeasureValueFactory(measure=measure, period=period, value=Decimal(str(value))))
    return rows

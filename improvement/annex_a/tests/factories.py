import datetime

import factory

from improvement.accounts.tests.factories import CouncilFactory
from improvement.annex_a.models import AnnexAImport


class AnnexAImportFactory(factory.django.DjangoModelFactory):
    """A finished import with its KPIs, for pages and the API that read them."""

    class Meta:
        model = AnnexAImport

    council = factory.SubFactory(CouncilFactory)
    reference_date = datetime.date(2024, 1, 31)
    file_name = "annex-a.xlsx"
    status = AnnexAImport.Status.DONE
    kpis = factory.LazyFunction(dict)
    report = factory.LazyFunction(lambda: {"data_quality": {}})

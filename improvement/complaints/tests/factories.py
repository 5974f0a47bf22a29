import datetime

import factory

from improvement.complaints.models import Representation


class ComplaintFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Representation

    reference = factory.Sequence(lambda n: f"C-{n:04d}")
    received_on = datetime.date(2024, 2, 1)
    kind = "complaint"
    process = "statutory"
    service = "childrens_social_care"
    team = "Children in Care"
    complainant_type = "parent_or_guardian"
    complainant_name = "Jo Example"
    stage1_route = "formal"

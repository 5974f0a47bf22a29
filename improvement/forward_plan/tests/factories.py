import factory

from improvement.accounts.tests.factories import CouncilFactory
from improvement.forward_plan.models import ForwardDecision
from improvement.meetings.tests.factories import BodyFactory


class ScrutinyFactory(BodyFactory):
    name = "Children and Education Scrutiny Committee"
    slug = "children-education-scrutiny"
    kind = "scrutiny"
    standing = "formal"


class ForwardDecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ForwardDecision

    council = factory.SubFactory(CouncilFactory)
    title = factory.Sequence(lambda n: f"Decision {n}")
    description = "To approve the award."
    maker_kind = "member"
    maker_name = "Councillor Jackie Allen"
    maker_portfolio = "Cabinet Member for Children's Services and Education"
    wards = "All Wards"
    contact = "Chris Stromberg chris.stromberg@example.gov.uk"
    contact_email = "chris.stromberg@example.gov.uk"
    directorate = "Corporate Services"

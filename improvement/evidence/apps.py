from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "improvement.evidence"
    label = "evidence"

    def ready(self) -> None:
        # Registers the app's daily jobs with core.daily.
        # Declares the app's permissions with the sentence a refused person reads.
        # Names the review areas' codes for the activity and history pages.
        from improvement.core.audit_rows import name_codes
        from improvement.evidence import jobs, permissions  # noqa: F401
        from improvement.evidence.models import CaseAudit, Measure
        from improvement.plans.ports import ReviewArea

        for model in (Measure, CaseAudit):
            name_codes(model, "review_areas", ReviewArea.choices)

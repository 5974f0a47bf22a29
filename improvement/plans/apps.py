from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "improvement.plans"
    label = "plans"
    verbose_name = "Improvement plan"

    def ready(self) -> None:
        # Registers the app's daily jobs with core.daily.
        # Declares the plan's permissions with the sentences a refused person reads.
        # Names the review areas' codes for the activity and history pages.
        from improvement.core.audit_rows import name_codes
        from improvement.plans import jobs, permissions  # noqa: F401
        from improvement.plans.models import DiagnosticReview, Objective
        from improvement.plans.review_areas import ReviewArea

        for model in (Objective, DiagnosticReview):
            name_codes(model, "review_areas", ReviewArea.choices)

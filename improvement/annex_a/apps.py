from django.apps import AppConfig


class AnnexAConfig(AppConfig):
    name = "improvement.annex_a"
    label = "annex_a"
    verbose_name = "Annex A imports and KPIs"

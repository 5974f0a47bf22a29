from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "improvement.evidence"
    label = "evidence"

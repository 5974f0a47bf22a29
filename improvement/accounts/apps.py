from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "improvement.accounts"
    label = "accounts"
    verbose_name = "People and organisations"

    def ready(self) -> None:
        # Declares the permissions every app builds on.
        from improvement.accounts import permissions, signals  # noqa: F401

"""The WSGI entry point for gunicorn and runserver alike: both refuse to serve with
DEBUG off and the development SECRET_KEY."""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

from config.env import refuse_insecure_start

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()
refuse_insecure_start(settings.DEBUG, settings.SECRET_KEY)

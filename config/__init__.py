"""Settings and entry points. Whatever imports them (manage.py, the WSGI application,
gunicorn's configuration) first sets what must be set before any library loads."""

import os

# Our processes do no linear algebra, so NumPy's OpenBLAS needs no thread a core: the
# threads it starts as NumPy loads spin for the CPU the work itself needs (0.05-0.1 s
# of an Annex A import). A deployment may still set its own.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

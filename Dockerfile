# The Improvement Board web servers and worker in one image (compose.yaml runs the
# service, the public site and the worker from it: docs/adr/018).
#   docker build -t improvement-board .
# Stage 1 builds the CSS (GOV.UK Frontend with the service's settings); nothing of
# Node is left in the image but the compiled CSS and GOV.UK Frontend's assets.
FROM node:20-slim AS assets
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY frontend ./frontend
RUN mkdir -p improvement/core/static/css && npm run --silent build

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=config.settings \
    MEDIA_ROOT=/var/lib/improvement/media \
    MPLCONFIGDIR=/tmp/matplotlib \
    XDG_CACHE_HOME=/tmp/cache

# WeasyPrint's system libraries (Pango, HarfBuzz's subsetter), and Liberation Sans,
# metrically Arial, which the printed reports ask for.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.lock ./
RUN pip install -r requirements.lock

COPY . .
COPY --from=assets /src/improvement/core/static/css/application.css improvement/core/static/css/
COPY --from=assets /src/node_modules/govuk-frontend/dist node_modules/govuk-frontend/dist

# Static files are collected into the image (served by WhiteNoise); media live in
# a volume. Nothing runs as root. Our modules are compiled here because no process
# may write bytecode (PYTHONDONTWRITEBYTECODE, and /app is not ours at run time):
# otherwise every command, cron job and worker compiles them again as it starts.
RUN python -m compileall -q improvement config \
    && python manage.py collectstatic --no-input --verbosity 0 \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin improvement \
    && mkdir -p "$MEDIA_ROOT" \
    && chown improvement "$MEDIA_ROOT"
USER improvement

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["python", "config/healthcheck.py"]
CMD ["gunicorn", "-c", "config/gunicorn.conf.py", "config.wsgi"]

# LOOKING UP: one image for the web process (gunicorn), the Celery worker and Celery beat.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    # The code runs from /app, where templates/, static/ and locale/ sit next to it.
    PYTHONPATH=/app \
    VAR_DIR=/data \
    MEDIA_ROOT=/data/media \
    PRIVATE_MEDIA_ROOT=/data/protected \
    STATIC_ROOT=/app/staticfiles

# WeasyPrint (certificates) needs Pango and HarfBuzz; fonts so PDFs have glyphs.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 \
        fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 1000 lookingup \
    && mkdir -p /data/media /data/protected \
    && chown -R lookingup:lookingup /data

WORKDIR /app
# Dependencies first, so a code change does not reinstall them.
COPY pyproject.toml README.md ./
COPY lookingup/__init__.py lookingup/celery.py lookingup/
RUN pip install . \
    && pip uninstall -y lookingup

COPY . .
# Build-time settings only: the real SECRET_KEY comes from the environment at run time.
RUN SECRET_KEY=build-only-not-secret VAR_DIR=/tmp/build-var python manage.py collectstatic --noinput -v 0 \
    && SECRET_KEY=build-only-not-secret VAR_DIR=/tmp/build-var python manage.py compiletranslations \
    && rm -rf /tmp/build-var

USER lookingup
EXPOSE 8000
CMD ["gunicorn", "lookingup.wsgi", "--bind", "0.0.0.0:8000", "--access-logfile", "-"]

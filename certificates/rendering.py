"""The certificate as a PDF: a Django template and a stylesheet, rendered by WeasyPrint.

WeasyPrint is imported here only, inside functions: other processes never load Pango. It
fetches nothing but the platform's own static and media files (``platform_file``); the QR code
comes inline. The parsed stylesheet and the font configuration are kept for the process, so a
batch of thousands parses them once.
"""

import ctypes.util
import hashlib
import logging
import mimetypes
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation

from .models import Certificate, CertificateDesign

logger = logging.getLogger(__name__)

TEMPLATE = "certificates/pdf/certificate.html"
STYLESHEET = "certificates/certificate.css"
PDF_VARIANT = "pdf/a-3b"


# --- What WeasyPrint may read


def _inside(root: Path, relative: str) -> Path | None:
    root = root.resolve()
    path = (root / relative).resolve()
    if path.is_relative_to(root) and path.is_file():
        return path
    return None


def static_file(relative: str) -> Path | None:
    """A file served under STATIC_URL: collected (production) or found in the apps."""
    collected = _inside(Path(settings.STATIC_ROOT), relative)
    if collected is not None:
        return collected
    found = finders.find(relative)
    return Path(found) if found else None


def platform_file(url: str) -> Path | None:
    """The local file behind one of our static or media URLs; None for anything else."""
    parts = urlsplit(url)
    site = urlsplit(settings.SITE_URL)
    if parts.scheme in {"http", "https"} and parts.netloc == site.netloc:
        path = unquote(parts.path)
    elif parts.scheme == "file":
        path = unquote(parts.path)
        for root in (Path(settings.MEDIA_ROOT), Path(settings.STATIC_ROOT)):
            if Path(path).resolve().is_relative_to(root.resolve()):
                return _inside(root, str(Path(path).resolve().relative_to(root.resolve())))
        return None
    else:
        return None
    if path.startswith(settings.STATIC_URL):
        return static_file(path.removeprefix(settings.STATIC_URL))
    if path.startswith(settings.MEDIA_URL):
        return _inside(Path(settings.MEDIA_ROOT), path.removeprefix(settings.MEDIA_URL))
    return None


# --- The renderer, one per process


@dataclass
class _Renderer:
    stylesheet: object
    font_config: object
    fetcher: object
    stylesheet_version: float


_renderer: _Renderer | None = None
_renderer_lock = threading.Lock()


def _fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class PlatformFilesFetcher(URLFetcher):
        """Static and media files of this platform, and inline ``data:`` URLs; nothing else."""

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            path = platform_file(url)
            if path is None:
                raise ValueError(f"Certificates may only use the platform's own files: {url}")
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(
                path.as_uri(), path.read_bytes(), {"Content-Type": content_type}
            )

    return PlatformFilesFetcher


def renderer() -> _Renderer:
    """The parsed stylesheet and font configuration, parsed again only when the file changes."""
    global _renderer
    path = static_file(STYLESHEET)
    version = path.stat().st_mtime if path else 0.0
    with _renderer_lock:
        if _renderer is None or _renderer.stylesheet_version != version:
            from weasyprint import CSS
            from weasyprint.text.fonts import FontConfiguration

            font_config = FontConfiguration()
            fetcher = _fetcher_class()(allowed_protocols={"http", "https", "file", "data"})
            stylesheet = CSS(
                string=path.read_text(encoding="utf-8") if path else "",
                base_url=settings.SITE_URL + settings.STATIC_URL,
                url_fetcher=fetcher,
                font_config=font_config,
            )
            _renderer = _Renderer(stylesheet, font_config, fetcher, version)
        return _renderer


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML

    current = renderer()
    document = HTML(string=html, base_url=settings.SITE_URL + "/", url_fetcher=current.fetcher)
    return document.write_pdf(
        stylesheets=[current.stylesheet],
        font_config=current.font_config,
        pdf_variant=PDF_VARIANT,
        uncompressed_pdf=False,
    )


def has_harfbuzz_subset() -> bool:
    return ctypes.util.find_library("harfbuzz-subset") is not None


def warn_without_harfbuzz_subset(**kwargs) -> None:
    if not has_harfbuzz_subset():
        logger.warning(
            "libharfbuzz-subset0 is missing: certificates will render about 3 times slower "
            "(font subsetting falls back to fontTools). Install it: apt-get install "
            "libharfbuzz-subset0."
        )


# --- The certificate's content


# Every reader decodes any of the eight masks. Scoring all eight to pick the best is most of
# segno's time (5 of 6 ms a certificate); for our URLs of random codes, mask 3 scores within
# 2% of the best on average (ISO 18004 penalty, 150 codes) and is the one most often chosen.
QR_MASK = 3


def qr_code(url: str) -> str:
    import segno

    # A PNG: WeasyPrint draws an SVG of a QR code's hundreds of modules far more slowly.
    # One pixel per module, drawn sharp at any size (image-rendering: pixelated in the CSS).
    code = segno.make(url, error="m", mask=QR_MASK)
    return code.png_data_uri(scale=1, border=0, dark="#1b1b1b")


def verification_url(certificate: Certificate) -> str:
    from django.urls import reverse

    return settings.SITE_URL + reverse("certificate_link", kwargs={"code": certificate.code})


def _hours(minutes: int) -> str:
    from decimal import ROUND_HALF_UP, Decimal

    hours = (Decimal(minutes) / 60).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return formats.number_format(hours, decimal_pos=1)


@dataclass
class Presentation:
    """What a programme prints on all its certificates: loaded once for a whole batch."""

    design: CertificateDesign | None
    partners: list

    @classmethod
    def load(cls, programme) -> "Presentation":
        design = CertificateDesign.objects.filter(programme=programme).first()
        partners = []
        if design is None or design.show_partner_logos:
            partnerships = programme.partnerships.select_related("organisation")
            partners = [p.organisation for p in partnerships if p.organisation.logo]
            if programme.funder_id and programme.funder.logo:
                partners.append(programme.funder)
        return cls(design, partners)


def certificate_context(
    certificate: Certificate, language: str, presentation: Presentation | None = None
) -> dict:
    """What the template needs, in ``language`` (call inside ``translation.override``)."""
    from . import phrases

    programme = certificate.programme
    presentation = presentation or Presentation.load(programme)
    design = presentation.design
    sessions = []
    for entry in certificate.sessions:
        starts_at = timezone.datetime.fromisoformat(entry["starts_at"])
        titles = entry.get("titles", {})
        sessions.append(
            {
                "date": formats.date_format(timezone.localtime(starts_at), "DATE_FORMAT"),
                "title": titles.get(language) or next(iter(titles.values()), ""),
                "hours": _hours(entry["minutes"]),
            }
        )
    url = verification_url(certificate)
    return {
        "certificate": certificate,
        "language": language,
        "programme": programme,
        "holder_name": certificate.holder_name,
        "programme_title": programme.title,
        "cohort_name": certificate.cohort.name if certificate.cohort_id else "",
        "issue_date": formats.date_format(timezone.localtime(certificate.issued_at), "DATE_FORMAT"),
        "start_date": formats.date_format(programme.start_date, "DATE_FORMAT"),
        "end_date": formats.date_format(programme.end_date, "DATE_FORMAT"),
        "total_hours": _hours(certificate.minutes_attended),
        "sessions": sessions,
        "design": design,
        "partners": presentation.partners,
        "funder_notice": phrases.funder_notice(design),
        "verification_url": url,
        "qr_code": qr_code(url),
        "code": certificate.display_code,
    }


def render_certificate(
    certificate: Certificate,
    language: str | None = None,
    *,
    presentation: Presentation | None = None,
) -> bytes:
    language = language or certificate.language
    with translation.override(language):
        context = certificate_context(certificate, language, presentation)
        html = render_to_string(TEMPLATE, context)
    return html_to_pdf(html)


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()

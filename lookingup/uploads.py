"""Uploaded files, once for the whole project: every FileField and ImageField goes through here.

- ``upload_options(prefix, kinds)`` gives a field its storage name (random, so never guessable
  and never a path or a script name taken from the uploader) and its validator.
- ``FileTypeValidator`` accepts only the listed kinds, checks the content against the extension
  (``filetype`` reads the magic numbers; OOXML and ODF documents are zip containers whose parts
  are checked), refuses HTML or SVG whatever the name says, and enforces ``UPLOAD_MAX_BYTES``.
- ``PrivateStorage`` keeps files outside ``MEDIA_ROOT``: no URL reaches them, only a view that
  checks permission first (``serve_private``), which streams the file itself in development or
  hands it to the proxy with ``X-Accel-Redirect`` in production (README, "Docker").
- Files of deleted rows, and files replaced by a new upload, leave the storage after commit
  (``delete_orphaned_files``, connected for every model in ``LookingUpConfig.ready``).
"""

import mimetypes
import os
import re
import secrets
import zipfile
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.db import models, transaction
from django.db.models.signals import post_delete, pre_save
from django.http import FileResponse, Http404, HttpResponse
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# Bytes read to recognise a file: magic numbers sit at the start, markup shows early.
HEAD_BYTES = 8192
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# HTML, SVG, XML or a script: a browser may run it, whatever the extension claims.
MARKUP = re.compile(
    rb"<\s*(?:!doctype|html|head|body|script|svg|iframe|object|embed|meta|\?xml|a\s|img\s)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Kind:
    """One accepted kind of file: its extensions, its label for people, how to recognise it."""

    extensions: tuple[str, ...]
    label: str  # or a lazy translation
    mime: str
    magic: tuple[str, ...] = ()  # extensions ``filetype`` may report for it
    zip_part: str = ""  # OOXML: a part the container must hold
    odf_mimetype: str = ""  # ODF: the content of the container's ``mimetype`` entry
    ole2: bool = False  # legacy Office (a compound file)
    text: bool = False


KINDS = {
    kind.extensions[0]: kind
    for kind in [
        Kind(("pdf",), "PDF", "application/pdf", magic=("pdf",)),
        Kind(("png",), "PNG", "image/png", magic=("png", "apng")),
        Kind(("jpg", "jpeg"), "JPEG", "image/jpeg", magic=("jpg",)),
        Kind(
            ("docx",),
            "Word (DOCX)",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            zip_part="word/document.xml",
        ),
        Kind(
            ("pptx",),
            "PowerPoint (PPTX)",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            zip_part="ppt/presentation.xml",
        ),
        Kind(
            ("xlsx",),
            "Excel (XLSX)",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            zip_part="xl/workbook.xml",
        ),
        Kind(
            ("odt",),
            "OpenDocument text (ODT)",
            "application/vnd.oasis.opendocument.text",
            odf_mimetype="application/vnd.oasis.opendocument.text",
        ),
        Kind(
            ("odp",),
            "OpenDocument presentation (ODP)",
            "application/vnd.oasis.opendocument.presentation",
            odf_mimetype="application/vnd.oasis.opendocument.presentation",
        ),
        Kind(
            ("ods",),
            "OpenDocument spreadsheet (ODS)",
            "application/vnd.oasis.opendocument.spreadsheet",
            odf_mimetype="application/vnd.oasis.opendocument.spreadsheet",
        ),
        Kind(("doc",), "Word 97–2003 (DOC)", "application/msword", ole2=True),
        Kind(("ppt",), "PowerPoint 97–2003 (PPT)", "application/vnd.ms-powerpoint", ole2=True),
        Kind(("txt",), _("plain text"), "text/plain", text=True),
        Kind(("csv",), "CSV", "text/csv", text=True),
        Kind(("mp3",), "MP3", "audio/mpeg", magic=("mp3",)),
        Kind(("mp4",), "MP4", "video/mp4", magic=("mp4", "m4v", "m4a", "mov")),
    ]
}
BY_EXTENSION = {ext: kind for kind in KINDS.values() for ext in kind.extensions}

# Allow-lists per use.
DOCUMENTS = ("pdf", "odp", "pptx", "docx", "odt", "png", "jpg")
IMAGES = ("png", "jpg")
SESSION_MATERIALS = (*DOCUMENTS, "ppt", "doc", "xlsx", "ods", "txt", "mp3", "mp4")
DATA_IMPORTS = ("csv", "xlsx")


def extension_of(name: str) -> str:
    return os.path.splitext(name or "")[1].lower().lstrip(".")


def _read_head(file) -> bytes:
    file.seek(0)
    head = file.read(HEAD_BYTES)
    file.seek(0)
    return head


def _zip_names(file) -> tuple[set[str], bytes]:
    """The names in a zip container and its ``mimetype`` entry; empty when not a zip."""
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError, EOFError):
        return set(), b""
    finally:
        file.seek(0)
    return names, mimetype.strip()


def content_matches(kind: Kind, file, head: bytes) -> bool:
    """Whether the bytes of ``file`` are what ``kind`` says, not only its name."""
    if kind.text:
        if b"\x00" in head:
            return False
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            # A multi-byte character cut at the end of the head is fine.
            if error.start < len(head) - 4:
                return False
        return True
    if kind.zip_part or kind.odf_mimetype:
        names, mimetype = _zip_names(file)
        if kind.zip_part:
            return "[Content_Types].xml" in names and kind.zip_part in names
        return mimetype == kind.odf_mimetype.encode()
    if kind.ole2:
        return head.startswith(OLE2_MAGIC)
    guessed = filetype.guess(head)
    return guessed is not None and guessed.extension in kind.magic


def _looks_like_markup(kind: Kind, head: bytes) -> bool:
    if kind.text:
        return bool(MARKUP.search(head))
    # Binary formats start with their magic number; markup at the very start is a disguise.
    return bool(MARKUP.match(head.lstrip(b"\xef\xbb\xbf \t\r\n")))


def max_upload_bytes() -> int:
    return settings.UPLOAD_MAX_BYTES


@deconstructible(path="lookingup.uploads.FileTypeValidator")
class FileTypeValidator:
    """Accept only ``extensions``, checked by content, within the size limit from settings."""

    def __init__(self, extensions):
        self.extensions = tuple(extensions)

    def __eq__(self, other):
        return isinstance(other, FileTypeValidator) and self.extensions == other.extensions

    def __call__(self, file):
        size = getattr(file, "size", None)
        limit = max_upload_bytes()
        if size is not None and size > limit:
            raise ValidationError(
                _("This file is too large (%(size)s): files up to %(limit)s are accepted."),
                code="file_too_large",
                params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
            )
        extension = extension_of(file.name)
        allowed = [ext for ext in self.extensions if ext in BY_EXTENSION]
        allowed_extensions = {e for ext in allowed for e in BY_EXTENSION[ext].extensions}
        if extension not in allowed_extensions:
            raise ValidationError(
                _("Files ending in “.%(extension)s” are not accepted here. Accepted: %(allowed)s."),
                code="file_type_not_allowed",
                params={
                    "extension": extension or "?",
                    "allowed": ", ".join(f".{ext}" for ext in allowed),
                },
            )
        kind = BY_EXTENSION[extension]
        head = _read_head(file)
        if _looks_like_markup(kind, head):
            raise ValidationError(
                _(
                    "This file holds a web page or an SVG image, not a %(kind)s file: "
                    "it cannot be uploaded."
                ),
                code="file_is_markup",
                params={"kind": kind.label},
            )
        if not content_matches(kind, file, head):
            raise ValidationError(
                _(
                    "The content of this file is not %(kind)s, whatever its name says. "
                    "Please upload a real .%(extension)s file."
                ),
                code="file_content_mismatch",
                params={"kind": kind.label, "extension": extension},
            )


@deconstructible(path="lookingup.uploads.RandomName")
class RandomName:
    """``<prefix>/<year>/<month>/<random>.<extension>``: the uploader's name is never used."""

    def __init__(self, prefix: str):
        self.prefix = prefix.strip("/")

    def __eq__(self, other):
        return isinstance(other, RandomName) and self.prefix == other.prefix

    def __call__(self, instance, filename: str) -> str:
        extension = extension_of(filename)
        extension = extension if extension in BY_EXTENSION else "bin"
        now = timezone.now()
        return f"{self.prefix}/{now:%Y/%m}/{secrets.token_urlsafe(18)}.{extension}"


def upload_options(prefix: str, kinds) -> dict:
    """Keyword arguments for a FileField or ImageField: random names, checked content."""
    return {"upload_to": RandomName(prefix), "validators": [FileTypeValidator(kinds)]}


@deconstructible(path="lookingup.uploads.PrivateStorage")
class PrivateStorage(FileSystemStorage):
    """Files under ``PRIVATE_MEDIA_ROOT``, which has no URL: ``serve_private`` hands them out."""

    def __init__(self):
        super().__init__()

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None

    def url(self, name):
        # No address at all (widgets then show no link): a view serves them after its check.
        return None


def guess_content_type(name: str) -> str:
    kind = BY_EXTENSION.get(extension_of(name))
    if kind is not None:
        return kind.mime
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def serve_private(fieldfile, *, download_name: str) -> HttpResponse:
    """The response for a private file whose permission the caller has already checked.

    With ``PRIVATE_MEDIA_SERVING = "proxy"`` the body is empty and ``X-Accel-Redirect`` tells
    the proxy (Caddy or nginx, see README) which internal path to send; otherwise Django
    streams the file itself (development, tests).
    """
    if not fieldfile or not fieldfile.storage.exists(fieldfile.name):
        raise Http404(_("This file is no longer available."))
    content_type = guess_content_type(fieldfile.name)
    if settings.PRIVATE_MEDIA_SERVING == "proxy":
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = settings.PRIVATE_MEDIA_INTERNAL_URL + fieldfile.name
    else:
        response = FileResponse(fieldfile.open("rb"), content_type=content_type)
    response["Content-Disposition"] = _attachment(download_name)
    # Only the person allowed to read it, and never from a shared cache.
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def _attachment(name: str) -> str:
    from django.utils.http import content_disposition_header

    return content_disposition_header(as_attachment=True, filename=name)


# --- Files leave the storage with their rows


def _file_fields(model) -> list[models.FileField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def _delete_if_unused(model, field, name: str) -> None:
    """Delete ``name`` after commit, unless another row still points at it (copies of a
    session share their materials' files)."""
    if not name:
        return
    storage = field.storage

    def delete():
        if not model._default_manager.filter(**{field.name: name}).exists():
            storage.delete(name)

    transaction.on_commit(delete)


def delete_files_of_deleted_row(sender, instance, **kwargs):
    for field in _file_fields(sender):
        fieldfile = instance.__dict__.get(field.attname)
        name = getattr(fieldfile, "name", fieldfile)
        _delete_if_unused(sender, field, name)


def delete_replaced_files(sender, instance, raw=False, **kwargs):
    """A new upload in place of an old one: the old file goes (one query, only then)."""
    if raw or instance.pk is None:
        return
    replaced = [
        field
        for field in _file_fields(sender)
        if field.attname in instance.__dict__
        and not getattr(getattr(instance, field.attname), "_committed", True)
    ]
    if not replaced:
        return
    old = (
        sender._default_manager.filter(pk=instance.pk)
        .values_list(*(f.attname for f in replaced))
        .first()
    )
    for field, name in zip(replaced, old or (), strict=False):
        _delete_if_unused(sender, field, name)


def connect_file_cleanup(models_iterable) -> None:
    """Called once at start-up with every model: connect the two handlers where files live."""
    for model in models_iterable:
        if model._meta.abstract or not _file_fields(model):
            continue
        uid = f"{model._meta.label_lower}-files"
        post_delete.connect(delete_files_of_deleted_row, sender=model, dispatch_uid=f"{uid}-del")
        pre_save.connect(delete_replaced_files, sender=model, dispatch_uid=f"{uid}-save")

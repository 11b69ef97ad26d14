from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from programmes.models import Programme

from . import codes, credentials, ratelimit, services
from .forms import CodeForm, CredentialForm
from .models import Certificate
from .rendering import render_certificate

TOO_MANY = 429


def _too_many(request):
    return render(
        request,
        "certificates/verify.html",
        {"code_form": CodeForm(), "credential_form": CredentialForm(), "limited": True},
        status=TOO_MANY,
    )


# --- Public verification


@require_http_methods(["GET", "POST"])
def verify(request):
    """Type a code (GET, so the form needs no JavaScript nor a session) or upload a credential."""
    code_form = CodeForm(request.GET if "code" in request.GET else None)
    credential_form = CredentialForm()
    context = {"code_form": code_form, "credential_form": credential_form}
    if request.method == "POST":
        if not ratelimit.allow(request, "verify"):
            return _too_many(request)
        credential_form = CredentialForm(request.POST, request.FILES)
        context["credential_form"] = credential_form
        if credential_form.is_valid():
            context["check"] = credentials.check_credential(
                credential_form.cleaned_data["credential"]
            )
            return render(request, "certificates/verify.html", context)
        return render(request, "certificates/verify.html", context, status=400)
    if code_form.is_bound:
        if code_form.is_valid():
            return redirect("certificates:verify_code", code=code_form.cleaned_data["code"])
        return render(request, "certificates/verify.html", context, status=400)
    return render(request, "certificates/verify.html", context)


@require_GET
def verify_code(request, code):
    if not ratelimit.allow(request, "verify"):
        return _too_many(request)
    normalised = codes.normalise(code)
    if normalised and normalised != code:
        return redirect("certificates:verify_code", code=normalised)
    certificate = (
        Certificate.objects.select_related("programme").filter(code=normalised).first()
        if normalised
        else None
    )
    context = {
        "code_form": CodeForm(initial={"code": codes.display(code) if normalised else code}),
        "credential_form": CredentialForm(),
        "certificate": certificate,
        "looked_up": True,
    }
    # Unknown and malformed codes get the same answer: nothing to learn from trying.
    return render(request, "certificates/verify.html", context, status=200 if certificate else 404)


@require_GET
def short_link(request, code):
    """The QR code's address: short, and in the reader's language once followed."""
    return redirect("certificates:verify_code", code=code)


# --- Documents for wallets and verifiers (no language)


@require_GET
@cache_control(max_age=3600, public=True)
def issuer(request):
    return JsonResponse(credentials.issuer_profile(), content_type="application/ld+json")


@require_GET
@cache_control(max_age=86400, public=True)
def verification_key(request, key_id):
    if key_id != credentials.key_id():
        raise Http404
    return JsonResponse(credentials.verification_method(), content_type="application/ld+json")


@require_GET
@cache_control(max_age=300, public=True)
def revocations(request, programme_id):
    get_object_or_404(Programme, pk=programme_id)
    return JsonResponse(credentials.revocation_list(programme_id))


# --- The holder's own certificate


def _own(request, pk) -> Certificate:
    return get_object_or_404(
        Certificate.objects.valid().select_related("programme", "cohort"),
        pk=pk,
        participant=request.user,
    )


def _filename(certificate: Certificate, extension: str, language: str = "") -> str:
    suffix = f"-{language}" if language else ""
    return f"certificate-{slugify(certificate.programme.slug)}{suffix}.{extension}"


@login_required
@require_GET
def download(request, pk, language):
    certificate = _own(request, pk)
    if language not in dict(settings.LANGUAGES):
        raise Http404
    if language == certificate.language and certificate.pdf:
        # The very file that was issued, whose hash the record keeps.
        response = FileResponse(certificate.pdf.open("rb"), content_type="application/pdf")
    else:
        response = HttpResponse(render_certificate(certificate, language), "application/pdf")
    filename = _filename(certificate, "pdf", language)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_GET
def credential(request, pk):
    certificate = _own(request, pk)
    response = HttpResponse(
        credentials.credential_json(certificate), content_type="application/ld+json"
    )
    filename = _filename(certificate, "json")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_POST
def claim(request, programme_id):
    """The participant asks for the certificate they have earned."""
    programme = get_object_or_404(
        Programme.objects.filter(enrolments__participant=request.user).distinct(), pk=programme_id
    )
    outcome = services.issue_certificate(programme, request.user)
    level = messages.SUCCESS if outcome.ok else messages.ERROR
    if outcome.ok and outcome.created:
        message = _("Your certificate is ready: download it below.")
    elif outcome.ok:
        message = _("You already have this certificate: download it below.")
    else:
        message = outcome.message
    messages.add_message(request, level, message)
    return redirect("participants:dashboard")

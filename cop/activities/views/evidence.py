"""Evidence files: the upload (POST /activities/<id>/evidence/new/) and the only way to
read one (GET /activities/<id>/evidence/<evidence id>/).

Files live in settings.STORAGES["evidence"] (PRIVATE_MEDIA_ROOT), outside the media and
static roots, under random names; no URL serves that folder. The download view answers
404 unless the reader may see the activity and the file is the activity's, and sends the
file with headers that keep a browser from running anything in it: the type stored when
it was checked (never the name's), nosniff, a sandboxing Content-Security-Policy, and
`attachment` for PDFs and office documents (images open in the browser, `?download=1`
saves them: a PDF shown inline under the sandboxing policy is a blank page in
Chromium). The upload takes its file through evidence.check() (type by content, images
re-encoded) and services.attach_evidence (permission, the quarter's lock).
"""

import re

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from core import ratelimit

from .. import evidence as checks
from .. import permissions, services
from ..models import Activity, Evidence, IndicatorValue, Update
from .common import refusal_status

# Checking a file decodes it: fewer uploads than other posts.
UPLOADS_PER_WINDOW = 20
UPLOAD_WINDOW = 600  # seconds
_ID = re.compile(r"^[0-9]{1,10}$")


class UploadForm(forms.Form):
    """The file; what it shows (an update or a value: the posted `update` or `value` id)
    is looked up by the view, among the activity's own."""

    file = forms.FileField(label=gettext_lazy("File"), allow_empty_file=False)


def _own(model, raw, **belongs):
    """The row `raw` names if it is the activity's; 404 otherwise (another activity's
    id is answered as an unknown one)."""
    if not _ID.match(raw):
        raise Http404
    return get_object_or_404(model, pk=int(raw), **belongs)


def _refused(request, activity, update, value, message, status):
    context = {
        "activity": activity,
        "update": update,
        "value": value,
        "heading": _("Add evidence"),
        "evidence_error": message,
        "evidence_max_bytes": settings.EVIDENCE_MAX_BYTES,
    }
    return render(request, "activities/evidence_refused.html", context, status=status)


def _anchor(activity, update, value):
    if update is not None:
        return f"{activity.get_absolute_url()}#update-{update.pk}"
    return f"{activity.get_absolute_url()}#indicator-{value.indicator_id}"


@require_POST
@login_required
def upload(request, pk):
    activity = get_object_or_404(Activity, pk=pk)
    if not permissions.can_edit(request.user, activity):
        raise Http404
    if ratelimit.hit(f"activities:evidence:{request.user.pk}", UPLOADS_PER_WINDOW, UPLOAD_WINDOW):
        return render(request, "429.html", status=429)
    raw_update = request.POST.get("update", "")
    raw_value = request.POST.get("value", "")
    if bool(raw_update) == bool(raw_value):
        message = _("Attach the file to one update or one value.")
        return _refused(request, activity, None, None, message, 400)
    update = value = None
    if raw_update:
        update = _own(Update, raw_update, activity=activity)
    else:
        value = _own(
            IndicatorValue.objects.select_related("indicator"),
            raw_value,
            indicator__activity=activity,
        )
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        message = " ".join(form.errors.get("file", [_("Choose a file to upload.")]))
        return _refused(request, activity, update, value, message, 400)
    try:
        clean = checks.check(form.cleaned_data["file"])
        stored = services.attach_evidence(request.user, activity, clean, update=update, value=value)
    except checks.Rejected as rejection:
        return _refused(request, activity, update, value, rejection.message, 400)
    except services.Refused as refusal:
        if refusal.code == "forbidden":
            raise Http404 from None
        return _refused(request, activity, update, value, refusal.message, refusal_status(refusal))
    messages.success(request, _("“%(name)s” is attached.") % {"name": stored.name})
    return redirect(_anchor(activity, update, value))


@require_safe
@login_required
def download(request, pk, evidence_id):
    activity = get_object_or_404(Activity, pk=pk)
    if not permissions.can_see(request.user, activity):
        raise Http404
    evidence = get_object_or_404(Evidence, pk=evidence_id, activity=activity)
    # The type checked at upload, if it is one the checks give; anything else downloads.
    content_type = evidence.content_type
    if content_type not in checks.EXTENSIONS:
        content_type = "application/octet-stream"
    etag = f'"{evidence.sha256}"'
    inline = content_type in checks.SHOWN_INLINE and request.GET.get("download") != "1"
    response = get_conditional_response(request, etag=etag)
    if response is None:
        try:
            handle = evidence.file.open("rb")
        except (FileNotFoundError, ValueError):
            raise Http404 from None
        response = FileResponse(
            handle, as_attachment=not inline, filename=evidence.name, content_type=content_type
        )
    response["ETag"] = etag
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Referrer-Policy"] = "no-referrer"
    patch_cache_control(response, private=True, no_cache=True)
    return response

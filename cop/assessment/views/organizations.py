"""Organizations: registering one (any member, who becomes its administrator), recording
one found in a mapping study (a country's focal point or researcher), its page, editing
it, what it publishes and shares, inviting colleagues and accepting an invitation, and
importing mapped organizations from CSV.

Every view finds the organization through views.common (404 for one the reader may not
see or change, whatever the request says); every POST counts against the one rate limit.
Changes go through services.py: an invalid form comes back with its errors (400), a
refusal with its message (400, or 409 when the data moved on), and nothing is written.
"""

import base64
import binascii
import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from accounts import permissions as accounts
from core.tables import CSV_CONTENT_TYPE
from core.times import reader_zone

from .. import csv_import, services
from .. import permissions as can
from ..constants import Source
from ..forms import (
    MAX_IMPORT_BYTES,
    ImportConfirmForm,
    ImportUploadForm,
    InvitationForm,
    OrganizationForm,
    SharingForm,
)
from ..models import Invitation
from .common import editable_org, refusal_status, slow_down, too_fast, visible_org

# Refusals that belong to one field of the organization form.
FIELD_OF_REFUSAL = {"country": "country", "duplicate": "name"}
# How an invitation that cannot be accepted is answered.
INVITATION_STATUS = {"used": 409, "expired": 400, "address": 403}


def _org_url(org, anchor=""):
    return reverse("assessment_org", args=[org.pk]) + (f"#{anchor}" if anchor else "")


# --- Registering, recording, editing -----------------------------------------------------


def _form_page(request, form, *, mode, org=None, status=200):
    context = {"form": form, "mode": mode, "org": org}
    return render(request, "assessment/organization_form.html", context, status=status)


def _refused(form, refusal):
    form.add_error(FIELD_OF_REFUSAL.get(refusal.code), refusal.message)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def create(request):
    """Any signed-in member registers an organization and becomes its administrator."""
    if request.method != "POST":
        return _form_page(request, OrganizationForm(), mode="register")
    if too_fast(request):
        return slow_down(request)
    form = OrganizationForm(request.POST)
    if not form.is_valid():
        return _form_page(request, form, mode="register", status=400)
    try:
        org = services.register_organization(request.user, **form.organization_fields())
    except services.Refused as refusal:
        _refused(form, refusal)
        return _form_page(request, form, mode="register", status=refusal_status(refusal))
    messages.success(
        request,
        _("%(name)s is registered, and you are its administrator.") % {"name": org.name},
    )
    return redirect(_org_url(org))


def _mapping_countries(request):
    countries = can.mapping_countries(request.user)
    if not countries:
        raise Http404
    return countries


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def record(request):
    """A focal point or researcher records an organization found in a mapping study, in
    one of its countries (another country is the form's error)."""
    countries = _mapping_countries(request)
    if request.method != "POST":
        return _form_page(request, OrganizationForm(countries=countries), mode="record")
    if too_fast(request):
        return slow_down(request)
    form = OrganizationForm(request.POST, countries=countries)
    if not form.is_valid():
        return _form_page(request, form, mode="record", status=400)
    try:
        org = services.record_mapped(request.user, **form.organization_fields())
    except services.Refused as refusal:
        _refused(form, refusal)
        return _form_page(request, form, mode="record", status=refusal_status(refusal))
    messages.success(request, _("%(name)s is recorded.") % {"name": org.name})
    return redirect(_org_url(org))


def _edit_countries(user, org):
    """The countries an editor may move `org` to: any for its own members' organization
    or for a site administrator; a mapped one only within the editor's countries."""
    if org.source != Source.MAPPING or accounts.is_site_admin(user):
        return None
    return can.mapping_countries(user) | {org.country}


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit(request, pk):
    org = editable_org(request, pk)
    # The form works on a copy: an invalid POST leaves the page's organization as stored.
    kwargs = {"instance": copy.copy(org), "countries": _edit_countries(request.user, org)}
    if request.method != "POST":
        return _form_page(request, OrganizationForm(**kwargs), mode="edit", org=org)
    if too_fast(request):
        return slow_down(request)
    form = OrganizationForm(request.POST, **kwargs)
    if not form.is_valid():
        return _form_page(request, form, mode="edit", org=org, status=400)
    try:
        services.edit_organization(request.user, org, **form.organization_fields())
    except services.Refused as refusal:
        _refused(form, refusal)
        return _form_page(request, form, mode="edit", org=org, status=refusal_status(refusal))
    messages.success(request, _("The organization is saved."))
    return redirect(_org_url(org))


# --- The organization's page --------------------------------------------------------------


def _page(request, org, *, invite_form=None, status=200):
    user = request.user
    may_edit = can.can_edit(user, org)
    latest = org.latest_assessment
    context = {
        "org": org,
        "latest": latest,
        "members": list(org.memberships.select_related("user").order_by("role", "user__name")),
        "has_draft": org.assessments.filter(submitted_at__isnull=True).exists(),
        "has_history": latest is not None,
        "may_edit": may_edit,
        "may_assess": can.can_assess(user, org),
        "reader_zone": reader_zone(user),
    }
    if may_edit:
        context["sharing_form"] = SharingForm(
            initial={
                "publish_results": org.publish_results,
                "share_with_country": org.share_with_country,
            }
        )
        context["invite_form"] = invite_form or InvitationForm()
        context["invitations"] = list(
            services.pending(org).select_related("invited_by").order_by("-created_at")
        )
    return render(request, "assessment/organization_detail.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD"])
def detail(request, pk):
    return _page(request, visible_org(request, pk))


@login_required
@require_POST
def sharing(request, pk):
    org = editable_org(request, pk)
    if too_fast(request):
        return slow_down(request)
    form = SharingForm(request.POST)
    form.is_valid()  # two check boxes: anything posted reads as ticked or not
    try:
        services.set_sharing(
            request.user,
            org,
            publish_results=form.cleaned_data["publish_results"],
            share_with_country=form.cleaned_data["share_with_country"],
        )
    except services.Refused as refusal:  # pragma: no cover - editable_org checked it
        messages.error(request, refusal.message)
        return _page(request, org, status=refusal_status(refusal))
    messages.success(request, _("What the organization shares is saved."))
    return redirect(_org_url(org, "sharing"))


@login_required
@require_POST
def invite(request, pk):
    org = editable_org(request, pk)
    if too_fast(request):
        return slow_down(request)
    form = InvitationForm(request.POST)
    if not form.is_valid():
        return _page(request, org, invite_form=form, status=400)
    try:
        invitation = services.invite(request.user, org, form.cleaned_data["email"])
    except services.Refused as refusal:
        form.add_error("email", refusal.message)
        status = 429 if refusal.code == "rate_limited" else refusal_status(refusal)
        return _page(request, org, invite_form=form, status=status)
    messages.success(
        request,
        _("An invitation is on its way to %(email)s.") % {"email": invitation.email},
    )
    return redirect(_org_url(org, "invite"))


# --- Accepting an invitation --------------------------------------------------------------


def _refused_invitation(request, invitation, refusal):
    context = {"invitation": invitation, "refusal": refusal}
    return render(
        request,
        "assessment/invitation_refused.html",
        context,
        status=INVITATION_STATUS.get(refusal.code, refusal_status(refusal)),
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def invitation(request, token):
    """The link of an invitation e-mail: who invites to what, and an Accept button for the
    invited address (the login keeps the link as its `next`, through a sign-up too)."""
    found = get_object_or_404(
        Invitation.objects.select_related("organization", "invited_by"), token=token
    )
    if found.accepted_by_id is not None and found.accepted_by_id == request.user.pk:
        messages.info(
            request, _("You are a member of %(name)s.") % {"name": found.organization.name}
        )
        return redirect(_org_url(found.organization))
    refusal = services.invitation_refusal(request.user, found)
    if refusal is not None:
        return _refused_invitation(request, found, refusal)
    if request.method != "POST":
        already = can.is_member(request.user, found.organization)
        context = {"invitation": found, "already_member": already}
        return render(request, "assessment/invitation.html", context)
    if too_fast(request):
        return slow_down(request)
    try:
        org = services.accept_invitation(request.user, token)
    except services.Refused as refusal:  # accepted or expired a moment ago
        return _refused_invitation(request, found, refusal)
    messages.success(request, _("Welcome to %(name)s.") % {"name": org.name})
    return redirect(_org_url(org))


# --- The CSV import -----------------------------------------------------------------------


def _import_page(request, *, form=None, preview=None, error="", content="", status=200):
    context = {
        "form": form or ImportUploadForm(),
        "preview": preview,
        "error": error,
        "confirm_form": ImportConfirmForm(initial={"content": content}) if content else None,
        "columns": csv_import.COLUMNS,
        "required": csv_import.REQUIRED,
    }
    return render(request, "assessment/import.html", context, status=status)


def _template(countries):
    response = HttpResponse(csv_import.template_csv(countries), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = 'attachment; filename="organizations-template.csv"'
    return response


def _uploaded(request):
    """(form, bytes, confirming): the bytes of the uploaded file, or of the previewed
    content sent back (base64 in a hidden field, so no line ending or space changes on
    the way); bytes None when the upload form is invalid. FileRefused when the content
    cannot be read."""
    if "content" in request.POST:
        form = ImportConfirmForm(request.POST)
        encoded = form.cleaned_data["content"] if form.is_valid() else ""
        if len(encoded) > (MAX_IMPORT_BYTES + 2) // 3 * 4:
            raise csv_import.FileRefused(_("The file is larger than 1 MB."))
        try:
            return form, base64.b64decode(encoded.encode("ascii"), validate=True), True
        except (binascii.Error, UnicodeEncodeError):
            raise csv_import.FileRefused(_("Upload the file again.")) from None
    form = ImportUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return form, None, False
    upload = form.cleaned_data["file"]
    if upload.size > MAX_IMPORT_BYTES:
        raise csv_import.FileRefused(
            _("The file is larger than 1 MB: split it into smaller files and import each.")
        )
    return form, upload.read(MAX_IMPORT_BYTES + 1), False


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def import_csv(request):
    """Upload a CSV, see every row with its errors (nothing saved), then confirm: the
    content comes back, is checked again, and every row is saved or none."""
    countries = _mapping_countries(request)
    if request.method != "POST":
        if request.GET.get("template"):
            return _template(countries)
        return _import_page(request)
    if too_fast(request):
        return slow_down(request)
    try:
        form, data, confirming = _uploaded(request)
        if data is None:
            return _import_page(request, form=form, status=400)
        preview = csv_import.preview(request.user, data)
    except csv_import.FileRefused as refused:
        return _import_page(request, error=refused.message, status=400)
    if not preview.ok:
        return _import_page(request, preview=preview, status=400)
    if not confirming:
        content = base64.b64encode(data).decode("ascii")
        return _import_page(request, preview=preview, content=content)
    try:
        recorded = services.record_mapped_many(request.user, preview.records())
    except services.Refused as refusal:  # a colleague recorded one of them meanwhile
        return _import_page(
            request, preview=preview, error=refusal.message, status=refusal_status(refusal)
        )
    messages.success(
        request,
        ngettext(
            "%(count)d organization is recorded.",
            "%(count)d organizations are recorded.",
            len(recorded),
        )
        % {"count": len(recorded)},
    )
    return redirect(reverse("assessment") + "#country-organizations")

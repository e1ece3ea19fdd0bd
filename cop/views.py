import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models.functions import Lower
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from accounts.languages import translate_path
from accounts.permissions import is_learner
from core import live, registry
from core.decisions import AlreadyDecided
from core.live import MAX_ID

from . import services
from .models import Membership, Message, Space, SpaceKind
from .permissions import can_delete_message, can_moderate_space, can_post, can_read

MEMBERS_SHOWN = 60
COMING_UP = 5
ARCHIVE_PAGE = 50


# The directory's sections and their headings, in this order: the region first, then the
# countries, then the working groups.
DIRECTORY = {
    SpaceKind.REGIONAL: gettext_lazy("For the whole region"),
    SpaceKind.NATIONAL: gettext_lazy("For each country"),
    SpaceKind.THEMATIC: gettext_lazy("Thematic working groups"),
}


def directory(spaces):
    """[(kind, heading, its spaces)] in DIRECTORY's order, each kind once and only if it has
    a space (a kind it does not know comes last, under its own label); `spaces` keep their
    order within a kind."""
    by_kind = {kind: [] for kind in DIRECTORY}
    for space in spaces:
        by_kind.setdefault(space.kind, []).append(space)
    return [
        (kind, DIRECTORY.get(kind, kind), members) for kind, members in by_kind.items() if members
    ]


@require_safe
def space_list(request):
    # An explicit order: Django leaves Meta.ordering out of a query that groups (the count).
    spaces = Space.objects.with_member_count().order_by(Lower("name"), "pk")
    mine = {}
    if request.user.is_authenticated:
        mine = dict(Membership.objects.filter(user=request.user).values_list("space_id", "status"))
    return render(request, "cop/space_list.html", {"sections": directory(spaces), "mine": mine})


def _space_and_membership(request, slug):
    space = get_object_or_404(Space, slug=slug)
    return space, services.membership_of(request.user, space)


@require_safe
def space_detail(request, slug):
    space, membership = _space_and_membership(request, slug)
    context = {
        "space": space,
        "membership": membership,
        "moderates": can_moderate_space(request.user, space, membership),
        "events": coming_up(request, space),
        "country_sections": country_sections(request, space),
        "country_code": space.country,  # a national space offers its country's languages
        # What space.js puts before a live frame's paths ("/th" on a Thai page, "" in English).
        "language_prefix": translate_path("/", translation.get_language()).rstrip("/"),
    }
    if can_read(request.user, membership):
        history, has_more = services.history(space)
        members = (
            Membership.objects.filter(space=space, status=Membership.Status.ACTIVE)
            .select_related("user")
            .order_by("user__name")
        )
        context.update(
            history=history,
            has_more=has_more,
            members=members[:MEMBERS_SHOWN],
            member_count=members.count(),
            may_post=can_post(request.user, membership),
            pending=Membership.objects.filter(
                space=space, status=Membership.Status.PENDING
            ).select_related("user")
            if context["moderates"]
            else [],
            strings=client_strings(),
        )
    return render(request, "cop/space_detail.html", context)


def coming_up(request, space, limit=COMING_UP):
    """The space's own events and what the apps offer its country (or the regional space)
    through core.registry.coming_up, soonest first: one query each."""
    items = list(space.events.upcoming()[:limit])
    if space.kind in (SpaceKind.NATIONAL, SpaceKind.REGIONAL):
        country = space.country if space.kind == SpaceKind.NATIONAL else ""
        for provider in registry.coming_up:
            items.extend(provider.items(request, country, limit))
    return sorted(items, key=lambda item: item.starts_at)[:limit]


def country_sections(request, space):
    """What the apps offer a national space's country, or the regional space the region
    (core.registry.country_sections): a list of (template, context)."""
    if space.kind not in (SpaceKind.NATIONAL, SpaceKind.REGIONAL):
        return []
    country = space.country if space.kind == SpaceKind.NATIONAL else ""
    return [
        (section.template, section_context)
        for section in registry.country_sections
        if (section_context := section.context(request, country)) is not None
    ]


def client_strings():
    """The live client's words, translated (it reads them from a JSON script element)."""
    return live.client_strings(
        connected=_("Connected: new messages appear as they are sent."),
        pending=_("Sending…"),
        failed=_("Not sent yet: it will be sent when the connection is back."),
        delete=_("Delete"),
        deleted=_("This message was deleted."),
        new_message=_("New message from %(name)s"),
        load_older=_("Load older messages"),
        no_more=_("This is the beginning of the discussion."),
        rate_limited=_("You are sending messages too fast. Wait a few seconds."),
        too_long=_("A message is at most 4,000 characters."),
        forbidden=_("You cannot take part in this space."),
        bad_request=_("That could not be sent."),
        unavailable=_("The server is busy: your message will be sent again shortly."),
    )


def _readable(request, slug):
    """The space and the membership of a member who may read it; 403 for anyone else."""
    space, membership = _space_and_membership(request, slug)
    if not can_read(request.user, membership):
        raise PermissionDenied
    return space, membership


@login_required
@require_safe
def older_messages(request, slug):
    """JSON pages of the discussion for the live client.

    ?before=<id>: the messages before it ("Load older"). ?after=<id>: the frames of every
    message after it, deleted ones included, as the socket would have sent them (how the
    client fills a gap in `seq`)."""
    space, _membership = _readable(request, slug)
    try:
        if "after" in request.GET:
            after = _message_id(request.GET["after"], allow_zero=True)
            page, has_more = services.messages_since(space, after)
            return JsonResponse({"frames": [services.frame(m) for m in page], "has_more": has_more})
        before = _message_id(request.GET["before"])
    except (KeyError, ValueError):
        return JsonResponse(
            {"error": _("Give ?before=<message id> or ?after=<message id>.")}, status=400
        )
    page, has_more = services.history(space, before=before)
    return JsonResponse(
        {
            "messages": [services.serialise(m) for m in page if not m.is_deleted],
            "has_more": has_more,
            "before": page[0].id if page else None,
        }
    )


def _message_id(value, allow_zero=False):
    """A message id from a query parameter, or ValueError (a bigint: larger names nothing)."""
    number = int(value)
    if not (0 if allow_zero else 1) <= number <= MAX_ID:
        raise ValueError(value)
    return number


@login_required
@require_safe
def archive(request, slug):
    """The whole discussion, paged, searchable, without JavaScript."""
    space, membership = _readable(request, slug)
    query = request.GET.get("q", "").strip()[:200]
    found = Message.objects.filter(space=space, deleted_at__isnull=True).visible()
    if query:
        found = found.matching(query)
    page = Paginator(found.order_by("id"), ARCHIVE_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "cop/archive.html",
        {
            "space": space,
            "page_obj": page,
            "query": query,
            "moderates": can_moderate_space(request.user, space, membership),
        },
    )


@login_required
@require_POST
def post(request, slug):
    """The composer without JavaScript: the same rules as the live connection."""
    space, membership = _readable(request, slug)
    if not can_post(request.user, membership):
        raise PermissionDenied
    try:
        client_id = uuid.UUID(request.POST.get("client_id") or str(uuid.uuid4()))
    except ValueError:
        client_id = uuid.uuid4()
    try:
        services.post_message(space, request.user, request.POST.get("body", ""), client_id)
    except services.MessageError as error:
        messages.error(
            request,
            {
                "bad_request": _("Write something before you send."),
                "too_long": _("A message is at most 4,000 characters."),
                "rate_limited": _("You are sending messages too fast. Wait a few seconds."),
            }.get(error.code, error.detail),
        )
        return redirect("space", slug=slug)
    return redirect(f"{reverse('space', args=[space.slug])}#composer")


@login_required
@require_POST
def delete(request, slug, message_id):
    space, membership = _readable(request, slug)
    message = get_object_or_404(Message, space=space, id=message_id)
    if not can_delete_message(
        request.user, message, can_moderate_space(request.user, space, membership)
    ):
        raise PermissionDenied
    services.delete_message(message, by=request.user)
    messages.success(request, _("The message was deleted."))
    return redirect("space", slug=slug)


@login_required
@require_POST
def join(request, slug):
    space = get_object_or_404(Space, slug=slug)
    if not is_learner(request.user):
        raise PermissionDenied
    membership = services.join(request.user, space)
    if membership.is_active:
        messages.success(request, _("Welcome to %(space)s.") % {"space": space.name})
    else:
        messages.success(request, _("Your request to join is sent to the facilitators."))
    return redirect("space", slug=slug)


@login_required
@require_POST
def leave(request, slug):
    space = get_object_or_404(Space, slug=slug)
    services.leave(request.user, space)
    messages.success(request, _("You have left %(space)s.") % {"space": space.name})
    return redirect("spaces")


@login_required
@require_POST
def moderate_member(request, slug, membership_id):
    """Approve a request to join, or mute a member for a time (facilitators, moderators)."""
    space, membership = _space_and_membership(request, slug)
    if not can_moderate_space(request.user, space, membership):
        raise PermissionDenied
    target = get_object_or_404(Membership, space=space, id=membership_id)
    action = request.POST.get("action")
    if action == "approve":
        try:
            services.approve(target)
        except AlreadyDecided as refusal:
            messages.error(request, refusal.message)
            return redirect("space", slug=slug)
        messages.success(request, _("%(name)s is now a member.") % {"name": target.user.name})
    elif action == "mute":
        try:
            minutes = int(request.POST.get("minutes", "60"))
        except ValueError:
            minutes = 0
        if not 1 <= minutes <= 60 * 24 * 30:
            messages.error(request, _("Mute for between 1 minute and 30 days."))
            return redirect("space", slug=slug)
        services.mute(target, minutes=minutes)
        messages.success(
            request,
            _("%(name)s is muted here for %(minutes)d minutes.")
            % {"name": target.user.name, "minutes": minutes},
        )
    else:
        messages.error(request, _("Unknown action."))
    return redirect("space", slug=slug)

"""A member's public page, `/members/<handle>/`: who they are (name, country,
constituency, organization, an initial-letter avatar) and what the apps offer about them
(core.registry.member_sections: the forum's recent posts), each section showing only
what this reader may see.

It lives in the shell because it gathers the apps' sections, as the home page does;
accounts, the lowest layer, cannot reach core.registry. Public, as the contract says:
anonymous readers see it too; never the e-mail address, the gender or the roles. An
inactive account has no page (404), and handles are case-insensitive: any other
spelling redirects to the lower-case one.
"""

import re

from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from accounts.models import HANDLE_PATTERN
from core import registry
from core.times import reader_zone

HANDLE = re.compile(HANDLE_PATTERN, re.IGNORECASE | re.ASCII)
# What the page shows of a member, and what the sections need (the id).
MEMBER_FIELDS = ("id", "name", "handle", "country", "constituency", "organization", "is_active")


@require_safe
def member_page(request, handle):
    if len(handle) > 30 or not HANDLE.fullmatch(handle):
        raise Http404
    member = (
        get_user_model()
        .objects.filter(handle=handle.lower(), is_active=True)
        .only(*MEMBER_FIELDS)
        .first()
    )
    if member is None:
        raise Http404
    if handle != member.handle:
        return redirect("member", member.handle, permanent=True)
    sections = [
        (section.template, context)
        for section in registry.member_sections
        if (context := section.context(request, member)) is not None
    ]
    return render(
        request,
        "home/member_page.html",
        {
            "member": member,
            "sections": sections,
            "is_self": request.user.is_authenticated and request.user.pk == member.pk,
            "reader_zone": reader_zone(request.user),
        },
    )

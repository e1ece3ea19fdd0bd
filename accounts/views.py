from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from django.views.generic import UpdateView

from .forms import ProfileForm
from .languages import is_reviewed, switch_to, translate_path


class ProfileView(LoginRequiredMixin, UpdateView):
    """The signed-in person's own profile; there is no way to reach anyone else's."""

    form_class = ProfileForm
    template_name = "accounts/profile.html"
    success_url = reverse_lazy("profile")

    def get_object(self, queryset=None):
        return self.request.user

    def form_valid(self, form):
        response = super().form_valid(form)
        if "language" in form.changed_data:  # the site switches to it, if it speaks it
            response = switch_to(self.request, response, form.instance.language)
        messages.success(self.request, _("Your profile is saved."))
        return response


@require_safe
def languages_page(request):
    """The language switcher's page: every interface language in its own script and in the
    reader's, whether a native speaker has reviewed its translation, and a button to read
    the site in it (back to the page the reader came from: a safe `next` only)."""
    wanted = request.GET.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    back = translate_path(
        wanted if safe and wanted.startswith("/") else "/", settings.LANGUAGE_CODE
    )
    languages = [
        {
            "code": code,
            "name": name,
            "in_reader_language": translation.get_language_info(code)["name_translated"],
            "reviewed": is_reviewed(code),
            "current": code == translation.get_language(),
        }
        for code, name in settings.LANGUAGES
    ]
    return render(request, "accounts/languages.html", {"languages": languages, "next": back})

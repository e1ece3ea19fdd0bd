from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import UpdateView

from .forms import ProfileForm
from .languages import switch_to


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

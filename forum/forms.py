import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from core.text import is_blank, validate_user_text

from .models import MAX_SUSPENSION_DAYS, Category, FlagReason, Post, Topic, WatchedWordAction

BODY_HELP = _(
    "Markdown works: **bold**, *italic*, > quote, lists, links. "
    "Mention someone with @handle: they are notified."
)


def body_field(label=None):
    return forms.CharField(
        label=label or _("Your post"),
        max_length=Post.MAX_LENGTH,
        help_text=BODY_HELP,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Write something before you post.")},
    )


def visible_text(value, message):
    """Text made only of invisible characters (zero-width spaces, joiners, BOM, spaces)
    is empty: `message`. A character that is never stored (NUL, controls) is refused."""
    if is_blank(value):
        raise forms.ValidationError(message, code="required")
    validate_user_text(value)
    return value


class VisibleBodyMixin:
    def clean_body(self):
        return visible_text(self.cleaned_data["body"], _("Write something before you post."))


def token_field():
    """The form's idempotency token: a new uuid4 each time the form is shown, sent back
    hidden, so the same form sent twice makes one post (see services.start_topic)."""
    return forms.UUIDField(required=False, initial=uuid.uuid4, widget=forms.HiddenInput)


class TopicForm(VisibleBodyMixin, forms.Form):
    title = forms.CharField(
        label=_("Title"), min_length=Topic.TITLE_MIN_LENGTH, max_length=Topic.TITLE_MAX_LENGTH
    )
    body = body_field()
    token = token_field()

    def clean_title(self):
        """One line (it is an e-mail subject too), with something visible in it."""
        title = visible_text(self.cleaned_data["title"], _("Give your topic a title."))
        return " ".join(title.split())


class ReplyForm(VisibleBodyMixin, forms.Form):
    body = body_field(_("Your reply"))
    reply_to = forms.IntegerField(required=False, widget=forms.HiddenInput)
    token = token_field()


class EditForm(VisibleBodyMixin, forms.Form):
    body = body_field(_("Text"))
    reason = forms.CharField(
        label=_("Reason for the edit"),
        max_length=500,
        required=False,
        help_text=_("Required when you change someone else's post: they are told."),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500, required=False)


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with this post?"),
        choices=FlagReason.choices,
        widget=forms.RadioSelect,
    )
    detail = forms.CharField(
        label=_("Anything the moderators should know (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MoveForm(forms.Form):
    category = forms.ModelChoiceField(label=_("Move to"), queryset=Category.objects.none())
    reason = forms.CharField(label=_("Reason"), max_length=500, required=False)

    def __init__(self, *args, categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.filter(
            id__in=[c.id for c in categories]
        )


class SlowModeForm(forms.Form):
    minutes = forms.IntegerField(
        label=_("One reply per member every (minutes; 0 turns slow mode off)"),
        min_value=0,
        max_value=Topic.MAX_SLOW_MODE_SECONDS // 60,
    )
    reason = forms.CharField(label=_("Reason"), max_length=500, required=False)


class SuspendForm(forms.Form):
    days = forms.IntegerField(
        label=_("Days"), min_value=1, max_value=MAX_SUSPENSION_DAYS, initial=7
    )
    reason = forms.CharField(
        label=_("Reason (the member sees it)"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class WatchedWordForm(forms.Form):
    word = forms.CharField(
        label=_("Word or phrase"),
        max_length=100,
        help_text=_("Not case-sensitive. * matches any letters: spam* matches spammer."),
    )
    action = forms.ChoiceField(
        label=_("When a post contains it"),
        choices=WatchedWordAction.choices,
        initial=WatchedWordAction.APPROVE,
    )

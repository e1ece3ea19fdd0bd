"""`{% switcher_next %}`: the page being read, as a path in the default language, for the
language switcher's `next` (templates/includes/language_switcher.html).

Django's set_language translates `next` in the language active at /i18n/setlang/, which
is unprefixed, hence English: given "/th/forum/" it reads a Wagtail page "th/forum/" and
sends the reader back to Thai. Given the English path it reaches every language."""

from django import template
from django.conf import settings

from ..languages import translate_path

register = template.Library()


@register.simple_tag(takes_context=True)
def switcher_next(context):
    request = context.get("request")
    if request is None:
        return "/"
    return translate_path(request.get_full_path(), settings.LANGUAGE_CODE)

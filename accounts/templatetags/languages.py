"""The language switcher's tags (templates/includes/language_switcher.html).

`{% switcher_languages %}`: the interface languages, each in its own script, the page's
country's first (a view or page puts `country_code` in the context: a country profile,
a national space, a national forum category). `{% language_offer %}`: on such a page, the
country's languages the reader is not reading it in.

`{% switcher_next %}`: the page being read, as a path in the default language, for the
language switcher's `next`.

Django's set_language translates `next` in the language active at /i18n/setlang/, which
is unprefixed, hence English: given "/th/forum/" it reads a Wagtail page "th/forum/" and
sends the reader back to Thai. Given the English path it reaches every language."""

from django import template
from django.conf import settings
from django.utils import translation

from ..languages import country_languages, interface_languages, is_reviewed, translate_path

register = template.Library()


@register.simple_tag(takes_context=True)
def switcher_next(context):
    request = context.get("request")
    if request is None:
        return "/"
    return translate_path(request.get_full_path(), settings.LANGUAGE_CODE)


@register.simple_tag(takes_context=True)
def switcher_languages(context):
    """[{code, name, reviewed, current}] in the order the switcher shows them."""
    current = translation.get_language()
    return [
        {"code": code, "name": name, "reviewed": is_reviewed(code), "current": code == current}
        for code, name in interface_languages(context.get("country_code", ""))
    ]


@register.simple_tag(takes_context=True)
def language_offer(context):
    """[{code, name, url}]: the page in each language of its country, when the reader
    reads it in another one."""
    current = translation.get_language()
    request = context.get("request")
    languages = country_languages(context.get("country_code", ""))
    if request is None or current in languages:
        return []
    named = dict(settings.LANGUAGES)
    path = request.get_full_path()
    return [
        {"code": code, "name": named[code], "url": translate_path(path, code)} for code in languages
    ]

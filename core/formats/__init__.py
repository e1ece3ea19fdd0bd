"""The site's date and time formats, one module per interface language (Django's
FORMAT_MODULE_PATH): what every page, e-mail and static/js/time.js prints. A language
without a module here uses Django's own formats for it; static/js/time.js follows those
too (see core.times.FORMAT_CHARACTERS for the characters it knows)."""

"""The strings of Django and allauth that our readers see, put in our own catalogues.

Why: readers see the libraries' words too (a form error, a month, "5 minutes ago",
allauth's pages), but the libraries have no catalogue for some of our languages: Django
none for Lao and Filipino, allauth none for Khmer, Lao, Vietnamese, Malay and Filipino.
There these words came out in English. Our catalogues come first (LOCALE_PATHS), so a
msgid translated in locale/<lang>/ wins over the library's for that language: this module
marks the libraries' msgids so that `makemessages` puts them in every one of our
catalogues; `manage.py copy_library_translations` (in `make messages`) then copies the
translation each library's own catalogue has for a language (reviewed there), and only the
rest is ours to translate.

Nothing here runs: the markers translate nothing when the module is imported (gettext_noop
returns its argument, the lazy ones translate only when printed), and nobody imports it.
Django has no pgettext_noop or ngettext_noop: pgettext_lazy, ngettext_lazy and
npgettext_lazy are the markers `makemessages` reads for a context and for plurals.

To add a string: copy its msgid exactly from the library's source (or its
locale/en/LC_MESSAGES/django.po), with the same context and the same plural, and the
marker of its kind (gettext_noop; pgettext_lazy(context, msgid); ngettext_lazy(singular,
plural, "name"); npgettext_lazy(context, singular, plural, "name")), in the group where
the reader meets it; then `make messages`. tests/test_library_strings.py checks that every
msgid here is the library's (a library upgrade that rewords one fails it) and in each of
our catalogues. A string a template of ours overrides in the site's words (allauth's
e-mails and messages: templates/account/) does not belong here. Not Wagtail's admin:
editors read it in English or in Wagtail's own languages.
"""

# The msgids keep the libraries' characters exactly: typographic quotes, and the no-break
# spaces (U+00A0, invisible here) of naturaltime's "%(count)s minutes ago". Written as
# characters, not escapes: xgettext reads "\u00a0" in Python source as six characters.
# ruff: noqa: RUF001

from django.utils.translation import (
    gettext_noop,
    ngettext_lazy,
    npgettext_lazy,
    pgettext_lazy,
)

# django/forms/fields.py, forms/models.py, forms/forms.py, forms/formsets.py: the errors
# and words of the form fields our forms use.
FORMS = (
    gettext_noop("This field is required."),
    gettext_noop("Enter a whole number."),  # IntegerField
    gettext_noop("Enter a number."),  # DecimalField
    gettext_noop("Enter a valid date."),  # DateField (follow-up activities)
    gettext_noop("Enter a valid date/time."),  # DateTimeField (workshops)
    gettext_noop("Enter a valid URL."),  # URLField (a workshop's joining link)
    gettext_noop("Enter a valid UUID."),  # UUIDField (a post's client id)
    # ChoiceField, TypedChoiceField, MultipleChoiceField, ModelMultipleChoiceField
    gettext_noop("Select a valid choice. %(value)s is not one of the available choices."),
    gettext_noop("Enter a list of values."),
    # ModelChoiceField, ModelMultipleChoiceField
    gettext_noop("Select a valid choice. That choice is not one of the available choices."),
    gettext_noop("“%(pk)s” is not a valid value."),
    # FileField (evidence, the self-assessment's import)
    gettext_noop("No file was submitted. Check the encoding type on the form."),
    gettext_noop("No file was submitted."),
    gettext_noop("The submitted file is empty."),
    # A workshop's sessions (an inline formset: at most 60, each with a Delete box).
    ngettext_lazy(
        "Please submit at most %(num)d form.", "Please submit at most %(num)d forms.", "num"
    ),
    gettext_noop("Delete"),
    # Translators: This is the default suffix added to form field labels
    gettext_noop(":"),
    # Translators: If found as last label character, these punctuation
    # characters will prevent the default label_suffix to be appended to the label
    gettext_noop(":?.!"),
)

# django/core/validators.py: the validators form and model fields add.
VALIDATORS = (
    gettext_noop("Enter a valid email address."),
    gettext_noop("Null characters are not allowed."),  # every CharField
    gettext_noop("Ensure this value is less than or equal to %(limit_value)s."),
    gettext_noop("Ensure this value is greater than or equal to %(limit_value)s."),
    ngettext_lazy(
        "Ensure this value has at least %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at least %(limit_value)d characters (it has %(show_value)d).",
        "limit_value",
    ),
    ngettext_lazy(
        "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
        "limit_value",
    ),
    # DecimalField (an indicator's values)
    ngettext_lazy(
        "Ensure that there are no more than %(max)s digit in total.",
        "Ensure that there are no more than %(max)s digits in total.",
        "max",
    ),
    ngettext_lazy(
        "Ensure that there are no more than %(max)s decimal place.",
        "Ensure that there are no more than %(max)s decimal places.",
        "max",
    ),
    ngettext_lazy(
        "Ensure that there are no more than %(max)s digit before the decimal point.",
        "Ensure that there are no more than %(max)s digits before the decimal point.",
        "max",
    ),
)

# django/db/models/fields/__init__.py: a model form's unique field (the profile's handle,
# when two members take the same one at once).
MODELS = (gettext_noop("%(model_name)s with this %(field_label)s already exists."),)

# django/contrib/auth/password_validation.py (AUTH_PASSWORD_VALIDATORS): the messages and
# help texts of sign-up, password change and password reset.
PASSWORDS = (
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        "min_length",
    ),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        "min_length",
    ),
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("This password is too common."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("This password is entirely numeric."),
    gettext_noop("Your password can’t be entirely numeric."),
)

# allauth/account/forms.py, fields.py, adapter.py (error_messages): the labels and errors
# of the login, sign-up, password and e-mail forms (e-mail login, no username).
ALLAUTH_FORMS = (
    gettext_noop("Email"),
    gettext_noop("Email address"),
    gettext_noop("Password"),
    gettext_noop("Password (again)"),
    gettext_noop("Remember Me"),
    gettext_noop("Forgot your password?"),
    gettext_noop("Current Password"),
    gettext_noop("New Password"),
    gettext_noop("New Password (again)"),
    gettext_noop("You must type the same password each time."),
    gettext_noop("The email address and/or password you specified are not correct."),
    gettext_noop("Too many failed login attempts. Try again later."),
    gettext_noop("This email address is already associated with this account."),
    gettext_noop("Please type your current password."),
    gettext_noop("The password reset token was invalid."),
)

# allauth/templates/account/: the pages of allauth this configuration shows and that
# templates/account/ does not override (inactive account, change of e-mail, confirming
# it, password change, reset and set, "verify your e-mail").
ALLAUTH_PAGES = (
    gettext_noop("Account Inactive"),
    gettext_noop("This account is inactive."),
    gettext_noop("Email Address"),
    gettext_noop("Current email"),
    gettext_noop("Changing to"),
    gettext_noop("Change to"),
    gettext_noop("Your email address is still pending verification."),
    gettext_noop("Re-send Verification"),
    gettext_noop("Cancel Change"),
    gettext_noop("Change Email"),
    gettext_noop("Confirm Email Address"),
    gettext_noop(
        'Please confirm that <a href="mailto:%(email)s">%(email)s</a> is an email address '
        "for user %(user_display)s."
    ),
    gettext_noop("Confirm"),
    gettext_noop(
        "Unable to confirm %(email)s because it is already confirmed by a different account."
    ),
    gettext_noop(
        "This email confirmation link expired or is invalid. Please "
        '<a href="%(email_url)s">issue a new email confirmation request</a>.'
    ),
    gettext_noop("Change Password"),
    gettext_noop("Password Reset"),
    gettext_noop(
        "Forgotten your password? Enter your email address below, and we'll send you an "
        "email allowing you to reset it."
    ),
    gettext_noop("Reset My Password"),
    gettext_noop("Please contact us if you have any trouble resetting your password."),
    gettext_noop(
        "We have sent you an email. If you have not received it please check your spam "
        "folder. Otherwise contact us if you do not receive it in a few minutes."
    ),
    gettext_noop("Bad Token"),
    gettext_noop(
        "The password reset link was invalid, possibly because it has already been used.  "
        'Please request a <a href="%(passwd_reset_url)s">new password reset</a>.'
    ),
    gettext_noop("Cancel"),
    gettext_noop("Your password is now changed."),
    gettext_noop("Set Password"),
    gettext_noop("Verify Your Email Address"),
    gettext_noop(
        "We have sent an email to you for verification. Follow the link provided to "
        "finalize the signup process. If you do not see the verification email in your "
        "main inbox, check your spam folder. Please contact us if you do not receive the "
        "verification email within a few minutes."
    ),
    # snippets/already_logged_in.html (the password reset pages, for a member logged in)
    gettext_noop("Note"),
    gettext_noop("You are already logged in as %(user_display)s."),
)

# django/utils/dates.py: the names our date formats print (core/formats/, Django's
# formats for the others) and static/js/time.js prints too (core.times.client_settings).
WEEKDAYS = (
    gettext_noop("Monday"),
    gettext_noop("Tuesday"),
    gettext_noop("Wednesday"),
    gettext_noop("Thursday"),
    gettext_noop("Friday"),
    gettext_noop("Saturday"),
    gettext_noop("Sunday"),
)
WEEKDAYS_ABBR = (
    gettext_noop("Mon"),
    gettext_noop("Tue"),
    gettext_noop("Wed"),
    gettext_noop("Thu"),
    gettext_noop("Fri"),
    gettext_noop("Sat"),
    gettext_noop("Sun"),
)
MONTHS = (
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
)
# The format character "b" prints these; "M" prints them capitalised.
MONTHS_3 = (
    gettext_noop("jan"),
    gettext_noop("feb"),
    gettext_noop("mar"),
    gettext_noop("apr"),
    gettext_noop("may"),
    gettext_noop("jun"),
    gettext_noop("jul"),
    gettext_noop("aug"),
    gettext_noop("sep"),
    gettext_noop("oct"),
    gettext_noop("nov"),
    gettext_noop("dec"),
)
# Associated Press style ("N"; Django's default DATE_FORMAT, for a language without one).
MONTHS_AP = (
    pgettext_lazy("abbrev. month", "Jan."),
    pgettext_lazy("abbrev. month", "Feb."),
    pgettext_lazy("abbrev. month", "March"),
    pgettext_lazy("abbrev. month", "April"),
    pgettext_lazy("abbrev. month", "May"),
    pgettext_lazy("abbrev. month", "June"),
    pgettext_lazy("abbrev. month", "July"),
    pgettext_lazy("abbrev. month", "Aug."),
    pgettext_lazy("abbrev. month", "Sept."),
    pgettext_lazy("abbrev. month", "Oct."),
    pgettext_lazy("abbrev. month", "Nov."),
    pgettext_lazy("abbrev. month", "Dec."),
)
# The month as a long date says it, where a language declines it ("E").
MONTHS_ALT = (
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
)

# django/contrib/humanize/templatetags/humanize.py (naturaltime, which core.times.relative
# uses: "5 minutes ago") and django/utils/timesince.py (the timesince and timeuntil
# filters, and the ", " naturaltime joins two parts with).
RELATIVE_TIMES = (
    gettext_noop("now"),
    # Translators: please keep a non-breaking space (U+00A0) between count
    # and time unit.
    ngettext_lazy("a second ago", "%(count)s seconds ago", "count"),
    # Translators: please keep a non-breaking space (U+00A0) between count
    # and time unit.
    ngettext_lazy("a minute ago", "%(count)s minutes ago", "count"),
    # Translators: please keep a non-breaking space (U+00A0) between count
    # and time unit.
    ngettext_lazy("an hour ago", "%(count)s hours ago", "count"),
    # Translators: delta will contain a string like '2 months' or '1 month, 2 weeks'
    gettext_noop("%(delta)s ago"),
    # Translators: please keep a non-breaking space (U+00A0) between count
    # and time unit.
    ngettext_lazy("a second from now", "%(count)s seconds from now", "count"),
    # Translators: please keep a non-breaking space (U+00A0) between count
    # and time unit.
    ngettext_lazy("a minute from now", "%(count)s minutes from now", "count"),
    # Translators: please keep a non-breaking space (U+00A0) between count
    # and time unit.
    ngettext_lazy("an hour from now", "%(count)s hours from now", "count"),
    # Translators: delta will contain a string like '2 months' or '1 month, 2 weeks'
    gettext_noop("%(delta)s from now"),
    # Translators: 'naturaltime-past' strings will be included in '%(delta)s ago'
    npgettext_lazy("naturaltime-past", "%(num)d year", "%(num)d years", "num"),
    npgettext_lazy("naturaltime-past", "%(num)d month", "%(num)d months", "num"),
    npgettext_lazy("naturaltime-past", "%(num)d week", "%(num)d weeks", "num"),
    npgettext_lazy("naturaltime-past", "%(num)d day", "%(num)d days", "num"),
    npgettext_lazy("naturaltime-past", "%(num)d hour", "%(num)d hours", "num"),
    npgettext_lazy("naturaltime-past", "%(num)d minute", "%(num)d minutes", "num"),
    # Translators: 'naturaltime-future' strings will be included in '%(delta)s from now'.
    npgettext_lazy("naturaltime-future", "%(num)d year", "%(num)d years", "num"),
    npgettext_lazy("naturaltime-future", "%(num)d month", "%(num)d months", "num"),
    npgettext_lazy("naturaltime-future", "%(num)d week", "%(num)d weeks", "num"),
    npgettext_lazy("naturaltime-future", "%(num)d day", "%(num)d days", "num"),
    npgettext_lazy("naturaltime-future", "%(num)d hour", "%(num)d hours", "num"),
    npgettext_lazy("naturaltime-future", "%(num)d minute", "%(num)d minutes", "num"),
    ngettext_lazy("%(num)d year", "%(num)d years", "num"),
    ngettext_lazy("%(num)d month", "%(num)d months", "num"),
    ngettext_lazy("%(num)d week", "%(num)d weeks", "num"),
    ngettext_lazy("%(num)d day", "%(num)d days", "num"),
    ngettext_lazy("%(num)d hour", "%(num)d hours", "num"),
    ngettext_lazy("%(num)d minute", "%(num)d minutes", "num"),
    gettext_noop(", "),
)

# django/template/defaultfilters.py: filesizeformat (an evidence file's size, its limit).
FILE_SIZES = (
    ngettext_lazy("%(size)d byte", "%(size)d bytes", "size"),
    gettext_noop("%s KB"),
    gettext_noop("%s MB"),
    gettext_noop("%s GB"),
    gettext_noop("%s TB"),
    gettext_noop("%s PB"),
)

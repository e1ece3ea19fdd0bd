"""One zone per reader, one format per language (core/times.py, core/templatetags/times.py):
the rules and the tags, without pages (test_times_pages.py goes through real pages)."""

import re
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.template import engines
from django.utils import formats, timezone, translation

from accounts.models import User
from core import times

MOMENT = datetime(2027, 3, 3, 2, 5, tzinfo=UTC)  # 09:05 in Bangkok, 11:05 in Tokyo
THAI = re.compile(r"[\u0e00-\u0e7f]")
LATIN_LETTERS = re.compile(r"[A-Za-z]")


def render(source, user=None, **context):
    template = engines["django"].from_string("{% load times %}" + source)
    request = SimpleNamespace(user=user or AnonymousUser())
    return template.render({"request": request, **context})


def member(time_zone="Asia/Tokyo", country="TH"):
    """What the tags read of a signed-in member (no database)."""
    return User(email="m@example.net", time_zone=time_zone, country=country)


@pytest.mark.parametrize(
    ("language", "datetime_text", "date_text"),
    [
        ("en", "3 Mar 2027, 09:05", "3 Mar 2027"),
        ("th", "3 มี.ค. 2027 09:05", "3 มี.ค. 2027"),
    ],
)
def test_each_interface_language_has_one_format_for_a_moment_and_one_for_its_day(
    language, datetime_text, date_text
):
    with translation.override(language):
        assert times.format_time(MOMENT, "Asia/Bangkok") == datetime_text
        assert times.format_time(MOMENT, "Asia/Bangkok", "date") == date_text


def test_the_day_of_a_moment_is_the_readers_day():
    late = datetime(2027, 3, 3, 20, 30, tzinfo=UTC)

    with translation.override("en"):
        assert times.format_time(late, "UTC", "date") == "3 Mar 2027"
        assert times.format_time(late, "Asia/Tokyo", "date") == "4 Mar 2027"
        assert times.format_time(late, "Asia/Tokyo") == "4 Mar 2027, 05:30"


def test_an_unknown_zone_reads_as_utc_rather_than_failing():
    with translation.override("en"):
        assert times.format_time(MOMENT, "Mars/Olympus_Mons") == "3 Mar 2027, 02:05"


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_every_interface_language_uses_only_format_characters_the_script_prints(language):
    django_characters = set("aAbcdDeEfFgGhHiIjlLmMnNoOPrsStTUuwWyYzZ")
    for name in times.STYLES.values():
        pattern = formats.get_format(name, lang=language)
        used, escaped = set(), False
        for character in pattern:
            if escaped:
                escaped = False
            elif character == "\\":
                escaped = True
            elif character in django_characters:
                used.add(character)
        assert used <= times.FORMAT_CHARACTERS, (language, name, pattern)


def test_the_readers_zone_is_the_profiles_else_the_countrys_else_utc():
    assert times.reader_zone(member(time_zone="Asia/Tokyo")) == "Asia/Tokyo"
    assert times.reader_zone(member(time_zone="", country="KH")) == "Asia/Phnom_Penh"
    assert times.reader_zone(AnonymousUser()) == "UTC"
    assert times.reader_zone(None) == "UTC"


def test_the_tag_prints_a_moment_in_the_members_own_zone_with_its_utc_instant():
    with translation.override("en"):
        html = render("{% local_time v %}", member(time_zone="Asia/Tokyo"), v=MOMENT)

    assert (
        html
        == '<time datetime="2027-03-03T02:05:00Z" data-time="datetime">3 Mar 2027, 11:05</time>'
    )


def test_a_member_without_a_zone_reads_in_their_countrys():
    with translation.override("en"):
        html = render("{% local_time v %}", member(time_zone="", country="KH"), v=MOMENT)

    assert ">3 Mar 2027, 09:05</time>" in html


def test_an_anonymous_reader_gets_utc_named_for_the_script_to_rewrite():
    with translation.override("th"):
        html = render("{% local_time v %} {% local_date v %}", v=MOMENT)

    assert html == (
        '<time datetime="2027-03-03T02:05:00Z" data-time="datetime">3 มี.ค. 2027 02:05 UTC</time> '
        '<time datetime="2027-03-03T02:05:00Z" data-time="date">3 มี.ค. 2027</time>'
    )


def test_a_date_is_printed_as_it_is_and_left_alone_by_the_script():
    with translation.override("en"):
        html = render("{% local_date d %}", member(), d=date(2027, 3, 3))

    assert html == '<time datetime="2027-03-03">3 Mar 2027</time>'


def test_without_a_request_the_tag_uses_the_active_zone():
    template = engines["django"].from_string(
        "{% load times tz %}{% timezone 'Asia/Bangkok' %}{% local_time v %}{% endtimezone %}"
    )
    with translation.override("en"):
        html = template.render({"v": MOMENT})

    assert ">3 Mar 2027, 09:05</time>" in html


def test_a_moment_for_a_sentence_keeps_its_markup():
    source = (
        "{% local_time v as until %}"
        "{% blocktranslate %}You are suspended until {{ until }}.{% endblocktranslate %}"
    )
    with translation.override("en"):
        html = render("{% load i18n %}" + source, member(), v=MOMENT)

    assert html == (
        'You are suspended until <time datetime="2027-03-03T02:05:00Z" data-time="datetime">'
        "3 Mar 2027, 11:05</time>."
    )


def test_nothing_is_printed_for_no_moment():
    assert render("{% local_time v %}{% local_date v %}{% time_ago v %}", member(), v=None) == ""


@pytest.mark.parametrize("seconds", [0, 1, 59])
def test_under_a_minute_is_just_now_never_zero_minutes(seconds):
    now = timezone.now()

    with translation.override("en"):
        assert times.relative(now - timedelta(seconds=seconds), now=now) == "just now"


def test_minutes_and_hours_are_said_in_words_and_from_a_day_on_the_date_is_printed():
    now = timezone.now()

    with translation.override("en"):
        assert times.relative(now - timedelta(minutes=5), now=now) == "5\xa0minutes ago"
        assert times.relative(now - timedelta(hours=3, minutes=2), now=now) == "3\xa0hours ago"
        assert times.relative(now - timedelta(days=1), now=now) is None
        assert times.relative(now + timedelta(seconds=20), now=now) == "just now"  # a clock ahead
        assert times.relative(now + timedelta(hours=2), now=now) is None


@pytest.mark.parametrize("age", [timedelta(seconds=0), timedelta(seconds=30)])
def test_just_now_in_thai_is_thai(age):
    now = timezone.now()

    with translation.override("th"):
        text = times.relative(now - age, now=now)

    assert THAI.search(text), text
    assert not LATIN_LETTERS.search(text), text
    assert "0" not in text


def test_minutes_ago_in_thai_are_thai():
    now = timezone.now()

    with translation.override("th"):
        text = times.relative(now - timedelta(minutes=5), now=now)

    assert text.startswith("5"), text
    assert THAI.search(text), text
    assert not LATIN_LETTERS.search(text), text


def test_time_ago_says_recent_moments_relatively_and_older_ones_by_their_day():
    recent = timezone.now() - timedelta(seconds=5)
    old = datetime(2027, 3, 3, 20, 30, tzinfo=UTC)

    with translation.override("en"):
        html = render(
            "{% time_ago a %}|{% time_ago b %}", member(time_zone="Asia/Tokyo"), a=recent, b=old
        )

    first, second = html.split("|")
    assert first.endswith(">just now</time>")
    assert 'data-time="relative"' in first
    assert second == (
        '<time datetime="2027-03-03T20:30:00Z" data-time="relative" title="4 Mar 2027, 05:30">'
        "4 Mar 2027</time>"
    )


def test_the_script_gets_the_zone_patterns_and_names_of_the_page():
    with translation.override("th"):
        mine = times.client_settings(member(time_zone="Asia/Tokyo"))
        anonymous = times.client_settings(AnonymousUser())

    assert mine["zone"] == "Asia/Tokyo"
    assert anonymous["zone"] is None
    assert mine["formats"] == {"datetime": "j M Y H:i", "date": "j M Y"}
    assert mine["names"]["M"][2] == "มี.ค."
    assert len(mine["names"]["M"]) == 12
    assert set(mine["names"]) == {"M"}  # only the names the patterns use
    assert THAI.search(mine["just_now"])


def test_the_settings_are_printed_as_json_that_cannot_close_its_script(settings):
    with translation.override("en"):
        html = render("{% time_settings %}", member(time_zone="Asia/Tokyo"))

    assert html.startswith('<script id="time-settings" type="application/json">{')
    assert '"zone": "Asia/Tokyo"' in html
    assert html.count("</script>") == 1


def test_the_datetime_attribute_is_utc_to_the_second():
    moment = datetime(2027, 3, 3, 9, 5, 7, 123456, tzinfo=times.zone_info("Asia/Bangkok"))

    assert times.iso(moment) == "2027-03-03T02:05:07Z"
    assert times.iso(date(2027, 3, 3)) == "2027-03-03"

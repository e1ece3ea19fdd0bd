"""Times in Chromium: what static/js/time.js prints is what the server prints, for the same
moment, zone and language. A member reads a live message in their profile's zone (not the
browser's), and after a reload the server says it the same way; an anonymous reader reads
the server's UTC times rewritten in the browser's zone; relative times are the page's
language's."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.conf import settings
from django.utils import timezone, translation

from accounts.models import User
from cop.models import Message
from core import times
from core.times import format_time, reader_zone
from forum.models import Post, PostState, ReadAccess
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BROWSER_ZONE = "America/New_York"  # neither member lives there
READER_ZONE = "Asia/Kathmandu"  # UTC+05:45: no whole-hour shift passes for it by luck
THAI = re.compile(r"[\u0e00-\u0e7f]")


def in_language(language, value, zone):
    with translation.override(language):
        return format_time(value, zone)


@pytest.mark.parametrize("language", ["en", "th"])
def test_a_live_message_reads_as_after_a_reload_in_the_members_own_zone(
    chromium, asgi_server, language
):
    User.objects.filter(email="focal.th@example.org").update(
        time_zone=READER_ZONE, language=language
    )
    prefix = "" if language == "en" else f"/{language}"
    contexts = [
        chromium.new_context(base_url=asgi_server, locale="en-US", timezone_id=BROWSER_ZONE)
        for _ in range(2)
    ]
    sender, reader = (context.new_page() for context in contexts)
    for page in (sender, reader):
        page.set_default_timeout(15_000)
    log_in(sender, "learner@example.org")
    log_in(reader, "focal.th@example.org", language=language)
    sender.goto("/spaces/thailand/")
    sender.locator("#connection-status").filter(has_text="Connected").wait_for()
    reader.goto(f"{prefix}/spaces/thailand/")
    reader.locator("#presence").get_by_text("Somchai Wongsakul").wait_for()  # its socket is open

    sender.get_by_label("Message").fill("What time is it in Kathmandu?")
    sender.get_by_role("button", name="Send").click()
    live = reader.locator("#messages li.message[data-id]").filter(has_text="in Kathmandu?")
    live.wait_for()
    message_id = live.get_attribute("data-id")
    live_text = live.locator("time").inner_text()
    own = sender.locator(f"#m-{message_id}:not(.is-local) time")  # once its frame came back
    own.wait_for()
    own_text = own.inner_text()

    reader.reload()
    reloaded_text = reader.locator(f"#m-{message_id} time").inner_text()

    message = Message.objects.select_related("author").get(pk=message_id)
    assert live_text == reloaded_text == in_language(language, message.created_at, READER_ZONE)
    assert live_text != in_language(language, message.created_at, BROWSER_ZONE)
    assert own_text == in_language("en", message.created_at, reader_zone(message.author))
    if language == "th":
        assert THAI.search(live_text), live_text
    for context in contexts:
        context.close()


@pytest.mark.parametrize("language", ["en", "th"])
def test_an_anonymous_reader_reads_the_servers_utc_times_in_the_browsers_zone(
    chromium, asgi_server, language
):
    post = (
        Post.objects.filter(
            topic__category__read_access=ReadAccess.PUBLIC,
            topic__is_visible=True,
            state=PostState.PUBLISHED,
        )
        .order_by("id")
        .first()
    )
    context = chromium.new_context(base_url=asgi_server, timezone_id=READER_ZONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    prefix = "" if language == "en" else f"/{language}"

    page.goto(f"{prefix}/forum/t/{post.topic_id}/")

    expected = in_language(language, post.created_at, READER_ZONE)
    stamp = page.locator(f"#post-{post.id} time[data-time]")
    stamp.filter(has_text=re.compile(f"^{re.escape(expected)}$")).wait_for()
    assert "UTC" not in stamp.inner_text()
    context.close()


def path_in(language, path):
    return path if language == settings.LANGUAGE_CODE else f"/{language}{path}"


def test_the_script_says_relative_times_in_the_pages_language(chromium, asgi_server):
    """In every interface language, as the server says them: "just now" (never "0 minutes
    ago"), "5 minutes ago"; never English inside another language."""
    context = chromium.new_context(base_url=asgi_server, locale="en-US")
    page = context.new_page()
    for language, _name in settings.LANGUAGES:
        page.goto(path_in(language, "/forum/"))
        said = page.evaluate(
            """async () => {
              const site = document.querySelector('script[src*="site"]').src;
              const { formatRelative } = await import(new URL("time.js", site).href);
              const now = Date.now();
              const ago = (then) => formatRelative(new Date(then), now);
              return [now - 1000, now - 5 * 60e3].map(ago);
            }"""
        )
        with translation.override(language):
            now = timezone.now()
            expected = [
                times.relative(now - timedelta(seconds=1), now),
                times.relative(now - timedelta(minutes=5), now),
            ]
        assert said == expected, language
        if language == "en":
            assert said == ["just now", "5\xa0minutes ago"]  # humanize's no-break space
        elif language == "th":
            assert THAI.search(said[0]), said[0]
            assert THAI.search(said[1]), said[1]
        if language not in ("en", "id", "ms", "fil", "vi"):  # the others write no Latin words
            assert not re.search("[A-Za-z]", "".join(said)), (language, said)
    context.close()


def test_the_script_and_the_server_print_every_moment_alike(chromium, asgi_server):
    """For 36 moment-and-zone pairs around midnight and a clock change, in every interface
    language (each with its own format and month names)."""
    moments = [
        datetime(2027, 1, 1, 0, 0, tzinfo=UTC),  # a new year, at midnight
        datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC),
        datetime(2027, 3, 14, 6, 59, tzinfo=UTC),  # New York's clocks go forward at 07:00 UTC
        datetime(2027, 3, 14, 7, 0, tzinfo=UTC),
        datetime(2027, 7, 9, 12, 0, tzinfo=UTC),
        datetime(2028, 2, 29, 17, 45, tzinfo=UTC),
    ]
    zones = ["UTC", "Asia/Bangkok", READER_ZONE, "Asia/Tokyo", BROWSER_ZONE, "Pacific/Kiritimati"]
    context = chromium.new_context(base_url=asgi_server, locale="en-US")
    page = context.new_page()
    for language, _name in settings.LANGUAGES:
        page.goto(path_in(language, "/forum/"))
        printed = page.evaluate(
            """async ([moments, zones]) => {
          const site = document.querySelector('script[src*="site"]').src;
          const { formatTime } = await import(new URL("time.js", site).href);
          return moments.map((m) => zones.map((zone) => [
            formatTime(m, { zone }), formatTime(m, { zone, style: "date" }),
          ]));
        }""",
            [[times.iso(moment) for moment in moments], zones],
        )
        with translation.override(language):
            expected = [
                [[format_time(m, zone), format_time(m, zone, "date")] for zone in zones]
                for m in moments
            ]
        assert printed == expected, language
    context.close()

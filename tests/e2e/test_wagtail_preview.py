"""An editor previews a lesson live in Wagtail's preview panel, in Chromium: the preview
loads in the panel's iframe and follows what the editor types, the admin logs no error
(no Content-Security-Policy violation), and nothing is asked of another host."""

import pytest

from courses.models import LessonPage
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Every document (the admin's pages and the preview iframe) reports its CSP violations to
# the console, where the test collects them with the browser's own messages. It also
# notes when Wagtail (last) took the form's first state, which it does about 2 s after the
# page loads, sometimes twice: an edit made before that counts as the first state, and
# updates no preview.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
});
document.addEventListener("w-unsaved:watch-edits", () => {
  window.watchingSince = performance.now();
});
"""
WATCHING_EDITS = "() => window.watchingSince && performance.now() - window.watchingSince > 1000"

# The preview panel swaps its iframe for a fresh one on each update: look in all of them.
PREVIEW_SHOWS = """
(title) => [...document.querySelectorAll("iframe.w-preview__iframe")].some((frame) => {
  const doc = frame.contentDocument;
  const styled = doc && [...doc.styleSheets].some(
    (sheet) => sheet.href && sheet.href.includes("/static/css/site") && sheet.cssRules.length
  );
  return styled && doc.querySelector("h1")?.textContent.trim() === title;
})
"""


def test_an_editor_previews_a_lesson_live_and_the_admin_stays_on_this_site(
    browser_page, live_server
):
    page = browser_page
    lesson = LessonPage.objects.live().filter(locale__language_code="en").first()
    problems, elsewhere = [], []
    page.context.add_init_script(REPORT_VIOLATIONS)
    page.context.on(
        "console",
        lambda message: message.type in ("error", "warning") and problems.append(message.text),
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.context.on(
        "request",
        lambda request: (
            request.url.startswith(("data:", "blob:", f"{live_server.url}/"))
            or elsewhere.append(request.url)
        ),
    )
    log_in(page, "admin@example.org")

    page.goto("/admin/")  # the dashboard, with the editor's avatar
    page.goto(f"/admin/pages/{lesson.pk}/edit/")
    page.get_by_role("button", name="Toggle preview").click()
    page.wait_for_function(PREVIEW_SHOWS, arg=lesson.title)
    page.wait_for_function(WATCHING_EDITS)
    page.locator("#id_title").fill("Mutual aid, as the editor types it")
    page.wait_for_function(PREVIEW_SHOWS, arg="Mutual aid, as the editor types it")

    assert problems == []
    assert elsewhere == []

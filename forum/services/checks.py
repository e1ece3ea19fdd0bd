"""What a post must pass whoever sends it: its text, the watched words, the author's
right to post now (suspension, category, rate), and whether it waits for approval.

`PostError` is the refusal every service raises, with a message for the writer."""

import re
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import ratelimit
from core.times import format_time, reader_zone

from .. import permissions
from ..models import (
    WATCHED_WORDS_CACHE_KEY,
    Post,
    PostState,
    Topic,
    WatchedWord,
    WatchedWordAction,
)


class PostError(ValueError):
    """A post refused, with a message for the person who wrote it; `code` for callers."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


def clean_body(body):
    body = (body or "").strip()
    if not body:
        raise PostError("empty", _("Write something before you post."))
    if len(body) > Post.MAX_LENGTH:
        raise PostError(
            "too_long",
            _("A post is at most %(max)s characters; this one has %(count)s.")
            % {"max": f"{Post.MAX_LENGTH:,}", "count": f"{len(body):,}"},
        )
    return body


def clean_title(title):
    title = " ".join((title or "").split())
    if len(title) < Topic.TITLE_MIN_LENGTH:
        raise PostError("title", _("Give the topic a title of at least 5 characters."))
    if len(title) > Topic.TITLE_MAX_LENGTH:
        raise PostError("title", _("A title is at most 200 characters."))
    return title


# Latin (with Vietnamese and other diacritics), Greek and Cyrillic (Mongolian, Kyrgyz):
# scripts written with spaces between words.
SPACED_SCRIPT_RE = re.compile(r"[\u0000-\u052f\u1e00-\u1fff\u2000-\u206f]*")


def _word_pattern(word):
    body = r"\w*".join(re.escape(part) for part in word.split("*"))
    if SPACED_SCRIPT_RE.fullmatch(word):
        # Words of spaced scripts match whole words; Thai, Lao, Khmer, Chinese... are
        # written without spaces between words, so a watched word there matches anywhere.
        return rf"(?<!\w){body}(?!\w)"
    return body


@lru_cache(maxsize=8)
def _compiled(words):
    return [
        (word, action, re.compile(_word_pattern(word), re.IGNORECASE)) for word, action in words
    ]


def watched_words():
    """[(word, action, regex)], read from the cache that every worker shares."""
    words = cache.get(WATCHED_WORDS_CACHE_KEY)
    if words is None:
        words = tuple(WatchedWord.objects.values_list("word", "action"))
        cache.set(WATCHED_WORDS_CACHE_KEY, words, 60 * 60)
    return _compiled(tuple(words))


def check_watched_words(*texts):
    """(blocked word, word that holds for approval): either may be None."""
    text = "\n".join(texts)
    blocked = held = None
    for word, action, pattern in watched_words():
        if pattern.search(text):
            if action == WatchedWordAction.BLOCK and blocked is None:
                blocked = word
            elif action == WatchedWordAction.APPROVE and held is None:
                held = word
    return blocked, held


def refuse_blocked(blocked):
    if blocked:
        raise PostError(
            "blocked",
            _(
                "Your post contains “%(word)s”, which is not allowed in this forum. "
                "Change it and post again."
            )
            % {"word": blocked},
        )


def hold_reason(author, category, held, moderates):
    """Why a new post should wait for approval, or "" to publish it."""
    if moderates:
        return ""
    if held:
        return _("It contains the watched word “%(word)s”.") % {"word": held}
    needed = settings.FORUM_APPROVE_FIRST_POSTS
    if needed and (Post.objects.filter(author=author, state=PostState.PUBLISHED).count() < needed):
        return ngettext(
            "A new member's first post is checked by a moderator.",
            "A new member's first %(count)d posts are checked by a moderator.",
            needed,
        ) % {"count": needed}
    return ""


def check_may_post(author, category):
    if permissions.is_suspended(author):
        raise PostError(
            "suspended",
            _("You are suspended until %(until)s: you may read but not post.")
            % {"until": format_time(author.suspended_until, reader_zone(author))},
        )
    if not permissions.can_post(author, category):
        raise PostError("forbidden", _("You cannot post in this category."))


def check_rate(author, moderates):
    if not moderates and ratelimit.hit(
        f"forum-rate:{author.id}", settings.FORUM_POSTS_PER_MINUTE, 60
    ):
        raise PostError(
            "rate_limited", _("You are posting very fast. Wait a minute, then post again.")
        )

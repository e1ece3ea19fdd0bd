"""Small builders for the seeded curriculum: plain dicts, no Django.

Every builder returns raw Wagtail StreamField data (``{"type": ..., "value": ...}``) or the
plain dicts that the seeding code reads (lessons, quizzes, questions). Text may be written
as wrapped triple-quoted strings: ``clean()`` folds all runs of whitespace into one space.
"""

ALLOWED_TAGS = ("p", "ul", "ol", "li", "b", "i")


def clean(text):
    """Fold every run of whitespace (including line breaks) into a single space."""
    return " ".join(text.split())


def _html(*parts):
    """Join parts into rich text; a part that is not already a block (<p>, <ul>, <ol>)
    becomes a <p>."""
    out = []
    for part in parts:
        part = clean(part)
        out.append(part if part.startswith(("<p>", "<ul>", "<ol>")) else f"<p>{part}</p>")
    return "".join(out)


def bullets(*items):
    """An unordered list, as an HTML string to pass to paragraph() or key_concept()."""
    return "<ul>" + "".join(f"<li>{clean(item)}</li>" for item in items) + "</ul>"


def numbered(*items):
    """An ordered list, as an HTML string to pass to paragraph() or key_concept()."""
    return "<ol>" + "".join(f"<li>{clean(item)}</li>" for item in items) + "</ol>"


# --- Lesson body blocks -------------------------------------------------------------------


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": clean(text), "level": level}}


def paragraph(*parts):
    return {"type": "paragraph", "value": _html(*parts)}


def source(text):
    """The citation paragraph that closes a lesson giving a definition."""
    return {"type": "paragraph", "value": f"<p><i>Source: {clean(text)}</i></p>"}


def key_concept(title, *parts):
    return {"type": "key_concept", "value": {"title": clean(title), "body": _html(*parts)}}


def feature_card(number):
    return {"type": "feature_card", "value": {"feature": number}}


def country_case(country, text):
    return {"type": "country_case", "value": {"country": country, "text": clean(text)}}


def reflection(prompt):
    return {"type": "reflection", "value": {"prompt": clean(prompt)}}


def knowledge_check(question):
    return {"type": "knowledge_check", "value": question}


def quote(text, cited_from):
    return {"type": "quote", "value": {"quote": clean(text), "source": clean(cited_from)}}


# --- Questions ----------------------------------------------------------------------------


def right(text, feedback):
    return {"text": clean(text), "correct": True, "feedback": clean(feedback)}


def wrong(text, feedback):
    return {"text": clean(text), "correct": False, "feedback": clean(feedback)}


def single(text, explanation, *options):
    """One correct answer among 3-4 options."""
    return {
        "kind": "single",
        "text": clean(text),
        "explanation": clean(explanation),
        "options": list(options),
    }


def multiple(text, explanation, *options):
    """At least two correct answers among 4-5 options, graded all-or-nothing."""
    text = clean(text)
    if "Choose all that apply." not in text:
        text = f"{text} Choose all that apply."
    return {
        "kind": "multiple",
        "text": text,
        "explanation": clean(explanation),
        "options": list(options),
    }


def true_false(text, answer, explanation, correct_feedback, wrong_feedback):
    """A statement that is True (answer=True) or False (answer=False)."""
    true_feedback, false_feedback = (
        (correct_feedback, wrong_feedback) if answer else (wrong_feedback, correct_feedback)
    )
    return {
        "kind": "true_false",
        "text": clean(text),
        "explanation": clean(explanation),
        "options": [
            {"text": "True", "correct": answer, "feedback": clean(true_feedback)},
            {"text": "False", "correct": not answer, "feedback": clean(false_feedback)},
        ],
    }


# --- Steps, modules, courses --------------------------------------------------------------


def lesson(slug, title, summary, minutes, body):
    return {
        "kind": "lesson",
        "slug": slug,
        "title": clean(title),
        "summary": clean(summary),
        "minutes": minutes,
        "body": body,
    }


def quiz(slug, title, intro, questions, pass_mark=70):
    return {
        "kind": "quiz",
        "slug": slug,
        "title": clean(title),
        "intro": clean(intro),
        "pass_mark": pass_mark,
        "questions": questions,
    }


def module(slug, title, summary, steps):
    return {"slug": slug, "title": clean(title), "summary": clean(summary), "steps": steps}


def course_minutes(modules):
    """Estimated minutes: every lesson's minutes plus one minute per quiz question."""
    total = 0
    for mod in modules:
        for step in mod["steps"]:
            if step["kind"] == "lesson":
                total += step["minutes"]
            else:
                total += len(step["questions"])
    return total

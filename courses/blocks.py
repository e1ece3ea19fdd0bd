"""StreamField blocks of a lesson, and the question block shared by quizzes and lessons."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from core.blocks import RICH_TEXT_FEATURES, CalloutBlock, HeadingBlock, ImageBlock, QuoteBlock


class QuestionKind:
    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUE_FALSE = "true_false"
    CHOICES = [
        (SINGLE, _("Single choice")),
        (MULTIPLE, _("Multiple choice (all correct options, nothing else)")),
        (TRUE_FALSE, _("True or false")),
    ]


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Option"), max_length=300)
    correct = blocks.BooleanBlock(label=_("Correct"), required=False)
    feedback = blocks.TextBlock(
        label=_("Feedback"), required=False, help_text=_("Shown to a learner who picks it.")
    )

    class Meta:
        icon = "radio-empty"


class QuestionBlock(blocks.StructBlock):
    """One question: single choice, multiple choice (all-or-nothing) or true/false."""

    kind = blocks.ChoiceBlock(
        choices=QuestionKind.CHOICES, label=_("Kind"), default=QuestionKind.SINGLE
    )
    text = blocks.TextBlock(label=_("Question"))
    options = blocks.ListBlock(OptionBlock(), label=_("Options"), min_num=2, max_num=8)
    explanation = blocks.TextBlock(
        label=_("Explanation"), required=False, help_text=_("Shown after the answer.")
    )

    class Meta:
        icon = "help"
        template = "courses/blocks/question.html"
        preview_value = {
            "kind": QuestionKind.TRUE_FALSE,
            "text": "A cooperative is owned by its members.",
            "options": [
                {"text": "True", "correct": True, "feedback": "Yes: members own it."},
                {"text": "False", "correct": False, "feedback": "Members own it."},
            ],
        }

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for option in value["options"] if option["correct"])
        kind = value["kind"]
        message = None
        if kind in (QuestionKind.SINGLE, QuestionKind.TRUE_FALSE) and correct != 1:
            message = _("Mark exactly one option as correct.")
        elif kind == QuestionKind.MULTIPLE and correct < 1:
            message = _("Mark at least one option as correct.")
        elif kind == QuestionKind.TRUE_FALSE and len(value["options"]) != 2:
            message = _("A true/false question has exactly two options.")
        if message:
            raise StructBlockValidationError(block_errors={"options": ValidationError(message)})
        return value


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video URL"), help_text=_("A YouTube or Vimeo address."))
    transcript = blocks.RichTextBlock(
        label=_("Transcript"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Required: for people who cannot hear it or cannot stream video."),
    )

    class Meta:
        icon = "media"
        template = "courses/blocks/video.html"


class FeatureCardBlock(SnippetChooserBlock):
    def __init__(self, **kwargs):
        super().__init__("courses.Feature", **kwargs)

    class Meta:
        icon = "tag"
        label = _("SSE feature card")
        template = "courses/blocks/feature_card.html"


class CountryCaseBlock(blocks.StructBlock):
    country = blocks.PageChooserBlock(page_type="home.CountryPage", label=_("Country page"))
    text = blocks.TextBlock(label=_("The case"))

    class Meta:
        icon = "site"
        label = _("Country case")
        template = "courses/blocks/country_case.html"


class ReflectionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("Prompt"))

    class Meta:
        icon = "edit"
        label = _("Reflection prompt")
        template = "courses/blocks/reflection.html"


class ResourceBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    description = blocks.CharBlock(label=_("Description"), required=False, max_length=250)

    class Meta:
        icon = "doc-full"
        label = _("Downloadable resource")
        template = "courses/blocks/resource.html"


class KnowledgeCheckBlock(QuestionBlock):
    class Meta:
        label = _("Knowledge check")
        icon = "tick-inverse"
        template = "courses/blocks/knowledge_check.html"


class LessonStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Rich text"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="blocks/paragraph.html",
    )
    image = ImageBlock()
    video = VideoBlock()
    key_concept = CalloutBlock(label=_("Key concept"))
    feature_card = FeatureCardBlock()
    country_case = CountryCaseBlock()
    reflection = ReflectionBlock()
    resource = ResourceBlock()
    knowledge_check = KnowledgeCheckBlock()
    quote = QuoteBlock()

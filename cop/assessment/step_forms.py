"""A step of the questionnaire as a form: one radio group per question, named by the
question's translation key, on its scale (no, partly, yes; no, yes for a sub-condition).

A question whose group is not sent (no radio chosen) is left for later; one sent with
anything off its scale - "3", "yes", an empty value - is an error on that question, and
the step is shown again with nothing saved. The form starts from the answers already
given, so what the person does not touch is kept (and shown) as it was.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .constants import Answer, Met

PREFIX = "q-"


def field_name(question):
    return f"{PREFIX}{question.translation_key}"


class AnswerField(forms.TypedChoiceField):
    """One question's radio group: None when not sent, the value when on the scale."""

    widget = forms.RadioSelect

    def __init__(self, question, **kwargs):
        self.question = question
        scale = Answer if question.feature else Met
        message = (
            _("Choose one of No, Partly or Yes.")
            if question.feature
            else _("Choose one of No or Yes.")
        )
        super().__init__(
            choices=scale.choices,
            coerce=int,
            empty_value=None,
            required=False,
            label=question.text,
            error_messages={"invalid_choice": message},
            **kwargs,
        )

    def clean(self, value):
        if value is None:  # nothing chosen: left for later
            return None
        if value == "":  # sent, but with no answer in it: a tampered form
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().clean(value)


class StepForm(forms.Form):
    """The questions of `step`, starting from `answers` ({translation key: value}).

    Bound, it reads the step's own groups from `data` over the stored answers; anything
    else in `data` (another step's question, an unknown name) is ignored."""

    def __init__(self, step, answers, data=None):
        if data is not None:
            merged = {
                field_name(q): str(answers[q.translation_key])
                for q in step.questions
                if q.translation_key in answers
            }
            for q in step.questions:
                name = field_name(q)
                if name in data:
                    merged[name] = data.get(name)
            data = merged
        super().__init__(data)
        self.step = step
        for q in step.questions:
            self.fields[field_name(q)] = AnswerField(q, initial=answers.get(q.translation_key))

    def answers(self):
        """What to save: {translation key: value} for every question answered."""
        return {
            field.question.translation_key: self.cleaned_data[name]
            for name, field in self.fields.items()
            if self.cleaned_data.get(name) is not None
        }

    def groups(self):
        """The bound fields of each question, in the step's order."""
        return [self[field_name(q)] for q in self.step.questions]

    def dimension_groups(self):
        """The sub-conditions step: [(dimension, its meaning, [bound fields])]."""
        return [
            (dimension, meaning, [self[field_name(q)] for q in qs])
            for dimension, meaning, qs in self.step.dimensions()
        ]

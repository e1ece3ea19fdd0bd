"""Organizations, the questionnaire and assessments.

questionnaire() makes a small questionnaire in the default locale (two questions per
feature, one per sub-condition) and returns its questions; OrganizationFactory() is a
Thai cooperative its members registered, with `admins=[user]` / `members=[user]`;
assessed(org, answers={feature: [values]}, met=[SubCondition...], by=user) submits a
complete assessment through the services and returns it.
"""

import factory
from wagtail.models import Locale

from cop.assessment import services
from cop.assessment.classification import SubCondition
from cop.assessment.constants import Formality, MemberRole, OrgType, Source
from cop.assessment.models import Membership, Organization, Question
from cop.assessment.questionnaire import questions

QUESTIONS_PER_FEATURE = 2


def questionnaire(per_feature=QUESTIONS_PER_FEATURE):
    """The questionnaire in the default locale (made once per test database)."""
    if not Question.objects.exists():
        locale = Locale.get_default()
        rows = [
            Question(
                locale=locale,
                feature=feature,
                text=f"Feature {feature}, question {n}?",
                example=f"An example for feature {feature}, question {n}.",
                sort_order=n,
            )
            for feature in range(1, 8)
            for n in range(1, per_feature + 1)
        ]
        rows += [
            Question(
                locale=locale,
                sub_condition=condition.value,
                text=f"Does it meet {condition.value}?",
                example=f"An example of {condition.value}.",
                sort_order=n,
            )
            for n, condition in enumerate(SubCondition)
        ]
        Question.objects.bulk_create(rows)
    return questions()


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Rice Growers' Cooperative {n}")
    country = "TH"
    org_type = OrgType.COOPERATIVE
    legal_form = "Agricultural cooperative"
    sector = "Agriculture"
    formality = Formality.FORMAL
    year_founded = 2004
    members_count = 120
    source = Source.SELF

    @factory.post_generation
    def admins(self, create, extracted, **kwargs):
        for user in extracted or ():
            Membership.objects.create(organization=self, user=user, role=MemberRole.ADMIN)

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        for user in extracted or ():
            Membership.objects.create(organization=self, user=user, role=MemberRole.MEMBER)


def mapped(country="TH", **fields):
    """An organization a researcher recorded from a mapping study (no members)."""
    return OrganizationFactory(country=country, source=Source.MAPPING, **fields)


def assessed(org, *, by, answers=None, met=(), default=2):
    """Submits a complete assessment of `org` by `by` (who must be allowed to assess it):
    `answers` {feature: [values, one per question]} (features left out get `default` to
    every question), the sub-conditions in `met` answered yes, the others no."""
    by_key = questionnaire()
    answers = answers or {}
    draft = services.start_assessment(by, org)
    given = {}
    per_feature = {}
    for key, question in by_key.items():
        if question.feature:
            values = answers.get(question.feature)
            index = per_feature.get(question.feature, 0)
            per_feature[question.feature] = index + 1
            given[key] = values[index] if values else default
        else:
            given[key] = 1 if question.sub_condition in met else 0
    services.save_answers(by, draft, given)
    return services.submit(by, draft)

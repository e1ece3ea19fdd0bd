"""The demo questionnaire and organizations (owned by the seed's part)."""


def seed_assessment(stdout=None):
    pass

"""The reader's time zone, for showing times (a template wraps them in
`{% timezone reader_zone %}`): the profile's zone, else the country's, else UTC for an
anonymous reader. (The workshops keep their own, which also shows a workshop's zone
beside the reader's.)"""


def reader_zone(user):
    if user is None or not user.is_authenticated:
        return "UTC"
    return user.time_zone or user.default_time_zone

"""The one exception a service raises for a change it will not make."""


class Refused(Exception):
    """A change that cannot be made; `message` says why, to the person who tried (in
    their language), `code` what kind of refusal it is (a view maps it to a status)."""

    def __init__(self, message, code):
        super().__init__(str(message))
        self.message = message
        self.code = code

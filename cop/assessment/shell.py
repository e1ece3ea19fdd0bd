"""What the self-assessment offers the site shell (core.registry): the header's
"Self-assessment", search over the organizations a reader may see, the seed."""


def register():
    pass

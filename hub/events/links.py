"""The secret link that lets a registrant see, change, cancel or erase their
registration. Both the pages and the e-mails build it, so it lives apart from either."""


def manage_url(registration, page, full=False):
    """The secret link on `page` (the event in the registrant's language)."""
    route = page.reverse_subpage(
        "manage", args=(registration.public_id, registration.token)
    )
    return (page.get_full_url() if full else page.get_url()) + route

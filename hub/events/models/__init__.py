from .pages import EventIndexPage, EventPage
from .registrations import EventRegistrationLock, Registration

__all__ = ["EventIndexPage", "EventPage", "EventRegistrationLock", "Registration"]

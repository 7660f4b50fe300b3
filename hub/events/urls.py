"""`<event-url>event.ics` and `<event-index-url>calendar.ics`.

Wagtail serves only paths made of letters, digits, - and _, so the two calendar files,
whose names hold a dot, get their own pattern; it finds the page as Wagtail does and
applies the same serve hooks (view restrictions included).
"""

from django.urls import re_path

from . import views

urlpatterns = [
    re_path(
        r"^(?P<page_path>(?:[\w\-]+/)*)(?P<filename>event|calendar)\.ics$",
        views.calendar_file,
        name="events_calendar_file",
    ),
]

"""What a backend's search returns to the service, before pages are loaded."""

from dataclasses import dataclass, field


@dataclass
class FoundPage:
    page_id: int
    type: str = ""
    date: object = None  # datetime.date or None
    snippet: str = ""  # safe HTML
    date_precision: str | None = None  # from the index, when it has it


@dataclass
class Outcome:
    hits: list = field(default_factory=list)  # FoundPage, in display order
    total: int = 0
    page: int = 1  # the page actually served (clamped to the last one)
    counts: dict = field(default_factory=dict)  # facet -> {index key: count}
    total_without_filters: int = 0
    # {pk: page} of the hits, ready for display, when the backend read them already
    pages: dict | None = None

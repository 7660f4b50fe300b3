"""Everything the demo builds, in build order (pages refer to earlier pages by key)."""

from . import (
    actions_impact,
    actions_increase,
    actions_neighbourhood,
    actions_territoires,
    actions_weker,
    case_study_impact_valuess,
    case_study_increase,
    case_study_territoires,
    events,
    guides_impact,
    guides_increase,
    guides_territoires,
    reports,
    standard_pages,
    taxonomy,
)

TERMS = taxonomy.TERMS
HOME = standard_pages.HOME
INDEXES = standard_pages.INDEXES
CASE_STUDIES = (
    case_study_increase.CASE_STUDIES
    + case_study_impact_valuess.CASE_STUDIES
    + case_study_territoires.CASE_STUDIES
)
ACTIONS = (
    actions_increase.ACTIONS
    + actions_neighbourhood.ACTIONS
    + actions_weker.ACTIONS
    + actions_impact.ACTIONS
    + actions_territoires.ACTIONS
)
REPORTS = reports.REPORTS
GUIDES = guides_increase.GUIDES + guides_territoires.GUIDES + guides_impact.GUIDES
STANDARD_PAGES = standard_pages.STANDARD_PAGES


def event_specs():
    """Event specs; upcoming dates are computed now (kept on later runs)."""
    return events.event_specs()

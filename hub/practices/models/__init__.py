from .action import ActionPage, ActionPartner
from .case_study import CaseStudyPage, CaseStudyPartner, PartnerRole
from .guide import GoodPracticeGuidePage
from .indexes import GuideIndexPage, LibraryIndexPage, ReportIndexPage
from .library_entry import LibraryCount, LibraryEntry, LibraryValue
from .report import EvaluationReportPage, EvidenceLevel

__all__ = [
    "ActionPage",
    "ActionPartner",
    "CaseStudyPage",
    "CaseStudyPartner",
    "EvaluationReportPage",
    "EvidenceLevel",
    "GoodPracticeGuidePage",
    "GuideIndexPage",
    "LibraryCount",
    "LibraryEntry",
    "LibraryIndexPage",
    "LibraryValue",
    "PartnerRole",
    "ReportIndexPage",
]

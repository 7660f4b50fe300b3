"""The glossary page of each language: /en/glossary/, /fr/glossaire/."""

from django.shortcuts import render
from django.utils import translation

from .terms import entries_for


def glossary(request):
    language = (translation.get_language() or "").split("-")[0]
    return render(request, "glossary/glossary.html", {"entries": entries_for(language)})

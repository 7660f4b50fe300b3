"""The 500 page in the visitor's language, whatever failed.

Django's own handler renders templates/500.html in the language that is active when
the error happens; an error raised before LocaleMiddleware ran (a session store or a
database that is down) would leave the default language. This handler reads the
language from the URL prefix (/fr/..., /en/...), as the rest of the site does, and
renders a template that needs no database."""

from django.conf import settings
from django.http import HttpResponseServerError
from django.template import loader
from django.utils import translation


def language_of(request):
    return translation.get_language_from_path(request.path_info) or (
        settings.LANGUAGE_CODE
    )


def server_error(request, template_name="500.html"):
    with translation.override(language_of(request)):
        body = loader.get_template(template_name).render()
        response = HttpResponseServerError(body)
        response["Content-Language"] = translation.get_language()
    return response

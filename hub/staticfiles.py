"""The production storage of static files: WhiteNoise's compressed manifest storage
(hashed names, gzip and Brotli copies), with each file's URL kept in the process.

A file's URL cannot change while a process runs: the manifest is read once, when the
storage is made. Every page asks for five or more of them (the stylesheet, the script,
the icons, the logo), and working one out again each time (cleaning the name, finding
it in the manifest, quoting and joining it) was 2.5% of a search's CPU in gunicorn
under load (py-spy). With DEBUG on, Django names the files unhashed, as ever.
"""

from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    URLS_LIMIT = 1000  # names come from templates: a few tens

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls = {}

    def url(self, name, force=False):
        if force or settings.DEBUG:
            return super().url(name, force)
        url = self._urls.get(name)
        if url is None:
            url = super().url(name)  # a file missing from the manifest raises
            if len(self._urls) >= self.URLS_LIMIT:
                self._urls.clear()
            self._urls[name] = url
        return url

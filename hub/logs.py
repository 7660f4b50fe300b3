"""Logs without the registrants' secrets.

A manage link (`.../manage/<public id>/<token>/`) is the only key to a registration:
whoever reads it can see, change or erase the registration. Access logs and error logs
would keep every link opened, outside the retention rule of the privacy notice, so
each log line is redacted before it is written:

- Django's loggers, through `RedactSecrets` (a logging filter on every handler of
  LOGGING in hub/settings/base.py);
- gunicorn's access and error logs, through `GunicornLogger`
  (`--logger-class hub.logs.GunicornLogger`, in the Dockerfile's command).
"""

import logging
import re

from gunicorn.glogging import Logger

# The token segment of a manage link, in a path or a full URL.
MANAGE_TOKEN = re.compile(r"(/manage/[0-9a-fA-F-]{32,36}/)[^/\s?#\"']+")
REDACTED = "[redacted]"


def redact(text):
    return MANAGE_TOKEN.sub(rf"\1{REDACTED}", text)


class RedactSecrets(logging.Filter):
    """Rewrites the record's message with the secrets taken out."""

    def filter(self, record):
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


class GunicornLogger(Logger):
    """gunicorn's logger, with manage tokens taken out of the request line, the path
    and the referrer of each access log line, and out of its error log."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for key in ("r", "U", "f", "{raw_uri}e"):
            if isinstance(atoms.get(key), str):
                atoms[key] = redact(atoms[key])
        return atoms

    def error(self, msg, *args, **kwargs):
        super().error(redact(str(msg)), *args, **kwargs)

    def warning(self, msg, *args, **kwargs):
        super().warning(redact(str(msg)), *args, **kwargs)

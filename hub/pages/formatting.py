"""Small value rules every layer shares: numbers in data files, safe spreadsheet
cells, and text folded for sorting or matching. One definition each, here in the
ground, so that the library, the registrations export, the API, JSON-LD and search
cannot drift apart."""

import re
import unicodedata
import zoneinfo
from decimal import Decimal

from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import get_language, gettext, ngettext, pgettext

# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def json_number(value):
    """A Decimal (or number) for JSON: 10000000 stays an int, 41.5 a float."""
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def plain_number(value):
    """A number as data files write it, without exponent or grouping: 10000000, 41.5."""
    if value is None:
        return ""
    return format(Decimal(value).normalize(), "f")


# Control characters that spreadsheet files cannot hold (tab and line breaks can).
SPREADSHEET_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def spreadsheet_text(cell):
    """A cell without the control characters that make a spreadsheet file
    unreadable, or that openpyxl refuses to write."""
    return SPREADSHEET_ILLEGAL.sub("", cell) if isinstance(cell, str) else cell


def spreadsheet_safe(cell):
    """A CSV text cell that a spreadsheet shows as text instead of running it."""
    cell = spreadsheet_text(cell)
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


# Line breaks of every kind, and the other control characters, which a one-line field
# (an e-mail subject, a calendar's name, a file header) cannot hold.
NOT_ONE_LINE = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]+")


def one_line(text):
    """`text` on one line: line breaks and control characters become one space
    (non-breaking spaces, which French typography needs, stay)."""
    return re.sub(" {2,}", " ", NOT_ONE_LINE.sub(" ", str(text))).strip(" ")


def fold(text):
    """Lower case, without accents or ligatures: "Économie" -> "economie"."""
    if text.isascii():  # nothing to decompose (search marks fold text letter by letter)
        return text.lower()
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae")
    # The accents of Latin letters (French's among them) at C speed; any other
    # combining mark, rare, one character at a time.
    decomposed = _LATIN_MARKS.sub("", unicodedata.normalize("NFKD", text))
    if not decomposed.isascii() and any(map(unicodedata.combining, set(decomposed))):
        decomposed = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return decomposed.lower()


# Combining Diacritical Marks but the grapheme joiner (U+034F), which does not combine.
_LATIN_MARKS = re.compile("[\u0300-\u034e\u0350-\u036f]+")


def sort_text(text):
    """A sort key that ignores accents and case, so that é sorts with e."""
    return fold(text).casefold()


# Dates, times and time zones as each language's readers write them: "Monday 4 January
# 2027, 9:30 (Paris time)" in British English, « lundi 1er février 2027, 9 h 30 (heure
# de Paris) » in French. Django's formats (hub/formats) give the rest.
def long_date(value, weekday=False):
    """4 January 2027 / 1er février 2027; with the day's name when `weekday`."""
    text = date_format(value, "l j F Y" if weekday else "j F Y")
    if (get_language() or "").startswith("fr") and value.day == 1:
        text = re.sub(r"(?<!\d)1(?!\d)", "1er", text, count=1)
    return text


def clock(value):
    """A time of day: 9:30 and 17:00 in English, 9 h 30 and 17 h in French."""
    if (get_language() or "").startswith("fr"):
        if value.minute:
            return f"{value.hour}\u00a0h\u00a0{value.minute:02d}"
        return f"{value.hour}\u00a0h"
    return f"{value.hour}:{value.minute:02d}"


def zone_name(time_zone):
    """A time zone as people name it: "Paris time" / « heure de Paris », never an
    identifier (Europe/Paris) or an abbreviation (CET, BST)."""
    known = {
        "Europe/Paris": pgettext("time zone", "Paris time"),
        "Europe/London": pgettext("time zone", "London time"),
    }
    if str(time_zone) in known:
        return known[str(time_zone)]
    city = str(time_zone).rsplit("/", 1)[-1].replace("_", " ")
    return gettext("%(city)s time") % {"city": city}


def moment(value, time_zone, weekday=False):
    """An instant as read in `time_zone`, the zone named: "4 January 2027, 9:30 (Paris
    time)" / « 4 janvier 2027, 9 h 30 (heure de Paris) »."""
    if timezone.is_aware(value):
        value = timezone.localtime(value, zoneinfo.ZoneInfo(str(time_zone)))
    return gettext("%(date)s, %(time)s (%(zone)s)") % {
        "date": long_date(value, weekday=weekday),
        "time": clock(value),
        "zone": zone_name(time_zone),
    }


def euros(value):
    """An amount as each language writes it: "€10 million", "€6.9 million",
    "€450,000" / « 10 millions d'euros », « 6,9 millions d'euros », « 450 000 € »."""
    value = Decimal(value)
    millions = value / 1_000_000
    if value >= 1_000_000 and millions * 100 == (millions * 100).to_integral_value():
        places = next(p for p in (0, 1, 2) if (millions * 10**p) % 1 == 0)
        amount = number_format(millions, decimal_pos=places, use_l10n=True)
        return ngettext("€%(amount)s million", "€%(amount)s million", int(millions)) % {
            "amount": amount
        }
    places = 0 if value == value.to_integral_value() else 2
    amount = number_format(
        value, decimal_pos=places, use_l10n=True, force_grouping=True
    )
    return gettext("€%(amount)s") % {"amount": amount}


def percent(value):
    """41% in English, « 41 % » in French (a narrow no-break space)."""
    if value in (None, ""):
        return ""
    if (get_language() or "").startswith("fr"):
        return f"{value}\u202f%"
    return f"{value}%"

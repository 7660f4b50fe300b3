"""Small value rules every layer shares: numbers in data files, safe spreadsheet
cells, and text folded for sorting or matching. One definition each, here in the
ground, so that the library, the registrations export, the API, JSON-LD and search
cannot drift apart."""

import re
import unicodedata
from decimal import Decimal

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
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def sort_text(text):
    """A sort key that ignores accents and case, so that é sorts with e."""
    return fold(text).casefold()

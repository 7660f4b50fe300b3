"""Keep the message catalogues complete: extract, fill English, report, check.

    .venv/bin/python scripts/catalogues.py              # extract + fill en + report
    .venv/bin/python scripts/catalogues.py --check      # report only, write nothing
    .venv/bin/python scripts/catalogues.py --todo F.json
        # also write the French entries still to translate (untranslated or fuzzy)
    .venv/bin/python scripts/catalogues.py --apply F.json
        # apply reviewed French translations from F.json, then report

F.json is a list of objects {"msgctxt": ..., "msgid": ..., "msgid_plural": ...,
"msgstr": ...} or, for plurals, {"msgstr_plural": {"0": ..., "1": ...}}; "msgctxt" and
"msgid_plural" may be omitted. Applying an entry marks it reviewed: its fuzzy flag goes.

Extraction is `manage.py makemessages -l fr -l en --no-obsolete` over the project
(.venv, .cache, tools and node_modules ignored); `-d djangojs` is added only when
static/js calls gettext. makemessages merges with msgmerge, so French translations are
kept; a changed source string keeps its old translation flagged fuzzy, for review. A
French translation whose source string is gone is listed, never silently lost.

English: msgstr = msgid (plural: msgid, msgid_plural) wherever it is missing or fuzzy;
a deliberate English wording (non-fuzzy msgstr) is left alone.

Exit status: 0 when every catalogue is complete, nothing fuzzy and every translation
keeps its source's placeholders and HTML tags; 1 otherwise, with the entries printed.
"""

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("fr", "en")
IGNORE = (".venv", ".cache", "tools", "node_modules")
HEADERS = {
    "fr": {"Language": "fr", "Plural-Forms": "nplurals=2; plural=(n > 1);"},
    "en": {"Language": "en", "Plural-Forms": "nplurals=2; plural=(n != 1);"},
}
HEADER_COMMENT = "Interface strings of the hub. Update with scripts/catalogues.py."
JS_GETTEXT = re.compile(r"\b(?:n|p|np)?gettext\s*\(|\binterpolate\s*\(")
# What a translation must carry over unchanged from its source string.
PLACEHOLDER = re.compile(
    r"%%"  # a literal percent sign
    r"|%\(\w+\)[-#0+]*\d*(?:\.\d+)?[sdifr]"  # %(name)s
    r"|%[-#0+]*\d*(?:\.\d+)?[sdifr]"  # %s %d
    r"|\{\{.*?\}\}"  # {{ var }}
    r"|\{\w*\}"  # {name} {}
    r"|</?[a-zA-Z][^>]*>"  # HTML tags
)


def po_path(language, domain="django"):
    return ROOT / "locale" / language / "LC_MESSAGES" / f"{domain}.po"


def domains():
    found = ["django"]
    js = ROOT / "static" / "js"
    if js.is_dir() and any(
        JS_GETTEXT.search(path.read_text(encoding="utf-8", errors="replace"))
        for path in js.rglob("*.js")
    ):
        found.append("djangojs")
    return found


def key(entry):
    return (entry.msgctxt or "", entry.msgid)


def translations(catalogue):
    """(msgctxt, msgid) -> msgstr or plural dict, for translated non-fuzzy entries."""
    return {
        key(entry): (dict(entry.msgstr_plural) if entry.msgid_plural else entry.msgstr)
        for entry in catalogue
        if not entry.obsolete and entry.translated()
    }


def makemessages(domain):
    command = [sys.executable, str(ROOT / "manage.py"), "makemessages", "-d", domain]
    for language in LANGUAGES:
        command += ["-l", language]
    command += [f"--ignore={name}" for name in IGNORE]
    command += ["--no-obsolete", "-v", "0"]
    subprocess.run(command, cwd=ROOT, check=True)


def set_headers(catalogue, language):
    catalogue.header = HEADER_COMMENT
    catalogue.metadata_is_fuzzy = False
    catalogue.metadata.update(
        {
            "Project-Id-Version": "hub",
            "Report-Msgid-Bugs-To": "",
            "PO-Revision-Date": catalogue.metadata.get("POT-Creation-Date", ""),
            "Last-Translator": "",
            "Language-Team": HEADERS[language]["Language"],
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
            **HEADERS[language],
        }
    )


DATE_LINE = re.compile(r'^"(?:POT-Creation|PO-Revision)-Date: .*$', re.M)


def save(catalogue, path, before_text):
    """Save; if only the dates moved, keep the file as it was (no churn in git)."""
    catalogue.save(str(path))
    after_text = path.read_text(encoding="utf-8")
    if before_text and DATE_LINE.sub("", before_text) == DATE_LINE.sub("", after_text):
        path.write_text(before_text, encoding="utf-8")


def fill_english(catalogue):
    filled = 0
    for entry in catalogue:
        if entry.obsolete or (entry.translated() and "fuzzy" not in entry.flags):
            continue
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = entry.previous_msgid_plural = None
        entry.previous_msgctxt = None
        filled += 1
    return filled


def restore(catalogue, before):
    """Put back a translation makemessages left empty (same context and msgid)."""
    restored = 0
    for entry in catalogue:
        old = before.get(key(entry))
        if old is None or entry.obsolete or entry.translated():
            continue
        if entry.msgid_plural and isinstance(old, dict):
            entry.msgstr_plural = {int(k): v for k, v in old.items()}
        elif not entry.msgid_plural and isinstance(old, str):
            entry.msgstr = old
        else:
            continue
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        restored += 1
    return restored


def apply(catalogue, path):
    items = json.loads(Path(path).read_text(encoding="utf-8"))
    index = {key(entry): entry for entry in catalogue if not entry.obsolete}
    applied, missing = 0, []
    for item in items:
        entry = index.get((item.get("msgctxt") or "", item["msgid"]))
        if entry is None:
            missing.append(item["msgid"])
            continue
        if entry.msgid_plural:
            plural = item["msgstr_plural"]
            entry.msgstr_plural = {int(k): v for k, v in plural.items()}
        else:
            entry.msgstr = item["msgstr"]
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = entry.previous_msgid_plural = None
        entry.previous_msgctxt = None
        applied += 1
    for msgid in missing:
        print(f"  not in the catalogue (skipped): {msgid!r}")
    return applied


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def mismatches(catalogue):
    """Translated entries whose placeholders or tags differ from their source's.
    A plural's first form is checked against msgid, the others against msgid_plural
    (French uses the first form for 0 and 1, so it keeps the count too)."""
    found = []
    for entry in catalogue:
        if entry.obsolete or not entry.translated():
            continue
        if entry.msgid_plural:
            pairs = [
                (entry.msgid if index == 0 else entry.msgid_plural, text)
                for index, text in sorted(entry.msgstr_plural.items())
            ]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        if any(placeholders(source) != placeholders(text) for source, text in pairs):
            found.append(entry)
    return found


def describe(entry):
    where = ", ".join(f"{path}:{line}" for path, line in entry.occurrences[:3])
    context = f" [{entry.msgctxt}]" if entry.msgctxt else ""
    return f"    {entry.msgid!r}{context}  ({where})"


def todo(catalogue):
    items = []
    for entry in catalogue:
        if entry.obsolete or (entry.translated() and "fuzzy" not in entry.flags):
            continue
        item = {"msgid": entry.msgid}
        if entry.msgctxt:
            item["msgctxt"] = entry.msgctxt
        if entry.msgid_plural:
            item["msgid_plural"] = entry.msgid_plural
            item["msgstr_plural"] = {
                str(k): v for k, v in sorted(entry.msgstr_plural.items())
            }
        else:
            item["msgstr"] = entry.msgstr
        if "fuzzy" in entry.flags:
            item["fuzzy"] = True
            if entry.previous_msgid:
                item["previous_msgid"] = entry.previous_msgid
        item["occurrences"] = [f"{p}:{n}" for p, n in entry.occurrences]
        items.append(item)
    return items


def report(catalogue, name):
    live = [entry for entry in catalogue if not entry.obsolete]
    untranslated = catalogue.untranslated_entries()
    fuzzy = catalogue.fuzzy_entries()
    wrong = mismatches(catalogue)
    print(
        f"{name}: {len(live)} entries, {len(untranslated)} untranslated, "
        f"{len(fuzzy)} fuzzy, {len(wrong)} placeholder mismatches"
    )
    for label, entries in (
        ("untranslated", untranslated),
        ("fuzzy", fuzzy),
        ("placeholders or tags differ", wrong),
    ):
        if entries:
            print(f"  {label}:")
            for entry in entries:
                print(describe(entry))
    return not (untranslated or fuzzy or wrong)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="report only, no writing")
    parser.add_argument("--apply", metavar="JSON", help="reviewed French translations")
    parser.add_argument("--todo", metavar="JSON", help="write French entries to do")
    args = parser.parse_args(argv)

    names = domains()
    if not args.check:
        texts = {
            (language, domain): (
                po_path(language, domain).read_text(encoding="utf-8")
                if po_path(language, domain).exists()
                else ""
            )
            for language in LANGUAGES
            for domain in names
        }
        before = {
            domain: (
                polib.pofile(str(po_path("fr", domain)))
                if po_path("fr", domain).exists()
                else None
            )
            for domain in names
        }
        for domain in names:
            makemessages(domain)
        for domain in names:
            french = polib.pofile(str(po_path("fr", domain)), wrapwidth=79)
            set_headers(french, "fr")
            kept = translations(before[domain]) if before[domain] else {}
            restored = restore(french, kept)
            if restored:
                print(f"fr/{domain}: {restored} translations restored")
            present = {key(entry) for entry in french if not entry.obsolete}
            gone = [k for k in kept if k not in present]
            if gone:
                print(f"fr/{domain}: source string gone, translation dropped:")
                for context, msgid in gone:
                    print(f"    {msgid!r} -> {kept[(context, msgid)]!r}")
            if args.apply and domain == "django":
                print(f"fr/{domain}: {apply(french, args.apply)} translations applied")
            save(french, po_path("fr", domain), texts[("fr", domain)])
            english = polib.pofile(str(po_path("en", domain)), wrapwidth=79)
            set_headers(english, "en")
            filled = fill_english(english)
            save(english, po_path("en", domain), texts[("en", domain)])
            if filled:
                print(f"en/{domain}: {filled} entries filled")
    ok = True
    for domain in names:
        for language in LANGUAGES:
            path = po_path(language, domain)
            if not path.exists():
                print(f"{language}/{domain}: missing {path.relative_to(ROOT)}")
                ok = False
                continue
            catalogue = polib.pofile(str(path))
            ok = report(catalogue, f"{language}/{domain}") and ok
            if args.todo and language == "fr" and domain == "django":
                items = todo(catalogue)
                Path(args.todo).write_text(
                    json.dumps(items, ensure_ascii=False, indent=1), encoding="utf-8"
                )
                print(f"  {len(items)} French entries to do written to {args.todo}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

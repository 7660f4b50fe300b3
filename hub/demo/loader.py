"""Read the demo's data files (``data/*.yaml``) into plain Python values.

The format is described in ``data/README.md``. This module knows YAML, not models: it
checks the shape of the files (known top-level sections, both languages in every
``{en: ..., fr: ...}``, no key written twice, named sources that exist) and leaves the
model and field names to ``builder.DemoBuilder.check``.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.core.exceptions import ImproperlyConfigured

DATA_DIR = Path(__file__).resolve().parent / "data"
FILE_LIST = "files.yaml"
LANGUAGES = ("en", "fr")
SECTIONS = {"sources", "terms", "pages"}
# A source written as a name of sources.yaml rather than as text.
SOURCE_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class DemoDataError(ImproperlyConfigured):
    """A data file that cannot be used as written; the message names file and key."""


class Bilingual(dict):
    """One value in English and in French: ``{en: ..., fr: ...}`` in a data file."""


def resolve(value, lang):
    """The value in one language, anywhere inside nested lists and mappings."""
    if isinstance(value, Bilingual):
        return resolve(value[lang], lang)
    if isinstance(value, dict):
        return {key: resolve(item, lang) for key, item in value.items()}
    if isinstance(value, list):
        return [resolve(item, lang) for item in value]
    return value


def html_text(value):
    """An HTML literal block as stored: its line breaks and indentation are layout.

    A line break between two tags disappears (``</p>`` then ``<p>`` on the next
    line); any other line break, with the indentation around it, is one space.
    """
    value = re.sub(r">[ \t]*\n\s*<", "><", value)
    return re.sub(r"[ \t]*\n\s*", " ", value).strip()


@dataclass
class Entry:
    """One term or page of a data file, with where it was written."""

    file: str
    section: str
    index: int
    data: dict

    @property
    def where(self):
        data = self.data if isinstance(self.data, dict) else {}
        key = data.get("key") or data.get("slug")
        name = f" ({key})" if isinstance(key, str) else ""
        return f"{self.file}: {self.section}[{self.index}]{name}"


@dataclass
class Citation:
    """A fact's source in the seeds: `quote` is found verbatim in the seed file
    `seed` (../shared/product/seeds/); `fact` names what it supports."""

    where: str
    seed: str
    quote: str
    fact: str = ""


@dataclass
class DemoData:
    sources: dict = field(default_factory=dict)
    citations: list = field(default_factory=list)  # Citation, in file order
    terms: list = field(default_factory=list)  # (model label, Entry), in file order
    pages: list = field(default_factory=list)  # Entry, in file order
    files: list = field(default_factory=list)


class _Loader(yaml.SafeLoader):
    """YAML as a non-programmer expects it: ``yes``, ``no``, ``on`` and ``off`` stay
    words, ``10:00`` stays a time rather than the number 600, ``08`` stays text;
    literal blocks (``|``) are HTML; a key written twice is an error."""


_Loader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag
        not in {
            "tag:yaml.org,2002:bool",
            "tag:yaml.org,2002:int",
            "tag:yaml.org,2002:float",
        }
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf")
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^-?(?:0|[1-9][0-9]*)$"), list("-0123456789")
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^-?(?:0|[1-9][0-9]*)\.[0-9]+$"),
    list("-0123456789"),
)


def _construct_str(loader, node):
    value = loader.construct_scalar(node)
    return html_text(value) if node.style == "|" else value


def _construct_mapping(loader, node):
    loader.flatten_mapping(node)
    seen = set()
    for key_node, _value in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"{key!r} is written twice", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node)


_Loader.add_constructor("tag:yaml.org,2002:str", _construct_str)
_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


def read_yaml(path):
    try:
        with open(path, encoding="utf-8") as stream:
            return yaml.load(stream, Loader=_Loader)  # noqa: S506 - a SafeLoader
    except yaml.YAMLError as error:
        raise DemoDataError(f"{path.name}: not valid YAML: {error}") from None


def load(data_dir=DATA_DIR):
    """Every data file named in ``files.yaml``, in that order, checked for shape."""
    data_dir = Path(data_dir)
    names = read_yaml(data_dir / FILE_LIST)
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise DemoDataError(f"{FILE_LIST}: expected a list of file names.")
    present = {p.name for p in data_dir.glob("*.yaml")} - {FILE_LIST}
    if unlisted := sorted(present - set(names)):
        raise DemoDataError(
            f"{FILE_LIST}: {', '.join(unlisted)} not listed: list every data file."
        )
    if missing := [n for n in names if n not in present]:
        raise DemoDataError(f"{FILE_LIST}: no file {', '.join(missing)}.")

    data = DemoData(files=names)
    raw = {}
    for name in names:
        content = read_yaml(data_dir / name) or {}
        if not isinstance(content, dict):
            raise DemoDataError(f"{name}: expected sections {sorted(SECTIONS)}.")
        if unknown := sorted(set(content) - SECTIONS):
            raise DemoDataError(
                f"{name}: unknown section {', '.join(map(str, unknown))} "
                f"(sections: {', '.join(sorted(SECTIONS))})."
            )
        raw[name] = content
        for source, text in (content.get("sources") or {}).items():
            if source in data.sources:
                raise DemoDataError(f"{name}: sources.{source} is defined twice.")
            where = f"{name}: sources.{source}"
            data.sources[source] = (
                text if isinstance(text, str) else _bilingual(text, where)
            )

    for name, content in raw.items():
        terms = content.get("terms") or {}
        if not isinstance(terms, dict):
            raise DemoDataError(f"{name}: terms: expected `app.Model: [terms]`.")
        for label, items in terms.items():
            for index, item in enumerate(_list(items, f"{name}: terms.{label}")):
                entry = Entry(name, f"terms.{label}", index, item)
                entry.data = _entry(item, data.sources, entry.where, data.citations)
                data.terms.append((label, entry))
        for index, item in enumerate(_list(content.get("pages"), f"{name}: pages")):
            entry = Entry(name, "pages", index, item)
            entry.data = _entry(item, data.sources, entry.where, data.citations)
            data.pages.append(entry)
    return data


def _list(value, where):
    if value is None:
        return []
    if not isinstance(value, list):
        raise DemoDataError(f"{where}: expected a list.")
    return value


def _entry(item, sources, where, citations=None):
    if not isinstance(item, dict):
        raise DemoDataError(f"{where}: expected a mapping of field names to values.")
    return _values(item, sources, where, citations=citations)


CITE = "cite"
CITE_KEYS = {"seed", "quote", "fact"}


def _citations(value, where):
    """The `cite:` of a mapping: one {seed, quote, fact} or a list of them."""
    items = value if isinstance(value, list) else [value]
    found = []
    for n, item in enumerate(items):
        here = f"{where}.{CITE}[{n}]"
        if (
            not isinstance(item, dict)
            or set(item) - CITE_KEYS
            or not isinstance(item.get("seed"), str)
            or not isinstance(item.get("quote"), str)
            or not item["quote"].strip()
        ):
            raise DemoDataError(
                f"{here}: a citation is {{seed: FILE, quote: TEXT, fact: WHAT}}."
            )
        found.append(Citation(here, item["seed"], item["quote"], item.get("fact", "")))
    return found


def _values(value, sources, where, key=None, citations=None):
    """Bilingual values marked, named sources replaced by their text, citations
    (`cite:`) taken out into `citations`: they document the data, no model holds
    them."""
    if isinstance(value, dict):
        if CITE in value:
            value = dict(value)
            cited = _citations(value.pop(CITE), where)
            if citations is not None:
                citations.extend(cited)
        if set(value) & set(LANGUAGES):
            return _bilingual(value, where, sources, key)
        return {
            k: _values(v, sources, f"{where}.{k}", k, citations)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [
            _values(v, sources, f"{where}[{n}]", key, citations)
            for n, v in enumerate(value)
        ]
    if (
        key is not None
        and (key == "source" or str(key).endswith("_source"))
        and isinstance(value, str)
        and SOURCE_NAME.match(value)
    ):
        if value not in sources:
            raise DemoDataError(
                f"{where}: no source named {value!r} in sources.yaml "
                f"(known: {', '.join(sorted(sources))}); write a new source as "
                "{en: ..., fr: ...}."
            )
        return sources[value]
    return value


def _bilingual(value, where, sources=None, key=None):
    if not isinstance(value, dict) or set(value) != set(LANGUAGES):
        raise DemoDataError(
            f"{where}: a text in two languages needs exactly `en:` and `fr:`."
        )
    return Bilingual(
        (lang, _values(value[lang], sources or {}, f"{where}.{lang}", key))
        for lang in LANGUAGES
    )

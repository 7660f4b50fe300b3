"""axe-core in the Chromium tests: the npm package (package.json pins it), installed
with `npm ci` at the first use when node_modules lacks it; nothing is fetched at run
time by the page. `violations(tab)` runs it on the page as it stands and returns the
WCAG 2.2 A/AA violations, as readable strings."""

import os
import subprocess
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@cache
def axe_source():
    if not AXE.exists():
        result = subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--silent"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0 or not AXE.exists():
            message = (
                "axe-core is missing: run `npm ci` at the project root "
                f"(package.json). npm said: {result.stderr.strip()[-500:]}"
            )
            if os.environ.get("CI") == "true":
                pytest.fail(message)
            pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


def violations(tab):
    """axe's violations on the page (CSP permitting: the context bypasses it)."""
    if not tab.evaluate("typeof window.axe !== 'undefined'"):
        tab.add_script_tag(content=axe_source())
    found = tab.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => r.violations.map(v => v.id + ': ' + v.help + ' ' +"
        " v.nodes.map(n => n.target.join(' ')).join(', ')))",
        TAGS,
    )
    return found


def assert_accessible(tab, state):
    """No WCAG 2.2 A/AA violation on the page as it stands; `state` names it in the
    failure (the page and what was done on it)."""
    found = violations(tab)
    assert not found, f"axe-core on {state} ({tab.url}):\n" + "\n".join(found)

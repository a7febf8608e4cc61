"""Known vulnerabilities in the pinned requirements (issue 6): `python .ci/audit.py`.

pip-audit checks every pin first. Where it cannot look a pin up (here PyPI's per-version
JSON is not served and OSV cannot be reached, so it says "could not be audited"), the
pin is checked against PyPI's own vulnerability record for the package, which describes
the newest release: a pin that is the newest release is audited that way; a pin that is
not cannot be audited, and that fails too (bump it). Exit 1 on any known vulnerability
or any pin left unaudited.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FILES = ("requirements.txt", "requirements-dev.txt")
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?==([^\s;#]+)")


def pins() -> dict[str, str]:
    """Every name==version pinned in the requirements files, by normalised name."""
    found = {}
    for name in FILES:
        for line in (ROOT / name).read_text().splitlines():
            match = PIN.match(line.strip())
            if match:
                found[normalise(match[1])] = match[2]
    return found


def normalise(name: str) -> str:
    """PEP 503 name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def pip_audit() -> list[dict]:
    """pip-audit's findings for the pins: one dict per dependency."""
    args = [sys.executable, "-m", "pip_audit", "--no-deps", "--disable-pip", "-f", "json"]
    args += ["--progress-spinner", "off"]
    for name in FILES:
        args += ["-r", str(ROOT / name)]
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    try:
        return json.loads(done.stdout)["dependencies"]
    except (json.JSONDecodeError, KeyError):
        sys.exit(f"pip-audit gave no report (exit {done.returncode}):\n{done.stderr[-2000:]}")


def newest_record(name: str) -> dict:
    """PyPI's JSON record of the package's newest release, with its known vulnerabilities."""
    with urllib.request.urlopen(f"https://pypi.org/pypi/{name}/json", timeout=30) as reply:
        return json.load(reply)


def main() -> int:
    """Print what was audited how; 1 on any vulnerability or unaudited pin."""
    pinned = pins()
    vulnerable, unaudited, by_pypi, by_pip_audit = [], [], 0, 0
    for dep in pip_audit():
        name = normalise(dep["name"])
        version = dep.get("version") or pinned.get(name, "?")
        if dep.get("vulns"):
            vulnerable.append(f"{name}=={version}: {', '.join(v['id'] for v in dep['vulns'])}")
            continue
        if "skip_reason" not in dep:
            by_pip_audit += 1
            continue
        record = newest_record(name)
        if record["info"]["version"] != version:
            unaudited.append(f"{name}=={version} (newest is {record['info']['version']})")
            continue
        by_pypi += 1
        known = [v["id"] for v in record.get("vulnerabilities", []) if not v.get("withdrawn")]
        if known:
            vulnerable.append(f"{name}=={version}: {', '.join(known)}")
    print(
        f"{len(pinned)} pins: {by_pip_audit} audited by pip-audit, {by_pypi} from PyPI's "
        f"record of the newest release, {len(unaudited)} not audited"
    )
    for line in vulnerable:
        print(f"VULNERABLE  {line}")
    for line in unaudited:
        print(f"UNAUDITED   {line}")
    if not (vulnerable or unaudited):
        print("No known vulnerabilities in the pinned requirements.")
    return 1 if vulnerable or unaudited else 0


if __name__ == "__main__":
    sys.exit(main())

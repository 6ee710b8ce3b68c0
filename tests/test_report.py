"""The HTML report: rendered by a real headless Chromium from disk, its counts read from the DOM."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import REPO
from pipeline.report import highlight
from test_register import AS_OF, write_archive

CHROMIUM = Path("/usr/bin/chromium")
needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="no /usr/bin/chromium: install it (`apt-get install -y chromium`, as .ci/run does) to check the report")


def report(out: Path) -> Path:
    res = subprocess.run([sys.executable, "-m", "pipeline", "report", str(out), "--as-of", AS_OF],
                         capture_output=True, text=True, cwd=REPO)
    assert res.returncode == 0, res.stderr
    return out / "report.html"


def rendered_dom(page: Path, profile: Path) -> tuple[BeautifulSoup, str]:
    """The DOM after Chromium has loaded and run the page, and Chromium's log (console messages)."""
    res = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
         "--enable-logging=stderr", "--v=0", "--dump-dom", page.resolve().as_uri()],
        capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr[-2000:]
    return BeautifulSoup(res.stdout, "html.parser"), res.stderr


def console_errors(log: str) -> list[str]:
    return [line for line in log.splitlines()
            if "CONSOLE" in line or "Uncaught" in line or "Refused to" in line]


def count(dom: BeautifulSoup, testid: str) -> str:
    return dom.find(attrs={"data-testid": testid}).get_text(strip=True)


@needs_chromium
def test_report_renders_the_counts_in_chromium(tmp_path):
    page = report(write_archive(tmp_path / "out"))
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html and "http://" not in html and "https://" not in html  # opens offline
    dom, log = rendered_dom(page, tmp_path / "profile")
    assert console_errors(log) == []
    assert dom.find("script") is None

    assert count(dom, "as-of") == AS_OF
    assert {k: count(dom, k) for k in ("n-meetings", "n-decisions", "n-actions", "n-open", "n-overdue", "n-closed")} \
        == {"n-meetings": "5", "n-decisions": "2", "n-actions": "8", "n-open": "5", "n-overdue": "2", "n-closed": "3"}
    assert len(dom.find_all(attrs={"data-testid": "timeline-row"})) == 5
    assert len(dom.find_all(attrs={"data-testid": "register-row"})) == 8
    overdue = dom.find_all(attrs={"data-testid": "overdue-row"})
    assert sorted(r.find_all("td")[1].get_text() for r in overdue) == ["", "9/24"]

    owners = {r["data-owner"]: (count(r, "owner-open"), count(r, "owner-overdue"), count(r, "owner-closed"))
              for r in dom.find_all(attrs={"data-testid": "owner-row"})}
    assert owners == {"ACC Piers Foulds": ("2", "1", "0"), "PSE Tamsin Pattinson": ("1", "1", "0"),
                      "": ("2", "0", "1"), "ACO Rita Finch": ("0", "0", "1"), "DCC Niall Wetherall": ("0", "0", "1")}

    # Two charts, embedded; the meeting view has one article per meeting with its own counts.
    imgs = dom.find_all("img")
    assert len(imgs) == 2 and all(i["src"].startswith("data:image/png;base64,") for i in imgs)
    meetings = dom.find_all(attrs={"data-testid": "meeting"})
    assert [(m["data-n-decisions"], m["data-n-actions"]) for m in meetings] == [
        ("1", "3"), ("0", "1"), ("0", "2"), ("0", "0"), ("1", "0")]

    # displaCy marks owners and due dates in the first meeting's sentences.
    marks = [(m.contents[0].strip(), m.find("span").get_text(strip=True)) for m in meetings[0].find_all("mark")]
    assert ("ACC Foulds", "OWNER") in marks and ("by 30 April 2024", "DUE") in marks
    assert ("Mrs. Pattinson", "OWNER") in marks

    # Minutes text is shown as text, never as markup.
    assert "The board agreed the <b>estates</b> strategy & timetable." in meetings[-1].get_text()
    assert meetings[-1].find("b") is None


@needs_chromium
def test_hostile_text_stays_inert(tmp_path):
    out = write_archive(tmp_path / "out")
    actions = out / "actions.csv"
    hostile = '<script>document.title="pwned"</script><img src=x onerror=alert(1)>'
    actions.write_text(actions.read_text(encoding="utf-8").replace("The depot keys to be returned.", hostile)
                       .replace(",,,,,,,,0.8,10/24", f",{hostile},,,,,,,0.8,10/24"), encoding="utf-8")
    dom, log = rendered_dom(report(out), tmp_path / "profile")
    assert console_errors(log) == []
    assert dom.find("script") is None
    assert dom.title.get_text() == "Board minutes: decisions and actions"
    assert all(i["src"].startswith("data:") for i in dom.find_all("img"))
    assert hostile in dom.get_text()


def test_highlight_finds_short_owner_forms_and_escapes():
    html = str(highlight("ACC Foulds & <i>team</i> to report by 30 April 2024.", "ACC Piers Foulds", "ACC",
                         "Piers Foulds", "by 30 April 2024"))
    soup = BeautifulSoup(html, "html.parser")
    marks = [(m.contents[0].strip(), m.find("span").get_text(strip=True)) for m in soup.find_all("mark")]
    assert marks == [("ACC Foulds", "OWNER"), ("by 30 April 2024", "DUE")]
    assert soup.find("i") is None and "&lt;i&gt;" in html
    assert "<mark" not in str(highlight("Nobody named here.", "", "", "", ""))

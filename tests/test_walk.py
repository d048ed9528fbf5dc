"""A seeded random walk through the app, as a person clicks about, in AppTest.

Each step changes one thing a person can change (language, page, filters, policy, zone,
search, USD rate, capital range, good and bad uploads, removing them); after every step the
app must show no exception and no failed part, keep every choice, and show figures that
agree with the plan computed here from the same files and filters.

AppTest cannot put a file into ``st.file_uploader``, so the walk stands in for the uploaders
by replacing ``ui.uploads.uploaded_files`` (what the uploaders hold); the rest of the upload
path (``plan_from_uploads``, the report, the caches) runs as in the browser.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from geo import settings
from geo.load import Plan, load_plan
from geo.overrides import load_uploads
from geo.view import Filters, View, build_view
from layers.i18n import LANGUAGE_NAMES, capital, number, text
from tests.html_tables import html_table
from tests.test_uploads import surveyed_song_tra
from ui import tables, uploads
from ui.sidebar import site_zone_ids

APP = str(settings.ROOT / "app.py")
CORPUS = Path(__file__).parent / "corpus"
STEPS = 500
SEED = 20261128
SEARCHES = ["", "linh kiện", "cable", "<b>x</b>", "zzz", "Sông Trà"]
#: What a person does, weighted: language, pages, policy and zone most often.
ACTIONS = [
    *("lang", "lang", "page", "page", "page", "policy", "policy", "sector", "phase", "zone", "zone"),
    *("search", "rate", "capital", "upload_good", "upload_bad", "remove"),
]
FAILED_PART = (text("error.part", "en").split("{")[0][:40], text("error.part", "vi").split("{")[0][:40])


def _kind_of(path: Path) -> str:
    """Which uploader a corpus file belongs in, by its name."""
    for kind in ("projects", "sites"):
        if path.name.startswith(kind):
            return kind
    return "zones"


def _good_files(tmp: Path) -> list[tuple[str, Path]]:
    """Files a person might upload that the app accepts: a renamed, surveyed Sông Trà, and more."""
    renamed = tmp / "song_tra_vn2000.gpkg"
    surveyed_song_tra(3405).to_file(renamed)  # VN-2000 / UTM 48N, with its own name
    renamed_en = tmp / "song_tra_named.geojson"
    frame = surveyed_song_tra(32648).to_crs(settings.CRS)
    frame["name_en"] = ["Sông Trà IP (surveyed)"]
    frame.to_file(renamed_en, driver="GeoJSON")
    sites = tmp / "sites.csv"
    sites.write_text("project_id,lon,lat\nceramics-2016-1,106.5216,20.3919\n", encoding="utf-8")
    xss = CORPUS / "ok" / "xss_zone.geojson"
    return [("zones", renamed), ("zones", renamed_en), ("zones", xss), ("sites", sites)]


@dataclass
class Walker:
    """What the person has chosen so far: the model the app is checked against."""

    lang: str = "vi"
    page: str = "map"
    policy: str = settings.DEFAULT_POLICY
    sectors: list[str] = field(default_factory=list)
    phases: list[str] = field(default_factory=list)
    zone: str = ""
    search: str = ""
    capital: tuple[float, float] | None = None
    rate: float = 22_300.0
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)

    def filters(self) -> Filters:
        return Filters(
            sectors=self.sectors,
            phases=self.phases,
            zone=self.zone,
            capital=self.capital or (0.0, float("inf")),
            search=self.search,
            policy=self.policy,
        )


class Plans:
    """The plan each set of files makes, computed here as the app should."""

    def __init__(self) -> None:
        self.bundled = load_plan()
        self.made: dict[str, Plan] = {}

        self.views: dict[tuple[int, str], View] = {}

    def of(self, files: dict[str, tuple[str, bytes]]) -> Plan:
        if not files:
            return self.bundled
        key = repr(sorted((k, n, len(c), hash(c)) for k, (n, c) in files.items()))
        if key not in self.made:
            self.made[key] = load_uploads(files)[0]
        return self.made[key]

    def view(self, plan: Plan, filters: Filters) -> View:
        """The view the app should show (kept: a walk comes back to the same choices)."""
        key = (id(plan), repr(filters))
        if key not in self.views:
            self.views[key] = build_view(plan, filters)
        return self.views[key]


def _sidebar_widget(at: AppTest, kind: str, label: str) -> Any:
    found = [w for w in getattr(at.sidebar, kind) if w.label == label]
    assert len(found) == 1, f"{kind} {label!r}: {[w.label for w in getattr(at.sidebar, kind)]}"
    return found[0]


def _failed_parts(at: AppTest) -> list[str]:
    return [e.value for e in at.error if str(e.value).startswith(FAILED_PART)]


def _check(at: AppTest, walker: Walker, plans: Plans, step: int, action: str) -> None:
    where = f"step {step} ({action})"
    assert not at.exception, f"{where}: {[e.message for e in at.exception]}"
    assert _failed_parts(at) == [], f"{where}: {_failed_parts(at)}"
    lang = walker.lang
    # Every choice is kept, whatever the language or page.
    assert at.sidebar.radio[0].value == walker.lang, where
    assert _sidebar_widget(at, "radio", text("policy", lang)).value == walker.policy, where
    assert _sidebar_widget(at, "multiselect", text("sector", lang)).value == walker.sectors, where
    assert _sidebar_widget(at, "multiselect", text("phase", lang)).value == walker.phases, where
    assert _sidebar_widget(at, "selectbox", text("zone", lang)).value == walker.zone, where
    assert _sidebar_widget(at, "text_input", text("search", lang)).value == walker.search, where
    assert at.get("button_group")[0].value == walker.page, where
    # The headline shows the filtered projects' capital, each project counted once.
    plan = plans.of(walker.files)
    view = plans.view(plan, walker.filters())
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[text("metric.capital", lang)] == capital(view.capital, lang), where
    assert metrics[text("metric.projects", lang)] == f"{len(view.projects)} / {len(plan.projects)}", where
    _check_load(at, view, walker, where)


def _check_load(at: AppTest, view: View, walker: Walker, where: str) -> None:
    total = float(view.load["capital_bn_vnd"].sum())
    if not walker.zone and walker.policy in ("split", "first"):
        # Each project's capital goes to its zones exactly once: the zones add up to the headline.
        assert total == pytest.approx(view.capital), where
    if walker.policy == "full":
        # Every candidate zone gets the whole amount: an upper bound, never below the headline.
        assert total >= view.capital - 1e-6 or walker.zone, where
    if walker.page == "load":
        shown = html_table(at, "load")
        assert float(shown[text("col.capital", walker.lang)].sum()) == pytest.approx(total), where


def _step(
    at: AppTest, walker: Walker, rng: random.Random, plans: Plans, files: list[tuple[str, Path]]
) -> str:
    """Make one random change on the page and in the model; return what was done."""
    lang = walker.lang
    action = rng.choice(ACTIONS)
    if action == "lang":
        walker.lang = rng.choice(sorted(LANGUAGE_NAMES))
        at.sidebar.radio[0].set_value(walker.lang)
    elif action == "page":
        walker.page = rng.choice(["map", "load", "targets", "data"])
        at.get("button_group")[0].set_value(walker.page)
    elif action == "policy":
        walker.policy = rng.choice(settings.POLICIES)
        _sidebar_widget(at, "radio", text("policy", lang)).set_value(walker.policy)
    elif action in ("sector", "phase"):
        options = settings.SECTORS if action == "sector" else settings.PHASES
        chosen = [o for o in options if rng.random() < 0.3]
        setattr(walker, f"{action}s", chosen)
        _sidebar_widget(at, "multiselect", text(action, lang)).set_value(chosen)
    elif action == "zone":
        walker.zone = rng.choice(["", *site_zone_ids(plans.of(walker.files))])
        _sidebar_widget(at, "selectbox", text("zone", lang)).set_value(walker.zone)
    elif action == "search":
        walker.search = rng.choice(SEARCHES)
        _sidebar_widget(at, "text_input", text("search", lang)).set_value(walker.search)
    elif action == "rate":
        walker.rate = float(rng.randrange(15_000, 30_000, 100))
        # Typed as a person would, in the page's format (25.000 / 25,000).
        _sidebar_widget(at, "text_input", text("usd.rate", lang)).set_value(number(walker.rate, lang))
    elif action == "capital":
        top = float(plans.of(walker.files).projects["capital_bn_vnd"].max())
        low = float(rng.randrange(0, int(top) // 2, 10))
        walker.capital = (low, top)
        _sidebar_widget(at, "select_slider", text("capital_range", lang)).set_value((low, top))
    else:
        if action == "remove":
            walker.files = {}
        else:
            kind, path = (
                rng.choice(files)
                if action == "upload_good"
                else (lambda p: (_kind_of(p), p))(rng.choice(sorted((CORPUS / "bad").iterdir())))
            )
            walker.files = {**walker.files, kind: (path.name, path.read_bytes())}
            action += f" {kind} {path.name}"
        zone_ids = site_zone_ids(plans.of(walker.files))
        if walker.zone not in zone_ids:
            walker.zone = ""
    at.run()
    return action


def test_a_long_random_walk_never_breaks_and_always_adds_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(SEED)
    walker = Walker()
    plans = Plans()
    monkeypatch.setattr(uploads, "uploaded_files", lambda: dict(walker.files))
    files = _good_files(tmp_path)
    at = AppTest.from_file(APP, default_timeout=60).run()
    _check(at, walker, plans, 0, "open")
    done: list[str] = []
    for step in range(1, STEPS + 1):
        action = _step(at, walker, rng, plans, files)
        done.append(action)
        _check(at, walker, plans, step, action)
    assert {a.split()[0] for a in done} == set(ACTIONS)


def test_the_issue_s_path_keeps_the_policy_across_languages_and_pages() -> None:
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.sidebar.radio[0].set_value("en").run()
    for page in ("load", "targets"):
        at.get("button_group")[0].set_value(page).run()
        assert not at.exception
        assert not _failed_parts(at)
    _sidebar_widget(at, "radio", text("policy", "en")).set_value("full").run()
    at.sidebar.radio[0].set_value("vi").run()
    at.get("button_group")[0].set_value("map").run()
    assert not at.exception
    assert not _failed_parts(at)
    assert _sidebar_widget(at, "radio", text("policy", "vi")).value == "full"
    assert at.header[0].value == text("title", "vi")


def test_a_failing_part_says_so_with_a_reference_and_the_rest_still_works(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*_: object) -> None:
        raise RuntimeError("a bug in the targets page")

    monkeypatch.setattr(tables, "targets_view", broken)
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.get("button_group")[0].set_value("targets").run()
    assert not at.exception
    failed = _failed_parts(at)
    assert len(failed) == 1
    assert re.search(r"Mã tham chiếu: [0-9a-f]{8}$", failed[0])
    # The sidebar, the uploaders and the headline still draw; the session goes on.
    assert _sidebar_widget(at, "radio", text("policy", "vi")).value == settings.DEFAULT_POLICY
    assert {m.label: m.value for m in at.metric}[text("metric.capital", "vi")] == "31.560 tỷ đồng"
    at.get("button_group")[0].set_value("map").run()
    assert not at.exception
    assert _failed_parts(at) == []

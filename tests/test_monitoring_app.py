"""Plan monitoring in the app (AppTest): read-only for visitors, an editor records, a restart keeps it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from bench.browser import free_port
from geo import settings
from geo.monitoring import records
from geo.monitoring.store import open_store
from geo.monitoring.users import add_user
from tests.html_tables import html_table
from tests.test_app import _map_args
from ui import monitoring

APP = str(settings.ROOT / "app.py")
PASSWORD = "correct horse battery"
PROJECT = "mechanical-2016-2"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """No DATABASE_URL: the default SQLite file, in a fresh home; one editor."""
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("MONITORING_HOME", str(tmp_path))
    add_user("anna", "editor", PASSWORD, tmp_path / "users.json")
    monitoring.store.clear()
    monitoring.gate.clear()
    yield tmp_path
    monitoring.store.clear()
    monitoring.gate.clear()


def _app(**params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, at.exception
    return at


def _labels(at: AppTest) -> list[str]:
    return [b.label for b in at.button]


def test_a_visitor_sees_the_records_but_no_edit_control(home: Path) -> None:
    at = _app(zone="kcn-cau-nghin")
    assert "Lưu bản ghi mới" not in _labels(at)
    assert not [s for s in at.selectbox if s.key == "mon_project"]
    captions = [c.value for c in at.caption]
    assert "Xem công khai, chỉ đọc. Người biên tập đăng nhập để ghi nhận." in captions
    assert [b.key for b in at.button if b.key == "mon_open_sign_in"] == ["mon_open_sign_in"]
    assert "Chưa có bản ghi cho các dự án của khu này." in [c.value for c in at.caption]


def test_an_editor_records_and_the_record_survives_a_restart_into_the_2024_zone_load(home: Path) -> None:
    at = _app(zone="kcn-cau-nghin")
    # Signed in through this server's gate (the sign-in dialog itself is driven in Chromium:
    # AppTest does not run a dialog's form).
    at.session_state["mon_grant"] = monitoring.gate().sign_in("anna", PASSWORD)
    at.run()
    assert "Đã đăng nhập: anna (editor)" in [c.value for c in at.caption]
    at.selectbox(key="mon_project").select(PROJECT).run()
    at.selectbox(key=f"mon_status_{PROJECT}").select("operating")
    at.date_input(key=f"mon_day_{PROJECT}").set_value(dt.date(2023, 6, 30))
    at.text_input(key=f"mon_registered_{PROJECT}").input("1.200 tỷ đồng")
    at.text_input(key=f"mon_source_{PROJECT}").input("QĐ 123/QĐ-UBND <b>ngày</b>")
    at.button(key=f"FormSubmitter:mon_edit_{PROJECT}-Lưu bản ghi mới").click().run()
    assert not at.exception, at.exception
    assert [s.value for s in at.success] == ["Đã lưu bản ghi 1."]
    history = "".join(h.proto.body for h in at.get("html"))
    assert "Nguồn: QĐ 123/QĐ-UBND &lt;b&gt;ngày&lt;/b&gt;" in history  # escaped where shown
    assert "2023-06-30 · Đang hoạt động" in history
    assert "Vốn đăng ký: 1.200 tỷ đồng" in history

    # The server restarts: caches gone, a new engine on the same default file.
    monitoring.store.clear()
    monitoring.gate.clear()
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["page"] = "load"
    at.run()
    at.date_input(key="_w.mon_as_of").set_value(dt.date(2024, 1, 1)).run()
    assert not at.exception, at.exception
    assert "Lưu bản ghi mới" not in _labels(at)  # the restart signed nobody in
    table = html_table(at, "monitoring-load")
    row = table.set_index("Khu").loc["KCN Cầu Nghìn"]
    assert row["Vốn đăng ký (tỷ đồng)"] == 1200.0
    assert row["Đang hoạt động"] == 1
    assert row["Vốn quy hoạch (tỷ đồng)"] > 0
    [line] = [m.value for m in at.markdown if m.value.startswith("**Theo dõi thực hiện**")]
    assert "Tính đến ngày 2024-01-01 · Dự án có bản ghi: 1 / 22 · Đang hoạt động: 1" in line
    assert "Vốn đăng ký: 1.200 tỷ đồng (3,8% so với quy hoạch)" in line
    assert (home / "monitoring.sqlite").exists()


def test_a_project_realised_elsewhere_gets_a_line_on_the_map(home: Path, plan: object) -> None:
    store = open_store()
    draft, problems = records.read_draft(
        {
            "project_id": PROJECT,
            "status": "operating",
            "as_of": "2022-01-01",
            "source": "GCN 45",
            "zone_id": "kcn-tien-hai",
        },
        records.known_from(plan.projects, plan.zones),  # type: ignore[attr-defined]
        source="test",
    )
    assert draft is not None, problems
    records.record_as_operator(store, draft, by="operator")
    store.dispose()
    groups = _map_args(_app(lang="en"))["feature_group"]
    assert groups.count("L.polyline(") == 1
    assert '"className": "moved"' in groups
    assert "Parts and accessories for automotive fuel-supply systems:" in groups
    assert "planned in Cầu Nghìn Industrial Park, realised in Tiền Hải Industrial Park" in groups


def test_the_data_page_offers_the_whole_history_in_three_formats(home: Path) -> None:
    at = _app(page="data", lang="en")
    labels = [d.proto.label for d in at.get("download_button")]
    assert [label for label in labels if label.startswith("Monitoring · ")] == [
        "Monitoring · GPKG",
        "Monitoring · XLSX",
        "Monitoring · CSV",
    ]


def _editor_app(name: str) -> AppTest:
    at = _app(zone="kcn-cau-nghin")
    at.session_state["mon_grant"] = monitoring.gate().sign_in(name, PASSWORD)
    at.run()
    at.selectbox(key="mon_project").select(PROJECT).run()
    return at


def _save(at: AppTest, status: str, source: str) -> AppTest:
    at.selectbox(key=f"mon_status_{PROJECT}").select(status)
    at.date_input(key=f"mon_day_{PROJECT}").set_value(dt.date(2024, 3, 1))
    at.text_input(key=f"mon_source_{PROJECT}").input(source)
    at.button(key=f"FormSubmitter:mon_edit_{PROJECT}-Lưu bản ghi mới").click().run()
    assert not at.exception, at.exception
    return at


def test_the_second_of_two_editors_is_refused_and_sees_both_versions(home: Path) -> None:
    add_user("binh", "editor", PASSWORD, home / "users.json", replace=False)
    anna, binh = _editor_app("anna"), _editor_app("binh")  # both open the project with no record
    assert [s.value for s in _save(anna, "operating", "QĐ 1").success] == ["Đã lưu bản ghi 1."]
    _save(binh, "dropped", "CV 2")
    [error] = [e.value for e in binh.error]
    assert error.startswith("Chưa lưu: đã được anna thay đổi lúc ")
    assert error.endswith("UTC (bản ghi 1); bản của bạn chưa được lưu")
    shown = "".join(h.proto.body for h in binh.get("html"))
    assert "2024-03-01 · Đang hoạt động" in shown  # Anna's, saved
    assert "2024-03-01 · Đã hủy bỏ" in shown  # Binh's, not saved
    assert [r.status for r in records.history(open_store())] == ["operating"]
    # Binh has seen Anna's version; saving again puts his after hers: nothing lost.
    _save(binh, "dropped", "CV 2")
    assert [s.value for s in binh.success] == ["Đã lưu bản ghi 2."]
    assert [(r.status, r.recorded_by, r.supersedes_id) for r in records.history(open_store())] == [
        ("operating", "anna", None),
        ("dropped", "binh", 1),
    ]


def test_an_unreachable_database_leaves_the_plan_s_map_and_figures_working(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    closed = free_port()  # nothing listens there
    monkeypatch.setenv("DATABASE_URL", f"postgresql://postgres@127.0.0.1:{closed}/monitoring")
    at = _app(zone="kcn-cau-nghin", lang="en")
    warning = "The monitoring database cannot be reached; the plan's map and figures still work."
    assert warning in [w.value for w in at.warning]
    assert {m.label: m.value for m in at.metric}["Capital shown"] == "1,650 bn VND"
    assert len(_map_args(at)["feature_group"]) > 0

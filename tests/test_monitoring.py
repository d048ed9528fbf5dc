"""Plan monitoring (issue 15): records in a real database, on SQLite and on PostgreSQL + PostGIS."""

from __future__ import annotations

import datetime as dt
import io as _io
import os
import subprocess
import sys
import threading
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from shapely.geometry import Point
from sqlalchemy import text

import cli
from geo.errors import PlanDataError
from geo.load import Plan
from geo.monitoring import records, transfer, users
from geo.monitoring.amounts import format_amount, parse_amount
from geo.monitoring.records import Draft, StaleRecordError, read_draft, save_record
from geo.monitoring.store import open_store
from geo.monitoring.users import Gate, Grant, NotAllowedError, add_user
from geo.view import Filters, build_view

PROJECT = "mechanical-2016-2"  # planned in Cầu Nghìn IP alone
PASSWORD = "correct horse battery"


@pytest.fixture
def known(plan: Plan) -> records.Known:
    return records.known_from(plan.projects, plan.zones)


@pytest.fixture
def users_path(tmp_path: Path) -> Path:
    path = tmp_path / "users.json"
    add_user("anna", "editor", PASSWORD, path)
    add_user("binh", "editor", PASSWORD, path)
    add_user("root", "admin", PASSWORD, path)
    return path


@pytest.fixture
def gate(users_path: Path) -> Gate:
    return Gate(users_path, sleep=lambda _s: None)


def operating(known: records.Known, **extra: str) -> Draft:
    values = {
        "project_id": PROJECT,
        "status": "operating",
        "registered_bn_vnd": "1.200 tỷ đồng",
        "as_of": "2023-06-30",
        "source": "QĐ 123/QĐ-UBND",
        **extra,
    }
    draft, problems = read_draft(values, known, source="form")
    assert problems == []
    assert draft is not None
    return draft


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1.200", 1200.0),
        ("1,200", 1200.0),
        ("1.200,5", 1200.5),
        ("1,200.5", 1200.5),
        ("2,5", 2.5),
        ("2.5", 2.5),
        ("1.200 tỷ đồng", 1200.0),
        ("1,200 bn VND", 1200.0),
        ("0.125", 0.125),
        ("1234.567", 1234.567),
        ("12 345,5", 12345.5),
    ],
)
def test_amounts_read_in_vietnamese_and_english(typed: str, value: float) -> None:
    assert parse_amount(typed) == value


@pytest.mark.parametrize("value", [12.345, 1200.0, 0.1, 1234.567, 31560.25])
def test_exported_amounts_read_back_exactly(value: float) -> None:
    assert parse_amount(format_amount(value)) == value


@given(st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False))
def test_any_exported_amount_reads_back_exactly(value: float) -> None:
    assert parse_amount(format_amount(value)) == value


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=99))
def test_amounts_typed_with_grouping_read_the_same_in_both_languages(whole: int, cents: int) -> None:
    english = f"{whole:,}.{cents:02d}"
    vietnamese = english.replace(",", " ").replace(".", ",").replace(" ", ".")
    # (whole * 100 + cents) / 100 is rounded once, as reading the decimal text is.
    assert parse_amount(english) == parse_amount(vietnamese) == (whole * 100 + cents) / 100


def test_record_survives_a_restart_and_shows_in_the_zone_load_of_2024(
    db_url: str, gate: Gate, known: records.Known, plan: Plan
) -> None:
    store = open_store(db_url)
    grant = gate.sign_in("anna", PASSWORD)
    saved = save_record(store, gate, grant, operating(known, lon="106.40", lat="20.45"), supersedes=None)
    store.dispose()

    restarted = open_store(db_url)  # a new engine, as after a server restart
    [entry] = records.latest_as_of(restarted, dt.date(2024, 1, 1))
    assert (entry.id, entry.status, entry.registered_bn_vnd) == (saved.id, "operating", 1200.0)
    assert (entry.recorded_by, entry.source) == ("anna", "QĐ 123/QĐ-UBND")
    assert entry.location == Point(106.40, 20.45)
    assert records.latest_as_of(restarted, dt.date(2023, 6, 29)) == []
    load = build_view(plan, Filters()).load
    table = records.plan_vs_realised(load, records.realised_by_zone([entry], known)).set_index("zone_id")
    row = table.loc["kcn-cau-nghin"]
    assert row["registered_bn_vnd"] == 1200.0
    assert row["status_operating"] == 1
    assert row["plan_bn_vnd"] == float(load.set_index("zone_id").loc["kcn-cau-nghin", "capital_bn_vnd"])
    restarted.dispose()


def test_saving_without_an_editor_s_sign_in_is_refused(
    db_url: str, gate: Gate, users_path: Path, known: records.Known
) -> None:
    store = open_store(db_url)
    draft = operating(known)
    forged = Grant("anna", "editor", "made-up-token", 1e12, 1e12)
    for grant in (None, forged):
        with pytest.raises(NotAllowedError):
            save_record(store, gate, grant, draft, supersedes=None)
    signed_out = gate.sign_in("anna", PASSWORD)
    gate.sign_out(signed_out)
    with pytest.raises(NotAllowedError):
        save_record(store, gate, signed_out, draft, supersedes=None)
    assert gate.sign_in("anna", "wrong password") is None
    assert records.history(store) == []
    admin = gate.sign_in("root", PASSWORD)
    assert save_record(store, gate, admin, draft, supersedes=None).recorded_by == "root"
    store.dispose()


def test_sessions_expire_and_follow_the_users_file(users_path: Path, known: records.Known) -> None:
    now = [1_000_000.0]
    gate = Gate(users_path, clock=lambda: now[0], sleep=lambda _s: None)
    grant = gate.sign_in("anna", PASSWORD)
    now[0] += users.IDLE_S - 1
    assert gate.current(grant) is not None  # used: the idle clock starts again
    now[0] += users.IDLE_S - 1
    assert gate.current(grant) is not None
    now[0] += users.IDLE_S + 1
    assert gate.current(grant) is None
    again = gate.sign_in("anna", PASSWORD)
    add_user("anna", "admin", PASSWORD, users_path, replace=True)  # role changed on the server
    with pytest.raises(NotAllowedError):
        gate.require(again, users.EDITOR_ROLES)


def test_failed_sign_ins_are_slowed_and_never_say_whether_the_user_exists(users_path: Path) -> None:
    waits: list[float] = []
    gate = Gate(users_path, sleep=waits.append)
    assert [gate.sign_in("anna", "nope") for _ in range(4)] == [None] * 4
    assert [gate.sign_in("nobody", "nope") for _ in range(4)] == [None] * 4
    assert waits == [0.0, 0.5, 1.0, 2.0, 0.0, 0.5, 1.0, 2.0]
    assert gate.sign_in("anna", PASSWORD) is not None  # after waiting 4 s
    assert waits[-1] == 4.0
    assert gate.delay_for("anna") == 0.0


def test_two_editors_on_one_project_lose_no_update(db_url: str, gate: Gate, known: records.Known) -> None:
    store = open_store(db_url)
    anna, binh = gate.sign_in("anna", PASSWORD), gate.sign_in("binh", PASSWORD)
    first = save_record(store, gate, anna, operating(known), supersedes=None)
    # Both open the form on the same latest record.
    seen_by_anna = seen_by_binh = records.latest(store, PROJECT)
    assert seen_by_anna is not None
    assert seen_by_binh is not None
    mine = save_record(
        store, gate, anna, operating(known, status="suspended", note="anna"), supersedes=seen_by_anna.id
    )
    binh_draft = operating(known, registered_bn_vnd="1.500", note="binh")
    with pytest.raises(StaleRecordError) as refused:
        save_record(store, gate, binh, binh_draft, supersedes=seen_by_binh.id)
    assert refused.value.latest == mine
    assert refused.value.draft == binh_draft
    assert str(refused.value).startswith(f"changed by anna at {mine.recorded_at:%Y-%m-%d %H:%M} UTC")
    assert refused.value.message.vi.startswith("đã được anna thay đổi lúc")
    # Binh saw both versions and saves his on top of Anna's: nothing is lost.
    save_record(store, gate, binh, binh_draft, supersedes=mine.id)
    notes = [(e.note, e.supersedes_id) for e in records.history(store)]
    assert notes == [("", None), ("anna", first.id), ("binh", mine.id)]
    store.dispose()


def test_simultaneous_saves_of_one_record_let_exactly_one_through(
    db_url: str, gate: Gate, known: records.Known
) -> None:
    stores = [open_store(db_url) for _ in range(4)]  # four app servers' engines
    grant = gate.sign_in("anna", PASSWORD)
    base = save_record(stores[0], gate, grant, operating(known), supersedes=None)
    outcomes: list[str] = []
    start = threading.Barrier(len(stores))

    def save(store_index: int) -> None:
        start.wait()
        try:
            save_record(
                stores[store_index], gate, grant, operating(known, note=str(store_index)), supersedes=base.id
            )
            outcomes.append("saved")
        except StaleRecordError:
            outcomes.append("refused")

    threads = [threading.Thread(target=save, args=(i,)) for i in range(len(stores))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["refused", "refused", "refused", "saved"]
    assert len(records.history(stores[0])) == 2
    for store in stores:
        store.dispose()


def test_bad_input_is_named_in_the_user_s_language(known: records.Known) -> None:
    values = {
        "project_id": PROJECT,
        "status": "finished",
        "as_of": "2015-12-31",
        "registered_bn_vnd": "-5",
        "zone_id": "kcn-nowhere",
        "source": "",
    }
    draft, problems = read_draft(values, known, source="form", today=dt.date(2026, 1, 1))
    assert draft is None
    assert [p.field for p in problems] == ["status", "zone_id", "as_of", "registered_bn_vnd", "source"]
    vietnamese = [p.text("vi") for p in problems]
    assert "cần một trong not_started" in vietnamese[0]
    assert "cần mã một khu của lớp khu; thấy 'kcn-nowhere'" in vietnamese[1]
    assert "cần ngày từ 2016-01-01 đến hôm nay (2026-01-01); thấy '2015-12-31'" in vietnamese[2]
    assert "cần số tiền không âm; thấy '-5'" in vietnamese[3]
    assert "cần nguồn: số hiệu, tên văn bản hoặc đường dẫn; thấy để trống" in vietnamese[4]
    future = read_draft({**values, "as_of": "2026-01-02"}, known, source="form", today=dt.date(2026, 1, 1))[1]
    assert any(p.field == "as_of" for p in future)
    # A zone outside the plan's sites is still a zone: accepted.
    ok, none = read_draft(
        {
            **values,
            "status": "operating",
            "as_of": "2020-01-01",
            "registered_bn_vnd": "0",
            "zone_id": "kcn-tien-hai",
            "source": "x",
        },
        known,
        source="form",
    )
    assert none == []
    assert ok is not None
    assert ok.zone_id == "kcn-tien-hai"


def _bad_rows(tmp_path: Path) -> Path:
    good = {
        "project_id": PROJECT,
        "status": "operating",
        "as_of": "2023-06-30",
        "source": "QĐ 1",
        "registered_bn_vnd": "1.200",
        "zone_id": "",
    }
    rows = [
        good,
        {**good, "status": "finished"},
        {**good, "as_of": "2015-01-01"},
        {**good, "registered_bn_vnd": "-3"},
        {**good, "zone_id": "kcn-nowhere"},
        {**good, "source": ""},
        good,
    ]
    path = tmp_path / "bad.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def test_import_of_five_bad_rows_imports_nothing_and_lists_the_five(
    db_url: str, known: records.Known, tmp_path: Path
) -> None:
    store = open_store(db_url)
    with pytest.raises(PlanDataError) as failed:
        transfer.import_records(store, _bad_rows(tmp_path), known)
    assert [(str(p.where), p.field) for p in failed.value.problems] == [
        ("row 3", "status"),
        ("row 4", "as_of"),
        ("row 5", "registered_bn_vnd"),
        ("row 6", "zone_id"),
        ("row 7", "source"),
    ]
    assert failed.value.problems[0].text("vi").startswith("`bad.csv` dòng 3, cột `status`: cần một trong")
    assert records.history(store) == []
    store.dispose()


@pytest.mark.parametrize("fmt", transfer.FORMATS)
def test_export_then_import_into_an_empty_database_round_trips_every_record(
    fmt: str, db_url: str, other_db_url: str, gate: Gate, known: records.Known, tmp_path: Path
) -> None:
    store = open_store(db_url)
    grant = gate.sign_in("anna", PASSWORD)
    first = save_record(
        store,
        gate,
        grant,
        operating(known, registered_bn_vnd="12,345", lon="106.4", lat="20.45"),
        supersedes=None,
    )
    second = save_record(
        store,
        gate,
        grant,
        operating(known, status="suspended", note="Nhà máy tạm dừng <b>"),
        supersedes=first.id,
    )
    other = read_draft(
        {
            "project_id": "electronics-2016-1",
            "status": "licensed",
            "as_of": "2019-02-01",
            "source": "GCN 0123",
            "disbursed_bn_vnd": "1.234,5",
            "zone_id": "kcn-tien-hai",
        },
        known,
        source="form",
    )[0]
    assert other is not None
    save_record(store, gate, grant, other, supersedes=None)
    out = tmp_path / f"records.{fmt}"
    transfer.export_records(store, out, fmt)
    empty = open_store(other_db_url)
    assert transfer.import_records(empty, out, known) == 3
    assert records.history(empty) == records.history(store)
    assert records.history(empty)[1] == second
    # New records go on after the imported ids, on both backends.
    third = save_record(empty, gate, grant, operating(known), supersedes=second.id)
    assert third.id == 4
    store.dispose()
    empty.dispose()


def test_two_app_servers_sharing_postgresql_see_each_other_s_edits(
    postgres_server: str, gate: Gate, known: records.Known, tmp_path: Path
) -> None:
    from tests.monitoring_fixtures import fresh_postgres

    url = fresh_postgres(postgres_server)
    one = open_store(url)
    grant = gate.sign_in("anna", PASSWORD)
    saved = save_record(one, gate, grant, operating(known), supersedes=None)
    # The second server is another process: the command line with the same DATABASE_URL.
    env = {**os.environ, "DATABASE_URL": url.replace("+psycopg", ""), "MONITORING_HOME": str(tmp_path)}
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [
            sys.executable,
            "cli.py",
            "monitoring",
            "record",
            "--project",
            PROJECT,
            "--status",
            "dropped",
            "--as-of",
            "2024-03-01",
            "--source",
            "CV 45/SCT",
            "--by",
            "binh",
        ],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    latest = records.latest(one, PROJECT)  # the first server's next rerun
    assert latest is not None
    assert (latest.status, latest.recorded_by, latest.supersedes_id) == ("dropped", "binh", saved.id)
    exported = tmp_path / "seen.csv"
    done = subprocess.run(
        [sys.executable, "cli.py", "monitoring", "export", "--format", "csv", "--out", str(exported)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert list(pd.read_csv(exported)["recorded_by"]) == ["anna", "binh"]
    one.dispose()


def test_schema_is_migrated_on_first_start_and_postgis_holds_the_point(
    db_url: str, known: records.Known
) -> None:
    store = open_store(db_url)
    open_store(db_url).dispose()  # a second start finds the schema current
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "0001"
    records.record_as_operator(store, operating(known, lon="106.4", lat="20.45"), by="operator")
    if store.backend == "postgresql":
        with store.engine.connect() as connection:
            found = connection.execute(
                text("SELECT ST_AsText(location), ST_SRID(location) FROM monitoring_record")
            )
            assert tuple(found.one()) == ("POINT(106.4 20.45)", 4326)
    store.dispose()


def test_users_add_reads_the_password_from_stdin_and_keeps_only_a_hash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MONITORING_HOME", str(tmp_path))
    monkeypatch.setattr(sys, "stdin", _io.StringIO(PASSWORD + "\n"))
    args = cli.build_parser().parse_args(["users", "add", "chi", "--role", "editor", "--password-stdin"])
    from geo.monitoring import commands

    assert commands.run(args, stdin=_io.StringIO(PASSWORD + "\n")) == 0
    stored = (tmp_path / "users.json").read_text()
    assert PASSWORD not in stored
    assert "$argon2id$" in stored
    assert (tmp_path / "users.json").stat().st_mode & 0o777 == 0o600
    assert Gate(tmp_path / "users.json", sleep=lambda _s: None).sign_in("chi", PASSWORD) is not None
    bad = cli.build_parser().parse_args(["users", "add", "chi", "--role", "editor", "--password-stdin"])
    assert commands.run(bad, stdin=_io.StringIO("short\n")) == 1
    assert "exists already" in capsys.readouterr().err

"""Maps on paper: the printed page's text, size and frame, the PNG's pixels, the zone sheet
and the briefing pack, read back with poppler's ``pdftotext``/``pdfinfo`` and Pillow."""

from __future__ import annotations

import shutil
import subprocess
import time
from itertools import combinations
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image
from streamlit.testing.v1 import AppTest

import cli
from geo import settings
from geo.join import allocate
from geo.load import Plan
from geo.stats import zone_load
from geo.view import Filters, build_view
from layers.i18n import number, text
from paper.briefing import page_count, render_briefing
from paper.labels import Box, place_boxes
from paper.page import draw_map, map_figure, page_size, province_bounds, zone_label

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

DIACRITICS = "Thái Bình, Kiến Xương, Tiền Hải, Quỳnh Phụ, Hưng Hà, Vũ Thư, tỷ đồng"


def pdf_text(path: Path) -> str:
    """The PDF's text as poppler reads it, whitespace collapsed."""
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def export(tmp_path: Path, *args: str) -> Path:
    tmp_path.mkdir(exist_ok=True)  # --out must name a file in an existing folder
    out = tmp_path / "out"
    assert cli.run(["export", *args, "--out", str(out)]) == 0
    return out


def test_a4_pdf_in_vietnamese_holds_title_zone_labels_and_legend(tmp_path: Path, plan: Plan) -> None:
    out = export(tmp_path, "map", "--format", "pdf", "--paper", "a4", "--lang", "vi")
    info = pdf_info(out)
    assert info["Pages"] == "1"
    assert info["Page size"].startswith("841.89 x 595.276 pts (A4)")  # landscape
    words = pdf_text(out)
    assert text("title", "vi") in words
    assert "Ngành: Tất cả · Giai đoạn: Cả hai giai đoạn" in words
    # As a reader checks them: Vietnamese thousands with "." and each zone's capital.
    for label in (
        "Sông Trà (TBS): 24.180",
        "Vùng ven biển: 3.125",
        "Cụm công nghiệp các huyện: 2.625",
        "Cầu Nghìn: 1.050",
        "Tiền Hải: 580",
    ):
        assert label in words
    view = build_view(plan, Filters())
    zones = plan.zones.set_index("zone_id")
    for zone_id, value in zip(view.load["zone_id"], view.load["capital_bn_vnd"], strict=True):
        if value > 0:
            assert zone_label(zones.loc[zone_id].to_dict(), value, "vi") in words
    for key in (
        "legend.title",
        "legend.phase_1",
        "legend.phase_2",
        "legend.site_area",
        "legend.capital",
        "legend.zone_surveyed",
        "legend.zone_indicative",
        "legend.zone_unspecified",
    ):
        assert text(key, "vi") in words
    for sector in settings.SECTORS:
        assert text(f"sector.{sector}", "vi") in words
    assert "Natural Earth" in words
    assert "GPL-3.0" in words
    assert "Lập ngày" in words


def test_fonts_are_embedded_and_vietnamese_round_trips(tmp_path: Path) -> None:
    from paper.page import new_figure, save

    figure = new_figure(page_size("pdf"))
    figure.text(0.1, 0.5, DIACRITICS)
    out = tmp_path / "d.pdf"
    out.write_bytes(save(figure, "pdf"))
    assert DIACRITICS in pdf_text(out)
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    rows = [line for line in fonts.splitlines()[2:] if line.strip()]
    assert rows
    assert all("TrueType" in row and " yes yes " in row for row in rows)


def test_svg_keeps_text_as_text(tmp_path: Path) -> None:
    out = export(tmp_path, "map", "--format", "svg", "--paper", "a3", "--lang", "vi")
    svg = out.read_text(encoding="utf-8")
    assert "Cầu Nghìn: 1.050" in svg
    assert "<text" in svg
    assert 'width="1190.55' in svg  # A3 landscape, points


def test_the_whole_province_is_inside_the_map_frame(plan: Plan) -> None:
    view = build_view(plan, Filters())
    figure = map_figure(plan, view, Filters(), "vi", page_size("pdf"))
    ax = figure.axes[0]
    west, south, east, north = province_bounds(plan)
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    assert x0 < west
    assert east < x1
    assert y0 < south
    assert north < y1
    box = ax.get_position()
    assert box.x0 >= 0
    assert box.x1 <= 1
    assert box.y0 >= 0
    assert box.y1 <= 1
    # Not distorted: a metre is as long across as up.
    width_in = box.width * figure.get_figwidth()
    height_in = box.height * figure.get_figheight()
    assert (x1 - x0) / width_in == pytest.approx((y1 - y0) / height_in, rel=1e-6)


def test_png_for_a_slide_is_1920_by_1080_not_blank_and_fast(tmp_path: Path) -> None:
    # CPU time of this process: the 2-core machine is shared, and under other people's load
    # the wall clock measured 3-4x the work (a pack took 43 s of wall time, 7 s alone).
    started = time.process_time()
    out = export(tmp_path, "map", "--format", "png", "--lang", "en")
    elapsed = time.process_time() - started
    assert elapsed < 5.0
    image = Image.open(out).convert("RGB")
    assert image.size == (1920, 1080)
    pixels = np.asarray(image)
    # The map frame: left 1.5-70.5 % of the width, 13-89 % of the height from the bottom.
    frame = pixels[int(1080 * 0.12) : int(1080 * 0.86), int(1920 * 0.02) : int(1920 * 0.70)]
    colours = {tuple(c) for c in frame.reshape(-1, 3)[::7]}
    assert len(colours) > 200
    white = (frame > 245).all(axis=2).mean()
    assert white < 0.2
    # Textiles' green (#009E73) markers are there.
    green = (np.abs(frame.astype(int) - (0, 158, 115)).sum(axis=2) < 40).sum()
    assert green > 50


def test_png_at_a_print_resolution(tmp_path: Path) -> None:
    out = export(tmp_path, "map", "--format", "png", "--paper", "a4", "--dpi", "100")
    assert Image.open(out).size == (1169, 826)


def test_zone_sheet_lists_the_projects_and_the_allocation_of_the_zone_load_view(
    tmp_path: Path, plan: Plan
) -> None:
    for policy in ("split", "full"):
        out = export(
            tmp_path,
            "zone-sheet",
            "--zone",
            "kcn-cau-nghin",
            "--format",
            "pdf",
            "--lang",
            "vi",
            "--policy",
            policy,
        )
        assert pdf_info(out)["Pages"] == "1"
        assert pdf_info(out)["Page size"].startswith("595.276 x 841.89 pts (A4)")
        words = pdf_text(out)
        allocation = allocate(plan.projects, policy)
        mine = allocation[(allocation["zone_id"] == "kcn-cau-nghin") & (allocation["share"] > 0)]
        assert mine["project_id"].nunique() == 4
        names = plan.projects.set_index("project_id").loc[mine["project_id"], "name_vi"]
        for name in names:
            assert " ".join(name.split()) in words
        load = zone_load(allocation, plan.zones, plan_total=plan.total_capital).set_index("zone_id")
        total = float(load.loc["kcn-cau-nghin", "capital_bn_vnd"])
        assert total == (1050.0 if policy == "split" else 1650.0)
        assert f"Tổng: {number(total, 'vi')} tỷ đồng" in words
        assert "KCN Cầu Nghìn" in words
        assert "mang tính minh họa" in words
        # Electronics 2016–2020 is one of the plan's own mismatches, and a project here.
        assert "Điện tử – tin học, 2016–2020: tổng in 1.580 tỷ đồng" in words


def test_briefing_packs_in_both_languages(tmp_path: Path) -> None:
    started = time.process_time()
    outs = {
        lang: export(tmp_path / lang, "briefing", "--format", "pdf", "--lang", lang) for lang in ("vi", "en")
    }
    assert time.process_time() - started < 30.0
    assert page_count() == 11
    for lang, out in outs.items():
        assert pdf_info(out)["Pages"] == str(page_count())
        words = pdf_text(out)
        for key in ("load.title", "paper.targets_growth", "findings.title", "paper.sources_title"):
            assert text(key, lang) in words
        for sector in settings.SECTORS:
            assert f"{text('title', lang)} · {text(f'sector.{sector}', lang)}" in words
    assert "Sông Trà (TBS): 24.180" in pdf_text(outs["vi"])
    assert "Sông Trà (TBS): 24,180" in pdf_text(outs["en"])


def test_briefing_reports_progress_page_by_page(plan: Plan) -> None:
    seen: list[tuple[int, int]] = []
    render_briefing(plan, "en", progress=lambda done, total: seen.append((done, total)))
    assert seen == [(i, page_count()) for i in range(1, page_count() + 1)]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["zone-sheet", "--format", "pdf"], "needs --zone"),
        (["briefing", "--format", "png"], "writes --format pdf"),
        (["projects", "--format", "svg"], "writes a table or layer"),
        (["map", "--format", "png", "--size", "big"], "WIDTHxHEIGHT"),
    ],
)
def test_command_line_refuses_what_it_cannot_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.run(["export", *args, "--out", str(tmp_path / "x")])
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_unknown_zone_is_named_with_the_known_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        cli.run(
            ["export", "zone-sheet", "--zone", "kcn-nowhere", "--format", "pdf", "--out", str(tmp_path / "x")]
        )
        == 1
    )
    err = capsys.readouterr().err
    assert "kcn-nowhere" in err
    assert "kcn-cau-nghin" in err


def test_labels_on_the_printed_map_never_overlap(plan: Plan) -> None:
    for filters in (Filters(), Filters(phases=["2021-2025"]), Filters(sectors=["textiles"])):
        view = build_view(plan, filters)
        figure = map_figure(plan, view, filters, "en", page_size("png"))
        boxes = draw_map(figure.axes[0], plan, view, "en")
        placed = [b for b in boxes if b is not None]
        assert len(placed) >= int((view.load["capital_bn_vnd"] > 0).sum())
        for first, second in combinations(placed, 2):
            assert not first.overlaps(second)


@given(
    st.lists(
        st.tuples(st.floats(0, 500), st.floats(0, 300), st.floats(5, 120), st.floats(5, 30)),
        min_size=1,
        max_size=30,
    )
)
def test_placed_boxes_are_disjoint_and_inside_the_frame(
    items: list[tuple[float, float, float, float]],
) -> None:
    frame = Box(0, 0, 500, 300)
    boxes = place_boxes([(x, y) for x, y, _, _ in items], [(w, h) for _, _, w, h in items], frame, gap=1.0)
    placed = [b for b in boxes if b is not None]
    assert all(b.inside(frame) for b in placed)
    for first, second in combinations(placed, 2):
        assert not first.overlaps(second)
    for box, (_, _, w, h) in zip(boxes, items, strict=True):
        if box is not None:
            assert box.x1 - box.x0 == pytest.approx(w)
            assert box.y1 - box.y0 == pytest.approx(h)


def _app(**params: str) -> AppTest:
    at = AppTest.from_file(str(settings.ROOT / "app.py"), default_timeout=60)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, at.exception
    return at


def test_app_offers_the_map_on_paper_the_zone_sheet_and_the_briefing_pack() -> None:
    labels = [b.label for b in _app(page="data", lang="en").get("download_button")]
    assert {"Printable map · PDF", "Printable map · PNG", "Printable map · SVG"} <= set(labels)
    labels = [b.label for b in _app(zone="kcn-cau-nghin").get("download_button")]
    assert "Hồ sơ khu (PDF)" in labels
    at = _app(mode="present", lang="en")
    assert "Briefing pack (PDF)" not in [b.label for b in at.get("download_button")]
    next(b for b in at.button if b.label == "Briefing pack").click().run()
    assert not at.exception, at.exception
    assert "Briefing pack (PDF)" in [b.label for b in at.get("download_button")]

"""Every text shown to users, one catalogue per language, and number formats."""

from __future__ import annotations

from functools import cache
from typing import Final

from babel import Locale
from babel.numbers import NumberPattern, get_decimal_symbol, get_group_symbol, parse_pattern

from layers.uploadhelp import upload_columns

LANGUAGES: Final[tuple[str, ...]] = ("vi", "en")
#: BCP 47 locale of each language, for number formats (Babel here, the browser's in charts).
LOCALES: Final[dict[str, str]] = {"vi": "vi-VN", "en": "en-US"}
LANGUAGE_NAMES: Final[dict[str, str]] = {"vi": "Tiếng Việt", "en": "English"}

CATALOGUE: Final[dict[str, dict[str, str]]] = {
    "vi": {
        "title": "Quy hoạch công nghiệp hỗ trợ tỉnh Thái Bình 2016–2025",
        "subtitle": "Dự án ưu tiên đầu tư, vị trí và vốn theo khu (QĐ phê duyệt quy hoạch, 2016)",
        "language": "Ngôn ngữ",
        "filters": "Bộ lọc",
        "sector": "Ngành",
        "phase": "Giai đoạn",
        "zone": "Khu",
        "all_zones": "Tất cả các khu",
        "all": "Tất cả",
        "capital_range": "Vốn đầu tư (tỷ đồng)",
        "search": "Tìm theo tên dự án hoặc địa điểm",
        "policy": "Cách phân bổ vốn dự án nhiều địa điểm",
        "policy_help": (
            "Chia đều: vốn chia đều cho các địa điểm (tổng bằng quy hoạch). "
            "Toàn bộ: mỗi địa điểm nhận đủ vốn (mức tối đa mỗi khu có thể gánh). "
            "Địa điểm đầu: toàn bộ vốn cho địa điểm nêu đầu tiên."
        ),
        "policy.split": "Chia đều",
        "policy.full": "Toàn bộ (mức tối đa)",
        "policy.first": "Địa điểm đầu tiên",
        "sector.mechanical": "Cơ khí",
        "sector.electronics": "Điện tử – tin học",
        "sector.textiles": "Dệt may – da giày",
        "sector.ceramics": "Sứ vệ sinh",
        "phase.2016-2020": "2016–2020",
        "phase.2021-2025": "2021–2025",
        "kind.province": "Tỉnh",
        "kind.district": "Huyện/thành phố (trước 2025)",
        "kind.coastal_zone": "Vùng ven biển",
        "kind.cluster_area": "Cụm công nghiệp các huyện",
        "kind.park": "Khu công nghiệp",
        "precision.surveyed": "ranh giới đo đạc",
        "precision.official": "ranh giới hành chính",
        "precision.indicative": "mang tính minh họa (không phải ranh giới đo đạc)",
        "precision.unspecified": "địa điểm chưa xác định",
        "placement.park": "trong khu công nghiệp được nêu tên (vị trí trong khu là minh họa)",
        "placement.area": "địa điểm chưa xác định: bất kỳ đâu trong vùng",
        "placement.point": "tọa độ do người dùng cung cấp",
        "metric.projects": "Dự án hiển thị",
        "metric.capital": "Vốn hiển thị",
        "metric.share": "{share} tổng vốn quy hoạch",
        "metric.zones": "Khu có dự án",
        "unit.bn_vnd": "tỷ đồng",
        "unit.per_ha": "tỷ đồng/ha",
        "field.capital": "Vốn đầu tư",
        "field.sector": "Ngành",
        "field.phase": "Giai đoạn",
        "field.site": "Địa điểm (theo quy hoạch)",
        "field.site_printed": "Bản in gốc",
        "field.placement": "Vị trí điểm",
        "field.notes": "Công suất / ghi chú",
        "field.plants": "Số nhà máy",
        "field.kind": "Loại",
        "field.district": "Huyện (trước 2025)",
        "field.area": "Diện tích",
        "field.developer": "Chủ đầu tư hạ tầng",
        "field.status": "Tình trạng",
        "field.precision": "Độ chính xác hình",
        "field.confidence": "Độ tin cậy vị trí",
        "field.method": "Cách xác định",
        "field.sources": "Nguồn",
        "field.current_unit": "Đơn vị hành chính hiện nay",
        "field.capital_per_ha": "Vốn trên mỗi ha",
        "field.projects": "Số dự án",
        "field.share": "Tỷ lệ vốn",
        "field.allocated": "Vốn phân bổ",
        "legend.title": "Chú giải",
        "legend.sectors": "Ngành (màu điểm)",
        "legend.phase_1": "2016–2020: điểm đặc",
        "legend.phase_2": "2021–2025: điểm rỗng",
        "legend.site_park": "Trong KCN được nêu tên",
        "legend.site_area": "Địa điểm chưa xác định",
        "legend.capital": "Vốn phân bổ cho khu (tỷ đồng)",
        "legend.zone_indicative": "Hình minh họa, không phải ranh giới đo đạc",
        "legend.zone_unspecified": "Vùng chưa xác định địa điểm",
        "legend.zone_surveyed": "Ranh giới đo đạc / hành chính",
        "layer.basemap": "Nền bản đồ ngoại tuyến",
        "layer.zones": "Khu và vốn phân bổ",
        "layer.labels": "Nhãn vốn theo khu",
        "layer.sites": "Dự án",
        "layer.osm": "OpenStreetMap (cần Internet)",
        "layer.light": "Nền xám nhạt Esri (cần Internet)",
        "layer.imagery": "Ảnh vệ tinh Esri (cần Internet)",
        "panel.title": "Thông tin khu",
        "panel.projects": "Dự án trong khu",
        "panel.by_sector_phase": "Vốn theo ngành và giai đoạn (tỷ đồng)",
        "panel.none": "Nhấp vào một khu trên bản đồ hoặc chọn khu ở thanh bên để xem chi tiết.",
        "panel.no_projects": "Không có dự án nào phù hợp bộ lọc trong khu này.",
        "panel.close": "Đóng",
        "empty": "Không có dự án nào phù hợp bộ lọc.",
        "error.data": "Dữ liệu quy hoạch có lỗi; bản đồ không thể hiển thị cho đến khi sửa:",
        "note.merger": (
            "Từ 1/7/2025 tỉnh Thái Bình sáp nhập vào tỉnh Hưng Yên và cấp huyện bị bãi bỏ; "
            "địa danh trên bản đồ là địa danh năm 2016."
        ),
        "note.indicative": (
            "Ranh giới các KCN là hình minh họa có diện tích theo số liệu công bố, đặt tại vị trí "
            "ước lượng; không phải ranh giới đo đạc."
        ),
        "total": "Tổng",
        "tab.map": "Bản đồ",
        "tab.load": "Vốn theo khu",
        "tab.targets": "Mục tiêu",
        "tab.data": "Dữ liệu và nguồn",
        "load.title": "Vốn phân bổ theo khu",
        "load.explain.split": (
            "Đang dùng cách chia đều: dự án nêu nhiều địa điểm được chia đều vốn, nên tổng "
            "các khu bằng tổng vốn dự án."
        ),
        "load.explain.full": (
            "Đang dùng cách toàn bộ: mỗi địa điểm nêu tên nhận đủ vốn của dự án, nên mỗi khu "
            "thấy mức tối đa có thể phải gánh và tổng các khu lớn hơn tổng vốn dự án."
        ),
        "load.explain.first": (
            "Đang dùng cách địa điểm đầu tiên: toàn bộ vốn tính cho địa điểm nêu đầu tiên."
        ),
        "load.chart": "Vốn theo khu và ngành (tỷ đồng)",
        "col.zone": "Khu",
        "col.kind": "Loại",
        "col.capital": "Vốn (tỷ đồng)",
        "col.usd": "Vốn (triệu USD)",
        "col.projects": "Số dự án",
        "col.area": "Diện tích (ha)",
        "col.per_ha": "Tỷ đồng/ha",
        "col.share": "Tỷ lệ tổng quy hoạch (%)",
        "col.precision": "Độ chính xác",
        "col.sector": "Ngành",
        "col.phase": "Giai đoạn",
        "col.name": "Tên dự án",
        "col.site_printed": "Địa điểm (bản in)",
        "col.site_read": "Địa điểm (đọc lại)",
        "col.zones": "Khu",
        "col.value_2020": "GTSX 2020 (tỷ đồng)",
        "col.ratio_2020": "Gấp lần 2015",
        "col.implied_2015": "GTSX 2015 suy ra (tỷ đồng)",
        "col.value_2025": "GTSX 2025 (tỷ đồng)",
        "col.ratio_2025": "Gấp lần 2020",
        "col.growth_1520": "Tăng bình quân 2015–2020 (%/năm)",
        "col.growth_2025": "Tăng bình quân 2020–2025 (%/năm)",
        "col.check": "Kiểm tra",
        "col.source": "Nguồn",
        "col.licence": "Giấy phép",
        "col.date": "Thời điểm",
        "col.current_unit": "Đơn vị hiện nay",
        "targets.title": "Mục tiêu giá trị sản xuất (giá so sánh 2010)",
        "targets.note": (
            "Số năm 2015 và tốc độ tăng bình quân được suy ra từ số in trong quy hoạch, "
            "không phải số thống kê."
        ),
        "targets.chart": "Giá trị sản xuất theo ngành (tỷ đồng)",
        "check.ok": "khớp",
        "check.bad": "không khớp: {message}",
        "findings.title": "Điểm không khớp trong chính văn bản quy hoạch",
        "findings.subtotal": (
            "{sector}, {phase}: tổng in {printed} tỷ đồng; cộng các dự án được {computed} ({difference})."
        ),
        "findings.target": (
            "{sector}: mục tiêu 2025 in {printed} tỷ đồng; {base} × {ratio} = {computed} ({difference})."
        ),
        "findings.none": "Không có điểm không khớp.",
        "data.projects": "Danh mục dự án ưu tiên",
        "data.search": "Lọc bảng",
        "data.geometry": "Nguồn, giấy phép và độ chính xác của từng hình",
        "data.admin": "Thay đổi hành chính năm 2025",
        "data.admin_text": (
            "Từ 1/7/2025, theo Nghị quyết của Quốc hội về sắp xếp đơn vị hành chính cấp tỉnh, "
            "tỉnh Thái Bình sáp nhập vào tỉnh Hưng Yên; cấp huyện bị bãi bỏ và xã, phường được "
            "sắp xếp lại. Các khu trong quy hoạch nay thuộc tỉnh Hưng Yên; xã/phường mới được "
            "ghi khi biết."
        ),
        "downloads": "Tải về (theo bộ lọc)",
        "download.projects": "Dự án",
        "download.zone_load": "Vốn theo khu",
        "download.sites": "Điểm dự án",
        "download.map": "Bản đồ HTML dùng ngoại tuyến",
        "usd.rate": "Tỷ giá (đồng/USD)",
        "usd.note": (
            "Mặc định 22.300 đồng/USD: tỷ giá xấp xỉ tháng 7/2016, khi quy hoạch được phê duyệt. "
            "Đổi theo tỷ giá bạn dùng."
        ),
        "usd.value": "≈ {value} triệu USD",
        "present.next": "Giai đoạn tiếp",
        "present.both": "Cả hai giai đoạn",
        "present.exit": "Thoát chế độ trình chiếu",
        "present.enter": "Chế độ trình chiếu",
        "note.grouped": (
            "{count} điểm: khi thu nhỏ (dưới mức zoom {zoom}) các điểm được gộp theo ô lưới; "
            "phóng to để xem từng điểm trong khung nhìn."
        ),
        "upload.title": "Dữ liệu của bạn (chỉ trong phiên này)",
        "upload.zones": "Ranh giới khu (GeoJSON, GeoPackage, shapefile nén .zip, FlatGeobuf)",
        "upload.sites": "Điểm dự án (lớp điểm, hoặc CSV/XLSX có lon, lat)",
        "upload.projects": "Danh mục dự án (CSV UTF-8 hoặc XLSX)",
        "upload.help": (
            "Khu cùng mã thay khu có sẵn (ví dụ ranh giới đo đạc của một KCN); điểm thay điểm "
            "của các dự án được nêu; danh mục thay toàn bộ danh mục. Mọi hệ tọa độ đều được "
            "chuyển đổi. Dữ liệu đi kèm không bị thay đổi."
        ),
        "upload.problems": "{count} lỗi trong tệp của bạn:",
        "upload.using": (
            "Đang dùng tệp của bạn ({kinds}): bản đồ có {projects} dự án, {zones} khu, "
            "{sites} điểm. Dữ liệu đi kèm không thay đổi."
        ),
        "upload.failed": "Không đọc được tệp: {error}",
        # A visit never breaks (ui/state, app.py)
        "error.part": (
            "Phần này của trang gặp lỗi nội bộ và tạm không hiển thị; phần còn lại vẫn dùng được. "
            "Mã tham chiếu: {ref}"
        ),
        # Pages on any data set, capped tables (wip-pages)
        "cap.rows": (
            "Đang hiển thị {shown} trên {total} dòng; {hidden} dòng không hiển thị. "
            "Thu hẹp bộ lọc, hoặc tải dữ liệu về để xem tất cả."
        ),
        "cap.chart": "Biểu đồ chỉ vẽ {shown} khu có vốn lớn nhất trên tổng số {total} khu.",
        "targets.none": "Bộ dữ liệu này không có mục tiêu giá trị sản xuất (không có tệp targets.csv).",
        # context layer, distances, honest positions (issue 12)
        "layer.context": "Sông, bờ biển, tỉnh lân cận, địa danh",
        "legend.context": "Xung quanh",
        "legend.sea": "Biển",
        "legend.river": "Sông (tên các sông chính)",
        "legend.neighbour": "Ranh giới tỉnh lân cận (sơ lược)",
        "legend.place": "Địa danh tham chiếu",
        "note.tiles_failed": (
            "Không tải được nền bản đồ trực tuyến (cần Internet); bản đồ vẫn dùng nền ngoại tuyến."
        ),
        "legend.area_group": "Dự án chưa có địa điểm: số dự án và vốn của vùng",
        "legend.halo": "Vùng sai số vị trí KCN (±)",
        "area.projects": "{count} dự án chưa xác định địa điểm",
        "field.distances": "Khoảng cách đường thẳng (km)",
        "place.noi_bai": "Sân bay Nội Bài",
        "place.hai_phong_port": "Cảng Hải Phòng",
        "place.ha_noi": "Hà Nội",
        "place.thai_binh_city": "TP Thái Bình",
        "place.coast": "bờ biển",
        "col.km_to": "km đường thẳng tới {place}",
        # an area symbol's project: its share under the policy, of its whole capital
        "area.share_of": "{share} (phần được phân bổ, trên tổng {whole})",
        # the user's own context layer (issue 12, item 5)
        "layer.own_context": "Lớp của bạn: {name}",
        "panel.list_unit": "Vốn phân bổ cho khu (tỷ đồng) · dự án · ngành · giai đoạn",
        "upload.context": (
            "Lớp bối cảnh của bạn (đường, bản đồ quy hoạch, thửa đất…: GeoJSON, GPKG, FGB, shapefile nén zip)"
        ),
        "upload.context_used": "Đã vẽ {count} đối tượng của {name} dưới các khu.",
        "upload.context_problems": "Không vẽ được lớp {name}:",
        # Paper: printed maps, zone sheets and the briefing pack (paper/, ui/paper.py).
        "paper.made": "Lập ngày {date}",
        "paper.north": "B",
        "paper.locator": "Vị trí tỉnh Thái Bình ở miền Bắc Việt Nam",
        "paper.sources": (
            "Nguồn: Quyết định phê duyệt Quy hoạch phát triển công nghiệp hỗ trợ tỉnh Thái Bình "
            "2016–2025 (UBND tỉnh, 2016); ranh giới: {boundaries}; KCN: số liệu tổng hợp cho dự án "
            "này; bản đồ định vị: Natural Earth (phạm vi công cộng)."
        ),
        "paper.policy": "Phân bổ vốn: {policy}",
        "paper.zone_sheet": "Hồ sơ khu",
        "paper.facts": "Thông tin khu",
        "paper.share_allocated": "Phần vốn phân bổ",
        "paper.findings_zone": "Điểm không khớp của quy hoạch liên quan đến khu này",
        "paper.briefing": "Tài liệu tóm tắt",
        "paper.overview": "Toàn bộ dự án",
        "paper.targets_growth": "Mục tiêu và tốc độ tăng suy ra",
        "paper.sources_title": "Nguồn và giấy phép",
        "paper.no_findings": "Không có điểm không khớp liên quan.",
        "paper.download_map": "Bản đồ in",
        "paper.download_sheet": "Hồ sơ khu (PDF)",
        "paper.download_briefing": "Tài liệu tóm tắt (PDF)",
        "paper.making": "Đang tạo trang {page}/{pages}…",
        # Plan monitoring (issue 15): ui/monitoring.py, layers/monitoring.py
        "mon.title": "Theo dõi thực hiện",
        "mon.as_of": "Tính đến ngày",
        "mon.status.not_started": "Chưa triển khai",
        "mon.status.investor_found": "Đã có nhà đầu tư",
        "mon.status.licensed": "Đã cấp phép đầu tư",
        "mon.status.under_construction": "Đang xây dựng",
        "mon.status.operating": "Đang hoạt động",
        "mon.status.suspended": "Tạm dừng",
        "mon.status.dropped": "Đã hủy bỏ",
        "mon.recorded": "Dự án có bản ghi",
        "mon.operating": "Đang hoạt động",
        "mon.registered": "Vốn đăng ký",
        "mon.disbursed": "Vốn giải ngân",
        "mon.of_plan": "{share} so với quy hoạch",
        "mon.none_yet": "Chưa có bản ghi theo dõi nào tính đến {date}.",
        "mon.load.title": "Quy hoạch và thực hiện theo khu (tính đến {date})",
        "mon.load.explain": (
            "Vốn quy hoạch theo cách phân bổ đang chọn, cạnh vốn đăng ký và giải ngân theo bản "
            "ghi mới nhất của từng dự án tính đến ngày đã chọn, tại khu thực tế của dự án."
        ),
        "mon.col.plan": "Vốn quy hoạch (tỷ đồng)",
        "mon.col.planned": "Dự án quy hoạch",
        "mon.col.recorded": "Dự án có bản ghi",
        "mon.col.registered": "Vốn đăng ký (tỷ đồng)",
        "mon.col.disbursed": "Vốn giải ngân (tỷ đồng)",
        "mon.col.disbursed_share": "Giải ngân / quy hoạch (%)",
        "mon.history": "Lịch sử theo dõi",
        "mon.history.none": "Chưa có bản ghi cho các dự án của khu này.",
        "mon.field.status": "Tình trạng",
        "mon.field.as_of": "Tính đến",
        "mon.field.investor": "Nhà đầu tư",
        "mon.field.zone": "Khu thực tế",
        "mon.field.registered": "Vốn đăng ký (tỷ đồng)",
        "mon.field.disbursed": "Vốn giải ngân (tỷ đồng)",
        "mon.field.source": "Nguồn (số văn bản, tên hoặc đường dẫn)",
        "mon.field.note": "Ghi chú",
        "mon.field.by": "Người ghi",
        "mon.field.lon": "Kinh độ (không bắt buộc)",
        "mon.field.lat": "Vĩ độ (không bắt buộc)",
        "mon.field.project": "Dự án",
        "mon.same_zone": "(khu quy hoạch)",
        "mon.edit.title": "Ghi nhận tình trạng dự án",
        "mon.edit.save": "Lưu bản ghi mới",
        "mon.edit.saved": "Đã lưu bản ghi {id}.",
        "mon.edit.latest": "Bản ghi mới nhất bạn đang ghi tiếp: {id}",
        "mon.edit.first": "Dự án chưa có bản ghi nào.",
        "mon.edit.conflict": "Chưa lưu: {message}",
        "mon.edit.theirs": "Bản đã được lưu",
        "mon.edit.yours": "Bản của bạn (chưa lưu)",
        "mon.edit.again": "Xem lại rồi bấm lưu để ghi bản của bạn sau bản kia.",
        "mon.edit.problems": "Chưa lưu, cần sửa:",
        "mon.signin.title": "Đăng nhập biên tập",
        "mon.signin.name": "Tên người dùng",
        "mon.signin.password": "Mật khẩu",
        "mon.signin.submit": "Đăng nhập",
        "mon.signin.failed": "Tên hoặc mật khẩu không đúng.",
        "mon.signin.as": "Đã đăng nhập: {name} ({role})",
        "mon.signin.out": "Đăng xuất",
        "mon.signin.expired": "Phiên đăng nhập đã hết hạn; hãy đăng nhập lại.",
        "mon.readonly": "Xem công khai, chỉ đọc. Người biên tập đăng nhập để ghi nhận.",
        "mon.downloads": "Tải các bản ghi theo dõi (toàn bộ lịch sử)",
        "mon.moved": "Dự án thực hiện ngoài khu quy hoạch",
        "mon.moved.tip": "{project}: quy hoạch tại {planned}, thực hiện tại {actual}",
        "mon.zone_unknown": "(chưa ghi khu; dự án có nhiều địa điểm)",
        "mon.unavailable": (
            "Không kết nối được cơ sở dữ liệu theo dõi; bản đồ và số liệu quy hoạch vẫn dùng được."
        ),
        # Right on the users' own data (issue 10): notices, nothing used, internal errors
        "upload.notices": "Cách đọc tệp của bạn (hãy kiểm tra):",
        "upload.unused": ("Không phần nào trong tệp của bạn dùng được; bản đồ vẫn hiển thị dữ liệu đi kèm."),
        "upload.kind.projects": "danh mục dự án",
        "upload.kind.zones": "ranh giới khu",
        "upload.kind.sites": "điểm dự án",
        "upload.internal": (
            "Chương trình gặp lỗi nội bộ khi đọc tệp của bạn. Đây không phải lỗi của tệp: "
            "tệp của bạn chưa được dùng, không có gì bị mất, và bản đồ đang hiển thị dữ liệu "
            "đi kèm. Mã tham chiếu (gửi cho người quản trị): {ref}"
        ),
        # layout: the zone load's second and third tables
        "load.by_sector": "Vốn theo ngành và giai đoạn (tỷ đồng)",
        "load.distances": "Khoảng cách đường thẳng (km)",
        # downloads (issue 11, item 6): headers, sheet names and totals of the CSV/XLSX files
        "dl.col.vi_twin": "tiếng Việt",
        "dl.sheet.projects": "Dự án",
        "dl.sheet.zone-load": "Vốn theo khu",
        "dl.sheet.sites": "Điểm dự án",
        "dl.sheet.zones": "Khu",
        "dl.sheet.ids": "Mã cột",
        "dl.ids.header": "Tiêu đề cột",
        "dl.ids.id": "Mã cột (cho chương trình)",
        "dl.total.projects": "Tổng ({count} dự án)",
        "dl.total.zone-load": "Tổng {count} dự án hiển thị (mỗi dự án tính một lần)",
        "dl.col.project_id": "Mã dự án",
        "dl.col.sector": "Ngành",
        "dl.col.phase": "Giai đoạn",
        "dl.col.printed_no": "Số thứ tự (bản in)",
        "dl.col.name_vi_printed": "Tên dự án (như bản in)",
        "dl.col.name_vi": "Tên dự án (tiếng Việt)",
        "dl.col.name_en": "Tên dự án (tiếng Anh)",
        "dl.col.capital_printed": "Vốn như bản in (dạng chữ)",
        "dl.col.capital_bn_vnd": "Vốn (tỷ đồng)",
        "dl.col.site_printed": "Địa điểm (như bản in)",
        "dl.col.site_vi": "Địa điểm (tiếng Việt)",
        "dl.col.site_en": "Địa điểm (tiếng Anh)",
        "dl.col.site_zone_ids": "Mã các khu",
        "dl.col.site_mode": "Cách nêu địa điểm",
        "dl.col.notes_vi": "Công suất / ghi chú (tiếng Việt)",
        "dl.col.notes_en": "Công suất / ghi chú (tiếng Anh)",
        "dl.col.plants": "Số nhà máy",
        "dl.col.zone_id": "Mã khu",
        "dl.col.zone_name_vi": "Tên khu (tiếng Việt)",
        "dl.col.zone_name_en": "Tên khu (tiếng Anh)",
        "dl.col.kind": "Loại khu",
        "dl.col.precision": "Độ chính xác hình",
        "dl.col.area_ha": "Diện tích (ha)",
        "dl.col.projects": "Số dự án",
        "dl.col.capital_per_ha": "Vốn trên mỗi ha (tỷ đồng/ha)",
        "dl.col.share_of_plan": "Tỷ lệ tổng vốn quy hoạch (%)",
        "dl.col.capital_cell": "Vốn {sector} {phase} (tỷ đồng)",
        "dl.col.site_id": "Mã điểm",
        "dl.col.site_order": "Thứ tự địa điểm",
        "dl.col.placement": "Vị trí điểm",
        "dl.col.district_id": "Mã huyện",
        "dl.col.allocated_bn_vnd": "Vốn phân bổ cho điểm (tỷ đồng)",
        "dl.col.lon": "Kinh độ",
        "dl.col.lat": "Vĩ độ",
        "dl.col.plan_label": "Tên trong quy hoạch",
        "dl.col.in_plan": "Có trong quy hoạch",
        "dl.col.area_source": "Nguồn số liệu diện tích",
        "dl.col.developer": "Chủ đầu tư hạ tầng",
        "dl.col.established": "Thành lập",
        "dl.col.status": "Tình trạng",
        "dl.col.location_confidence": "Độ tin cậy vị trí",
        "dl.col.location_method": "Cách xác định vị trí",
        "dl.col.commune_2025": "Xã/phường (từ 2025)",
        "dl.col.current_unit": "Đơn vị hành chính hiện nay",
        "dl.col.source": "Nguồn hình",
        "dl.col.licence": "Giấy phép",
        "dl.col.source_date": "Thời điểm của nguồn",
        "dl.col.sources": "Các nguồn tham khảo",
        "dl.col.area_ha_computed": "Diện tích tính từ hình (ha)",
        "dl.mode.single": "một địa điểm",
        "dl.mode.joint": "nhiều địa điểm cùng lúc",
        "dl.mode.alternatives": "một trong các địa điểm",
        "dl.raw": "Tiêu đề là mã cột (cho chương trình, để tải lên lại)",
        "dl.raw_help": (
            "Tắt: CSV/XLSX có tiêu đề và chữ bằng ngôn ngữ đang chọn, định dạng số, dòng tổng. "
            "Bật: tiêu đề là mã cột (project_id, capital_bn_vnd), giá trị như lưu trữ; "
            "tệp này tải lên lại được và dùng được trong chương trình."
        ),
        # Vietnamese everywhere, consistency (issue 11, items 5 and 7)
        "confidence.high": "cao",
        "confidence.medium": "trung bình",
        "confidence.medium-low": "trung bình – thấp",
        "confidence.low": "thấp",
        "per_ha.none": "— (chỉ tính cho KCN: vùng này là cả một huyện trở lên, không phải đất công nghiệp)",
        "per_ha.note": (
            "Vốn trên mỗi ha chỉ tính cho KCN (diện tích ghi nhận) và khu có ranh giới đo đạc; "
            "với huyện, vùng ven biển hay cả tỉnh, con số sẽ chia vốn cho cả đồng ruộng và thị "
            "trấn nên chỉ ghi dấu gạch."
        ),
        "data.following": "{shown} trên {total} dự án, theo bộ lọc ở thanh bên.",
        "chart.year": "Năm",
        "chart.value": "Giá trị sản xuất (tỷ đồng)",
        "page.choose": "Trang",
        "usd.rate_bad": (
            "Không đọc được tỷ giá: cần một số từ {low} đến {high} đồng/USD, ví dụ 22.300. Vẫn dùng {rate}."
        ),
        # headline: a chosen zone's share of the capital shown
        "metric.zone_share": (
            "{zone} nhận {allocated} trong {shown} này theo cách phân bổ đang chọn "
            "(các dự án hiển thị còn có địa điểm ở nơi khác)"
        ),
    },
    "en": {
        "title": "Thái Bình Supporting Industry Plan 2016–2025",
        "subtitle": "Priority investment projects, their sites and capital per zone (plan decision, 2016)",
        "language": "Language",
        "filters": "Filters",
        "sector": "Sector",
        "phase": "Phase",
        "zone": "Zone",
        "all_zones": "All zones",
        "all": "All",
        "capital_range": "Capital (billion VND)",
        "search": "Search project names or sites",
        "policy": "Capital of multi-site projects",
        "policy_help": (
            "Split: each candidate site gets an equal share (totals match the plan). "
            "Full: every candidate gets the whole amount (the most a zone may have to carry). "
            "First: the whole amount goes to the first site named."
        ),
        "policy.split": "Split equally",
        "policy.full": "Full amount (upper bound)",
        "policy.first": "First site named",
        "sector.mechanical": "Mechanical engineering",
        "sector.electronics": "Electronics & IT",
        "sector.textiles": "Textiles, garments & leather",
        "sector.ceramics": "Sanitary ceramics",
        "phase.2016-2020": "2016–2020",
        "phase.2021-2025": "2021–2025",
        "kind.province": "Province",
        "kind.district": "District (pre-2025)",
        "kind.coastal_zone": "Coastal zone",
        "kind.cluster_area": "District industrial clusters",
        "kind.park": "Industrial park",
        "precision.surveyed": "surveyed boundary",
        "precision.official": "administrative boundary",
        "precision.indicative": "indicative (not a surveyed boundary)",
        "precision.unspecified": "site not specified",
        "placement.park": "in the named industrial park (position inside it is indicative)",
        "placement.area": "site not specified: anywhere in the area",
        "placement.point": "coordinates supplied by the user",
        "metric.projects": "Projects shown",
        "metric.capital": "Capital shown",
        "metric.share": "{share} of the plan's total",
        "metric.zones": "Zones involved",
        "unit.bn_vnd": "bn VND",
        "unit.per_ha": "bn VND/ha",
        "field.capital": "Capital",
        "field.sector": "Sector",
        "field.phase": "Phase",
        "field.site": "Site (as in the plan)",
        "field.site_printed": "As printed",
        "field.placement": "Marker position",
        "field.notes": "Capacity / notes",
        "field.plants": "Plants",
        "field.kind": "Kind",
        "field.district": "District (pre-2025)",
        "field.area": "Area",
        "field.developer": "Developer",
        "field.status": "Status",
        "field.precision": "Shape precision",
        "field.confidence": "Location confidence",
        "field.method": "How it was placed",
        "field.sources": "Sources",
        "field.current_unit": "Current administrative unit",
        "field.capital_per_ha": "Capital per ha",
        "field.projects": "Projects",
        "field.share": "Share of capital",
        "field.allocated": "Allocated capital",
        "legend.title": "Legend",
        "legend.sectors": "Sector (marker colour)",
        "legend.phase_1": "2016–2020: filled marker",
        "legend.phase_2": "2021–2025: hollow marker",
        "legend.site_park": "In a named park",
        "legend.site_area": "Site not specified",
        "legend.capital": "Capital allocated to the zone (bn VND)",
        "legend.zone_indicative": "Indicative shape, not a surveyed boundary",
        "legend.zone_unspecified": "Area, site not specified",
        "legend.zone_surveyed": "Surveyed / administrative boundary",
        "layer.basemap": "Offline basemap",
        "layer.zones": "Zones and allocated capital",
        "layer.labels": "Capital labels",
        "layer.sites": "Projects",
        "layer.osm": "OpenStreetMap (needs internet)",
        "layer.light": "Esri light grey (needs internet)",
        "layer.imagery": "Esri imagery (needs internet)",
        "panel.title": "Zone details",
        "panel.projects": "Projects in this zone",
        "panel.by_sector_phase": "Capital by sector and phase (bn VND)",
        "panel.none": "Click a zone on the map, or pick one in the sidebar, to see its details.",
        "panel.no_projects": "No project in this zone matches the filters.",
        "panel.close": "Close",
        "empty": "No project matches the filters.",
        "error.data": "The plan data has problems; the map cannot be shown until they are fixed:",
        "note.merger": (
            "On 1 July 2025 Thái Bình province was merged into Hưng Yên and district-level units "
            "were abolished; place names on this map are the 2016 ones."
        ),
        "note.indicative": (
            "Park shapes are indicative discs of the recorded area at an estimated location, "
            "not surveyed boundaries."
        ),
        "total": "Total",
        "tab.map": "Map",
        "tab.load": "Zone load",
        "tab.targets": "Targets",
        "tab.data": "Data and sources",
        "load.title": "Capital allocated per zone",
        "load.explain.split": (
            "Policy split: a project naming several sites is shared equally among them, so the "
            "zones add up to the projects' capital."
        ),
        "load.explain.full": (
            "Policy full: every site named gets the project's whole capital, so each zone shows "
            "the most it may have to carry and the zones add up to more than the projects."
        ),
        "load.explain.first": "Policy first: the whole capital goes to the first site named.",
        "load.chart": "Capital by zone and sector (bn VND)",
        "col.zone": "Zone",
        "col.kind": "Kind",
        "col.capital": "Capital (bn VND)",
        "col.usd": "Capital (million USD)",
        "col.projects": "Projects",
        "col.area": "Area (ha)",
        "col.per_ha": "bn VND per ha",
        "col.share": "Share of the plan (%)",
        "col.precision": "Precision",
        "col.sector": "Sector",
        "col.phase": "Phase",
        "col.name": "Project",
        "col.site_printed": "Site (as printed)",
        "col.site_read": "Site (as read)",
        "col.zones": "Zones",
        "col.value_2020": "Output 2020 (bn VND)",
        "col.ratio_2020": "× 2015",
        "col.implied_2015": "Implied 2015 (bn VND)",
        "col.value_2025": "Output 2025 (bn VND)",
        "col.ratio_2025": "× 2020",
        "col.growth_1520": "Avg. growth 2015–2020 (%/yr)",
        "col.growth_2025": "Avg. growth 2020–2025 (%/yr)",
        "col.check": "Check",
        "col.source": "Source",
        "col.licence": "Licence",
        "col.date": "Date",
        "col.current_unit": "Current unit",
        "targets.title": "Production value targets (constant 2010 prices)",
        "targets.note": (
            "The 2015 values and the average growth rates are implied by the plan's printed "
            "figures, not statistics."
        ),
        "targets.chart": "Production value by sector (bn VND)",
        "check.ok": "consistent",
        "check.bad": "inconsistent: {message}",
        "findings.title": "Where the plan's own figures disagree",
        "findings.subtotal": (
            "{sector}, {phase}: printed {printed} bn VND; the rows add up to {computed} ({difference})."
        ),
        "findings.target": (
            "{sector}: the 2025 target is printed as {printed} bn VND; {base} × {ratio} = "
            "{computed} ({difference})."
        ),
        "findings.none": "No inconsistency found.",
        "data.projects": "Priority projects",
        "data.search": "Filter the table",
        "data.geometry": "Source, licence and precision of every shape",
        "data.admin": "The 2025 administrative change",
        "data.admin_text": (
            "Since 1 July 2025, under the National Assembly's resolution on reorganising "
            "provinces, Thái Bình province has been part of Hưng Yên province; district-level "
            "units were abolished and communes merged. The plan's zones are now in Hưng Yên; "
            "the new commune is given where known."
        ),
        "downloads": "Downloads (filtered view)",
        "download.projects": "Projects",
        "download.zone_load": "Zone load",
        "download.sites": "Project sites",
        "download.map": "Offline HTML map",
        "usd.rate": "Exchange rate (VND per USD)",
        "usd.note": (
            "Default 22,300 VND per USD: the approximate rate of July 2016, when the plan was "
            "approved. Change it to the rate you use."
        ),
        "usd.value": "≈ {value} million USD",
        "present.next": "Next phase",
        "present.both": "Both phases",
        "present.exit": "Leave briefing mode",
        "present.enter": "Briefing mode",
        "note.grouped": (
            "{count} sites: below zoom {zoom} they are grouped into grid cells; zoom in to see "
            "each site in view."
        ),
        "upload.title": "Your data (this session only)",
        "upload.zones": "Zone boundaries (GeoJSON, GeoPackage, zipped shapefile, FlatGeobuf)",
        "upload.sites": "Project sites (point layer, or CSV/XLSX with lon, lat)",
        "upload.projects": "Priority list (UTF-8 CSV or XLSX)",
        "upload.help": (
            "A zone replaces the bundled zone with the same id (e.g. a park's surveyed "
            "boundary); sites replace the sites of the projects they name; a list replaces "
            "the whole list. Any coordinate system is converted. The bundled data is unchanged."
        ),
        "upload.problems": "{count} problem(s) in your files:",
        "upload.using": (
            "Using your files ({kinds}): the map has {projects} projects, {zones} zones, "
            "{sites} sites. The bundled data is unchanged."
        ),
        "upload.failed": "Could not read the files: {error}",
        # A visit never breaks (ui/state, app.py)
        "error.part": (
            "This part of the page hit an internal error and is not shown; the rest still works. "
            "Reference: {ref}"
        ),
        # Pages on any data set, capped tables (wip-pages)
        "cap.rows": (
            "Showing {shown} of {total} rows; {hidden} are not shown. "
            "Narrow the filters, or download the data to see them all."
        ),
        "cap.chart": "The chart shows the {shown} zones with the most capital, of {total}.",
        "targets.none": "This data set has no production-value targets (no targets.csv).",
        # context layer, distances, honest positions (issue 12)
        "layer.context": "Rivers, coast, neighbouring provinces, places",
        "legend.context": "Around",
        "legend.sea": "Sea",
        "legend.river": "River (main rivers named)",
        "legend.neighbour": "Neighbouring province (coarse)",
        "legend.place": "Reference place",
        "note.tiles_failed": (
            "The online basemap could not load (it needs internet); the offline basemap is still shown."
        ),
        "legend.area_group": "Projects with no named site: count and capital of the area",
        "legend.halo": "Park location uncertainty (±)",
        "area.projects": "{count} projects, site not specified",
        "field.distances": "Straight-line distance (km)",
        "place.noi_bai": "Nội Bài airport",
        "place.hai_phong_port": "Port of Hải Phòng",
        "place.ha_noi": "Hà Nội",
        "place.thai_binh_city": "Thái Bình city",
        "place.coast": "coast",
        "col.km_to": "straight-line km to {place}",
        # an area symbol's project: its share under the policy, of its whole capital
        "area.share_of": "{share} (allocated share of {whole})",
        # the user's own context layer (issue 12, item 5)
        "layer.own_context": "Your layer: {name}",
        "panel.list_unit": "Capital allocated to the zone (bn VND) · project · sector · phase",
        "upload.context": (
            "Your own context layer (roads, a planning map, parcels…: GeoJSON, GPKG, FGB, zipped shapefile)"
        ),
        "upload.context_used": "{count} features of {name} drawn under the zones.",
        "upload.context_problems": "The layer {name} could not be drawn:",
        # Paper: printed maps, zone sheets and the briefing pack (paper/, ui/paper.py).
        "paper.made": "Made on {date}",
        "paper.north": "N",
        "paper.locator": "Thái Bình province in northern Viet Nam",
        "paper.sources": (
            "Sources: decision approving the Thái Bình Supporting Industry Development Plan "
            "2016–2025 (Provincial People's Committee, 2016); boundaries: {boundaries}; parks: facts "
            "compiled for this project; locator: Natural Earth (public domain)."
        ),
        "paper.policy": "Allocation: {policy}",
        "paper.zone_sheet": "Zone sheet",
        "paper.facts": "Zone facts",
        "paper.share_allocated": "Share allocated",
        "paper.findings_zone": "Where the plan's figures disagree, for this zone",
        "paper.briefing": "Briefing pack",
        "paper.overview": "All projects",
        "paper.targets_growth": "Targets and implied growth",
        "paper.sources_title": "Sources and licences",
        "paper.no_findings": "No related inconsistency.",
        "paper.download_map": "Printable map",
        "paper.download_sheet": "Zone sheet (PDF)",
        "paper.download_briefing": "Briefing pack (PDF)",
        "paper.making": "Making page {page} of {pages}…",
        # Plan monitoring (issue 15): ui/monitoring.py, layers/monitoring.py
        "mon.title": "Monitoring",
        "mon.as_of": "As of",
        "mon.status.not_started": "Not started",
        "mon.status.investor_found": "Investor found",
        "mon.status.licensed": "Investment licensed",
        "mon.status.under_construction": "Under construction",
        "mon.status.operating": "Operating",
        "mon.status.suspended": "Suspended",
        "mon.status.dropped": "Dropped",
        "mon.recorded": "Projects with records",
        "mon.operating": "Operating",
        "mon.registered": "Registered capital",
        "mon.disbursed": "Disbursed capital",
        "mon.of_plan": "{share} of the plan",
        "mon.none_yet": "No monitoring records as of {date} yet.",
        "mon.load.title": "Plan vs realised per zone (as of {date})",
        "mon.load.explain": (
            "Planned capital under the chosen policy, beside the capital registered and disbursed "
            "according to each project's latest record as of the chosen date, in its actual zone."
        ),
        "mon.col.plan": "Planned capital (bn VND)",
        "mon.col.planned": "Planned projects",
        "mon.col.recorded": "Projects with records",
        "mon.col.registered": "Registered (bn VND)",
        "mon.col.disbursed": "Disbursed (bn VND)",
        "mon.col.disbursed_share": "Disbursed / plan (%)",
        "mon.history": "Monitoring history",
        "mon.history.none": "No records yet for this zone's projects.",
        "mon.field.status": "Status",
        "mon.field.as_of": "As of",
        "mon.field.investor": "Investor",
        "mon.field.zone": "Actual zone",
        "mon.field.registered": "Registered capital (bn VND)",
        "mon.field.disbursed": "Disbursed capital (bn VND)",
        "mon.field.source": "Source (document number, title or link)",
        "mon.field.note": "Note",
        "mon.field.by": "Recorded by",
        "mon.field.lon": "Longitude (optional)",
        "mon.field.lat": "Latitude (optional)",
        "mon.field.project": "Project",
        "mon.same_zone": "(planned zone)",
        "mon.edit.title": "Record a project's status",
        "mon.edit.save": "Save a new record",
        "mon.edit.saved": "Saved record {id}.",
        "mon.edit.latest": "Latest record you are building on: {id}",
        "mon.edit.first": "The project has no record yet.",
        "mon.edit.conflict": "Not saved: {message}",
        "mon.edit.theirs": "The saved version",
        "mon.edit.yours": "Your version (not saved)",
        "mon.edit.again": "Review, then save to record your version after theirs.",
        "mon.edit.problems": "Not saved; please fix:",
        "mon.signin.title": "Editor sign-in",
        "mon.signin.name": "User name",
        "mon.signin.password": "Password",
        "mon.signin.submit": "Sign in",
        "mon.signin.failed": "Wrong name or password.",
        "mon.signin.as": "Signed in: {name} ({role})",
        "mon.signin.out": "Sign out",
        "mon.signin.expired": "Your session has expired; please sign in again.",
        "mon.readonly": "Public, read-only view. Editors sign in to record.",
        "mon.downloads": "Download the monitoring records (whole history)",
        "mon.moved": "Projects realised outside their planned zone",
        "mon.moved.tip": "{project}: planned in {planned}, realised in {actual}",
        "mon.zone_unknown": "(zone not recorded; multi-site project)",
        "mon.unavailable": (
            "The monitoring database cannot be reached; the plan's map and figures still work."
        ),
        # Right on the users' own data (issue 10): notices, nothing used, internal errors
        "upload.notices": "How your files were read (please check):",
        "upload.unused": "Nothing in your files could be used; the map shows the bundled data.",
        "upload.kind.projects": "the priority list",
        "upload.kind.zones": "zone boundaries",
        "upload.kind.sites": "project sites",
        "upload.internal": (
            "The program hit an internal error while reading your files. This is not a problem "
            "with your files: they were not used, nothing was lost, and the map shows the "
            "bundled data. Reference (to quote to the administrator): {ref}"
        ),
        # layout: the zone load's second and third tables
        "load.by_sector": "Capital by sector and phase (bn VND)",
        "load.distances": "Straight-line distances (km)",
        # downloads (issue 11, item 6): headers, sheet names and totals of the CSV/XLSX files
        "dl.col.vi_twin": "in Vietnamese",
        "dl.sheet.projects": "Projects",
        "dl.sheet.zone-load": "Zone load",
        "dl.sheet.sites": "Project sites",
        "dl.sheet.zones": "Zones",
        "dl.sheet.ids": "Column ids",
        "dl.ids.header": "Column header",
        "dl.ids.id": "Column id (for scripts)",
        "dl.total.projects": "Total ({count} projects)",
        "dl.total.zone-load": "Total of the {count} projects shown (each counted once)",
        "dl.col.project_id": "Project id",
        "dl.col.sector": "Sector",
        "dl.col.phase": "Phase",
        "dl.col.printed_no": "No. (as printed)",
        "dl.col.name_vi_printed": "Project name (as printed)",
        "dl.col.name_vi": "Project name (Vietnamese)",
        "dl.col.name_en": "Project name (English)",
        "dl.col.capital_printed": "Capital as printed (text)",
        "dl.col.capital_bn_vnd": "Capital (bn VND)",
        "dl.col.site_printed": "Site (as printed)",
        "dl.col.site_vi": "Site (Vietnamese)",
        "dl.col.site_en": "Site (English)",
        "dl.col.site_zone_ids": "Zone ids",
        "dl.col.site_mode": "How the sites are named",
        "dl.col.notes_vi": "Capacity / notes (Vietnamese)",
        "dl.col.notes_en": "Capacity / notes (English)",
        "dl.col.plants": "Plants",
        "dl.col.zone_id": "Zone id",
        "dl.col.zone_name_vi": "Zone name (Vietnamese)",
        "dl.col.zone_name_en": "Zone name (English)",
        "dl.col.kind": "Kind of zone",
        "dl.col.precision": "Shape precision",
        "dl.col.area_ha": "Area (ha)",
        "dl.col.projects": "Projects",
        "dl.col.capital_per_ha": "Capital per ha (bn VND/ha)",
        "dl.col.share_of_plan": "Share of the plan's capital (%)",
        "dl.col.capital_cell": "Capital {sector} {phase} (bn VND)",
        "dl.col.site_id": "Site id",
        "dl.col.site_order": "Site order",
        "dl.col.placement": "How the point is placed",
        "dl.col.district_id": "District id",
        "dl.col.allocated_bn_vnd": "Capital allocated to the site (bn VND)",
        "dl.col.lon": "Longitude",
        "dl.col.lat": "Latitude",
        "dl.col.plan_label": "Name in the plan",
        "dl.col.in_plan": "Named in the plan",
        "dl.col.area_source": "Source of the area",
        "dl.col.developer": "Developer",
        "dl.col.established": "Established",
        "dl.col.status": "Status",
        "dl.col.location_confidence": "Location confidence",
        "dl.col.location_method": "How it was placed",
        "dl.col.commune_2025": "Commune (from 2025)",
        "dl.col.current_unit": "Current administrative unit",
        "dl.col.source": "Source of the shape",
        "dl.col.licence": "Licence",
        "dl.col.source_date": "Source date",
        "dl.col.sources": "References",
        "dl.col.area_ha_computed": "Area computed from the shape (ha)",
        "dl.mode.single": "one site",
        "dl.mode.joint": "several sites together",
        "dl.mode.alternatives": "one of several sites",
        "dl.raw": "Column ids as headers (for scripts, to upload again)",
        "dl.raw_help": (
            "Off: CSV/XLSX with headers and words in the chosen language, number formats and a "
            "totals row. On: the column ids as headers (project_id, capital_bn_vnd) and values "
            "as stored; such a file can be uploaded again and read by scripts."
        ),
        # Vietnamese everywhere, consistency (issue 11, items 5 and 7)
        "confidence.high": "high",
        "confidence.medium": "medium",
        "confidence.medium-low": "medium-low",
        "confidence.low": "low",
        "per_ha.none": "— (parks only: this area is a whole district or more, not land for industry)",
        "per_ha.note": (
            "Capital per ha is given only for parks (recorded area) and surveyed zones; for a "
            "district, the coastal zone or the province it would spread the capital over fields "
            "and towns, so a dash is shown."
        ),
        "data.following": "{shown} of {total} projects, following the filters in the sidebar.",
        "chart.year": "Year",
        "chart.value": "Production value (bn VND)",
        "page.choose": "Page",
        "usd.rate_bad": (
            "The rate could not be read: a number from {low} to {high} VND per USD is needed, "
            "e.g. 22,300. Still using {rate}."
        ),
        # headline: a chosen zone's share of the capital shown
        "metric.zone_share": (
            "{zone} carries {allocated} of these {shown} under the current policy "
            "(the projects shown are also sited elsewhere)"
        ),
    },
}


# Upload help (checks): the columns and allowed values, written from the checks' own lists.
for _lang in CATALOGUE:
    CATALOGUE[_lang]["upload.help"] += upload_columns(_lang)


def text(key: str, lang: str) -> str:
    """The text for ``key`` in ``lang``; a missing key is a bug, so it raises."""
    return CATALOGUE[lang][key]


@cache
def _babel_locale(lang: str) -> Locale:
    return Locale.parse(LOCALES[lang], sep="-")


@cache
def _pattern(decimals: int) -> NumberPattern:
    return parse_pattern("#,##0" + ("." + "0" * decimals if decimals else ""))


def separators(lang: str) -> tuple[str, str]:
    """Thousands and decimal separators of ``lang`` (CLDR, by Babel): ``(".", ",")`` in Vietnamese."""
    locale = _babel_locale(lang)
    return get_group_symbol(locale), get_decimal_symbol(locale)


def number(value: float, lang: str, decimals: int = 0) -> str:
    """Format a number by ``lang``'s CLDR rules (Babel): ``24.180,5`` in Vietnamese, ``24,180.5`` in English.

    The pattern is parsed once per number of decimals: Babel's ``format_decimal`` parsed it
    on every call, and tables format thousands of figures.
    """
    return str(_pattern(decimals).apply(value, _babel_locale(lang)))


def capital(value: float, lang: str) -> str:
    """A capital amount with its unit: ``24.180 tỷ đồng`` / ``24,180 bn VND``."""
    decimals = 0 if float(value).is_integer() else 1
    return f"{number(value, lang, decimals)} {text('unit.bn_vnd', lang)}"


def usd_millions(capital_bn_vnd: float, rate: float, lang: str) -> str:
    """Capital in million USD at ``rate`` VND per USD: ``≈ 986,5 triệu USD``."""
    value = capital_bn_vnd * 1_000 / rate
    return text("usd.value", lang).format(value=number(value, lang, 1))


def percent(share: float, lang: str) -> str:
    """A share as a percentage with one decimal."""
    return f"{number(share * 100, lang, 1)}%"


def share_count(shown: int, total: int, lang: str) -> str:
    """``shown / total`` counts in the language's format: ``1.000 / 20.000``."""
    return f"{number(shown, lang)} / {number(total, lang)}"

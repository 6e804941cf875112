// @ts-check
// Vietnamese strings of the vanishing module (loaded by ../../i18n.js when the scene is shown; the
// scene's title, lead and part titles are in ./shared.js). Keys must match ../en/vanishing.js.
// With the shared components' tables this scene uses (they load with it).
import steps from "./steps.js";
import practice from "./practice.js";
import predict from "./predict.js";

export default {
  ...steps,
  ...practice,
  ...predict,
  "van.toc": "Các phần của trang",

  // --- (a) chuỗi ----------------------------------------------------------------------------
  "van.chain.intro":
    "Lấy gradient rời lớp đầu ra với giá trị 1 và cho nó đi ngược qua n lớp, lớp nào cũng có cùng đạo hàm cục bộ d. Qua mỗi lớp, gradient bị nhân thêm với d; trọng số của lớp đó khi ấy thay đổi một lượng Δw = η · ∇. Với d = 0.1 và năm lớp, hãy xem lớp 1 còn nhận được bao nhiêu.",
  "van.chain.controls": "Thiết lập của chuỗi",
  "van.chain.n": "Số lớp n",
  "van.chain.n.slider": "Số lớp (thanh trượt)",
  "van.chain.n.number": "Số lớp",
  "van.chain.src": "Đạo hàm cục bộ d lấy từ đâu",
  "van.chain.src.d": "Một số do tôi chọn",
  "van.chain.src.act": "f′(x) của một hàm kích hoạt",
  "van.chain.d": "Đạo hàm cục bộ d",
  "van.chain.d.slider": "Đạo hàm cục bộ d (thanh trượt)",
  "van.chain.d.number": "Đạo hàm cục bộ d",
  "van.chain.act": "Hàm kích hoạt f",
  "van.chain.x": "Tiền kích hoạt x (cũng dùng cho phần so sánh)",
  "van.chain.x.slider": "Tiền kích hoạt x (thanh trượt)",
  "van.chain.x.number": "Tiền kích hoạt x",
  "van.chain.eta": "Tốc độ học η",
  "van.chain.eta.slider": "Tốc độ học η (thanh trượt)",
  "van.chain.eta.number": "Tốc độ học η",
  "van.chain.used": "Thừa số mỗi lớp d",
  "van.chain.usedAct": "{f}′({x}) = {d}",
  "van.chain.table": "Gradient và lượng cập nhật ở từng lớp (cuộn được)",
  "van.chain.caption": "{n} lớp, mỗi lớp d = {d}, η = {eta}",
  "van.chain.col.layer": "Lớp",
  "van.chain.col.calc": "Phép nhân",
  "van.chain.col.grad": "Gradient ∇",
  "van.chain.col.update": "Cập nhật Δw = η·∇",
  "van.chain.outputRow": "Đầu ra",
  "van.chain.given": "(giá trị xuất phát)",
  "van.chain.layer": "Lớp {k}",
  "van.chain.layerLast": "Lớp {k} (sát đầu ra)",
  "van.chain.layerFirst": "Lớp {k} (sát đầu vào)",
  "van.chain.verdict.vanishing":
    "Tiêu biến: gradient đến được lớp 1 là {g}, nhỏ hơn {shrink} lần so với {start} lúc rời đầu ra ({n} lớp, mỗi lớp nhân {d}). Quy tắc: nhỏ đi từ {limit} lần trở lên là tiêu biến. Với η = {eta}, mỗi bước trọng số của lớp 1 chỉ nhích Δw = {u} — gần như không học được gì.",
  "van.chain.verdict.exploding":
    "Bùng nổ: gradient đến được lớp 1 là {g}, lớn gấp {grow} lần so với {start} lúc rời đầu ra ({n} lớp, mỗi lớp nhân {d}). Quy tắc: lớn lên từ {limit} lần trở lên là bùng nổ. Lượng cập nhật Δw = {u} mỗi bước quá lớn để huấn luyện ổn định.",
  "van.chain.verdict.zero":
    "Bằng 0: không gì đến được lớp 1 — thừa số {d} không truyền ngược được gì, nên gradient ở đó bằng đúng 0 và Δw = 0. Đây là một nơ-ron chết chứ không chỉ là gradient nhỏ.",
  "van.chain.verdict.steady":
    "Ổn định: gradient đến được lớp 1 là {g}, bằng {ratio} lần {start} lúc rời đầu ra — không lệch quá {limit} lần về phía nào ({n} lớp, mỗi lớp nhân {d}). Lớp 1 vẫn học, mỗi bước Δw = {u}.",
  "van.chain.error": "Không tính được chuỗi này: {message}",
  "van.chain.barsLabel": "Biểu đồ cột gradient ở từng lớp, thang logarit",
  "van.chain.barsSummary": "Từ 1 ở đầu ra xuống {g} ở lớp 1 sau {n} lớp.",
  "van.chain.barsCaption":
    "Mỗi cột là gradient sau khi đi qua thêm một lớp, từ đầu ra (bên trái) đến lớp 1 (bên phải). Trục dọc là thang logarit: mỗi vạch lưới nhỏ hơn vạch phía trên 10 lần, nên một thừa số d không đổi cho ra những bậc thang đều nhau. Cột gạch chéo là giá trị âm.",
  "van.chain.barsY": "|gradient| (thang log)",
  "van.chain.barsX": "lớp (đi ngược từ đầu ra)",
  "van.chain.outShort": "ra",
  "van.chain.barOut": "Đầu ra: gradient {g}",
  "van.chain.barTitle": "Lớp {k}: gradient {g}, cập nhật Δw = {u}",

  "van.compare.title": "Cùng chuỗi đó với các hàm kích hoạt khác",
  "van.compare.intro":
    "Cùng độ sâu n = {n}, cùng tiền kích hoạt x = {x}: mỗi hàm kích hoạt có đạo hàm cục bộ f′(x) riêng, và chuỗi gradient đi theo nó.",
  "van.compare.caption": "n = {n} lớp, x = {x}, η = {eta}",
  "van.compare.col.act": "Hàm kích hoạt",
  "van.compare.col.d": "f′(x)",
  "van.compare.col.grad": "Gradient ở lớp 1",
  "van.compare.col.update": "Δw ở lớp 1",
  "van.compare.col.verdict": "Điều gì xảy ra",
  "van.compare.kind.vanishing": "tiêu biến",
  "van.compare.kind.exploding": "bùng nổ",
  "van.compare.kind.zero": "bằng 0 (chết)",
  "van.compare.kind.steady": "giữ được",
  "van.compare.chartLabel": "Gradient sau mỗi lớp trong {n} lớp với nhiều hàm kích hoạt tại x = {x}, thang logarit",
  "van.compare.chartCaption":
    "Mỗi đường là một hàm kích hoạt. Gradient bằng đúng 0 không có chỗ trên trục logarit, nên đường của nó dừng lại tại đó (ReLU khi x < 0 — xem bảng). GELU′ có thể lớn hơn 1 một chút, và nhân nhiều thừa số như vậy thì gradient lớn dần.",
  "van.compare.xLabel": "số lớp đã đi ngược từ đầu ra",
  "van.compare.yLabel": "|gradient|",

  // --- (b) mạng ------------------------------------------------------------------------------
  "van.net.intro":
    "Lần này không giả định thừa số nào: một mạng nhiều lớp thật trên bộ hoa Iris (4 số đo, 3 loài, softmax), dựng theo thiết lập của bạn. Các gradient bên dưới là ∂L/∂W chính xác của hàm mất mát trung bình trên {rows} bông hoa cố định (mỗi loài 10 bông), tại trọng số hiện tại.",
  "van.net.controls": "Thiết lập mạng",
  "van.net.arch": "4 đầu vào → {depth} lớp ẩn × {width} nơ-ron ({f}) → 3 đầu ra",
  "van.net.depth": "Số lớp ẩn",
  "van.net.depth.slider": "Số lớp ẩn (thanh trượt)",
  "van.net.depth.number": "Số lớp ẩn",
  "van.net.width": "Số nơ-ron mỗi lớp ẩn",
  "van.net.width.slider": "Số nơ-ron mỗi lớp ẩn (thanh trượt)",
  "van.net.width.number": "Số nơ-ron mỗi lớp ẩn",
  "van.net.seed": "Hạt giống ngẫu nhiên (seed)",
  "van.net.seed.slider": "Hạt giống ngẫu nhiên (seed), thanh trượt",
  "van.net.seed.number": "Hạt giống ngẫu nhiên (seed)",
  "van.net.act": "Hàm kích hoạt của các lớp ẩn",
  "van.net.init": "Cách khởi tạo trọng số",
  "van.net.res": "Kết nối tắt (residual: aₗ = f(zₗ) + aₗ₋₁ ở những lớp có cùng độ rộng)",
  "van.net.error": "Không dựng hoặc không tính được mạng này: {message}",
  "van.net.diagramLabel": "Sơ đồ mạng, tô màu theo gradient của từng trọng số",
  "van.net.summary":
    "{L} lớp trọng số. ‖∂L/∂W‖ bằng {out} ở lớp đầu ra và {first} ở lớp 1 (trên {rows} bông hoa).",
  "van.net.colInput": "x",
  "van.net.colOutput": "ra",
  "van.net.unitInput": "Đầu vào {unit}",
  "van.net.unitOutput": "Đầu ra {unit} (softmax)",
  "van.net.unit": "Lớp ẩn {layer}, nơ-ron {unit}",
  "van.net.layerTitle": "Trọng số W{k}: ‖∂L/∂W{k}‖ = {norm}",
  "van.net.edgeTitle": "W{k}[{i}][{j}]: |∂L/∂w| = {g}",
  "van.net.skipTitle": "Kết nối tắt quanh lớp {k}: gradient còn có đường đi vòng qua f′",
  "van.net.collapsed": "Còn {hidden} trong {n} nơ-ron của lớp này, không vẽ ra",
  "van.net.legendTitle": "|∂L/∂w|, thang logarit",
  "van.net.legendWidth": "càng dày = càng lớn",
  "van.net.legendZero": "bằng đúng 0",
  "van.net.legendWaiting": "gradient chưa tới",
  "van.net.legendCurrent": "bước hiện tại",
  "van.net.legendResidual": "kết nối tắt",

  "van.presets.label": "Cấu hình mẫu",
  "van.preset.sigmoid": "Sigmoid",
  "van.preset.sigmoid.hint": "10 lớp, Xavier",
  "van.preset.sigmoid.note":
    "10 lớp sigmoid, mỗi lớp 16 nơ-ron, khởi tạo Xavier. σ′ không bao giờ vượt quá 0.25, nên ngoài ma trận trọng số, mỗi lớp còn nhân gradient với một thừa số không quá ¼: rốt cuộc lớp 1 chỉ nhận được cỡ một phần triệu gradient của lớp đầu ra.",
  "van.preset.tanh": "Tanh",
  "van.preset.tanh.hint": "10 lớp, Xavier",
  "van.preset.tanh.note":
    "Vẫn mạng đó nhưng dùng tanh. Quanh 0, tanh′ gần bằng 1 (chứ không phải 0.25), nên lúc mới khởi tạo gradient đi qua 10 lớp mà gần như không hao hụt. Tuy vậy tanh vẫn bão hòa khi |z| lớn dần.",
  "van.preset.relu": "ReLU + He",
  "van.preset.relu.hint": "10 lớp",
  "van.preset.relu.note":
    "Đạo hàm của ReLU bằng đúng 1 ở nơ-ron đang hoạt động, còn khởi tạo He giữ cho tín hiệu có cùng độ lớn qua các lớp: gradient không bị mờ dần. (Nơ-ron nào đã chết thì không truyền gì — xem trang ReLU chết.)",
  "van.preset.gelu": "GELU + He",
  "van.preset.gelu.hint": "10 lớp",
  "van.preset.gelu.note":
    "GELU giống một phiên bản mượt của ReLU: đạo hàm gần 1 khi đầu vào dương, nhỏ nhưng khác 0 khi đầu vào âm, nên ở đây gradient cũng giữ được độ lớn.",
  "van.preset.residual": "Kết nối tắt",
  "van.preset.residual.hint": "tanh + kết nối tắt",
  "van.preset.residual.note":
    "10 lớp tanh có kết nối tắt: gradient đi theo đường đồng nhất vòng qua mọi f′ và đến lớp 1 gần như nguyên vẹn. Nếu thay tanh bằng sigmoid, kết nối tắt nâng tỉ số từ khoảng 10⁻⁶ lên khoảng 2 × 10⁻², nhưng không vượt 10⁻¹: lớp 1 (4 đầu vào → 16 nơ-ron) không thể có kết nối tắt, nên gradient của nó vẫn phải qua một σ′ ≤ 0.25. Chọn sigmoid ở trên để tự kiểm chứng.",
  "van.preset.none": "Thiết lập riêng của bạn (không trùng cấu hình mẫu nào).",

  "van.back.title.section": "Lan truyền ngược, từng lớp một",
  "van.back.intro":
    "Hãy phát lại quá trình lan truyền ngược: nó bắt đầu ở lớp đầu ra và mỗi bước lùi sang trái một lớp. Màu và độ dày của mỗi cạnh là |∂L/∂w| của trọng số đó theo thang logarit; những lớp màu xám là nơi gradient chưa tới.",
  "van.back.playerLabel": "Lan truyền ngược, mỗi bước một lớp",
  "van.back.phase": "Lan truyền ngược",
  "van.back.titleOutput": "Lớp đầu ra (lớp {k}): ∂L/∂W{ks}",
  "van.back.title": "Lớp {k}: ∂L/∂W{ks}",
  "van.back.ruleLabel": "Gradient của W{k} bằng đầu vào của lớp, chuyển vị, nhân với gradient theo tiền kích hoạt của lớp",
  "van.back.normLabel": "Chuẩn của gradient theo W{k}: {norm}",
  "van.back.ratioLabel": "Tỉ số giữa chuẩn ở lớp {k} và chuẩn ở lớp đầu ra {L}: {r}",
  "van.back.explainOutput":
    "Gradient của lớp đầu ra đến thẳng từ hàm mất mát (xác suất trừ nhãn one-hot): không có đạo hàm hàm kích hoạt nào chen giữa, nên đây là tín hiệu mạnh nhất của cả lượt lan truyền.",
  "van.back.explainHidden":
    "Để đến được các trọng số này, gradient đã bị nhân với đạo hàm {f} của {m} lớp ẩn (tính cả lớp này), cùng với các ma trận trọng số nằm giữa.",
  "van.back.explainHiddenSkips":
    "Lớp này không có kết nối tắt riêng, nhưng {m} lớp {f} phía trên nó thì có: theo các đường đồng nhất đó, gradient đến được đây mà không phải đi qua f′ của những lớp ấy. Chỉ còn f′ của chính lớp này làm nó nhỏ đi.",
  "van.back.explainResidual":
    "Giữa đây và đầu ra có {m} lớp ẩn {f}, nhưng lớp này có kết nối tắt: một phần gradient đi theo đường đồng nhất, không phải qua f′.",
  "van.back.noteFirst": "Lớp 1 nhận được chuẩn gradient bằng {r} lần so với lớp đầu ra.",
  "van.back.noteFirstZero":
    "Lớp 1 không nhận được chút gradient nào, và lớp đầu ra cũng vậy: cả hai chuẩn đều bằng 0, nên không có tỉ số nào để so (—). Các nơ-ron đã chết trên những bông hoa này.",

  "van.norms.title": "Chuẩn gradient ở từng lớp",
  "van.norms.series": "‖∂L/∂Wₖ‖",
  "van.norms.seriesInit": "lúc khởi tạo",
  "van.norms.seriesTrained": "sau {steps} bước",
  "van.norms.xLabel": "lớp k (1 = sát đầu vào)",
  "van.norms.yLabel": "‖∂L/∂Wₖ‖",
  "van.norms.chartLabel": "Chuẩn gradient của {L} lớp, thang logarit; tỉ số lớp đầu trên lớp cuối {r}",
  "van.norms.caption": "Chuẩn Frobenius của gradient theo trọng số ở từng lớp, trên {rows} bông hoa, thang logarit.",
  "van.norms.captionTrained":
    "Chuẩn Frobenius của gradient theo trọng số ở từng lớp, trên {rows} bông hoa, thang logarit: lúc khởi tạo và sau {steps} bước huấn luyện.",
  "van.norms.ratio": "‖∂L/∂W₁‖ / ‖∂L/∂W{L}‖",
  "van.norms.first": "‖∂L/∂W₁‖ (lớp đầu)",
  "van.norms.last": "‖∂L/∂W{L}‖ (lớp cuối)",
  "van.norms.verdict.vanishing": "Tiêu biến: ‖∂L/∂W₁‖ nhỏ hơn {shrink} lần so với ‖∂L/∂W{L}‖ của lớp đầu ra (nhỏ đi từ {limit} lần trở lên là tiêu biến). Lớp 1 gần như không học.",
  "van.norms.verdict.exploding": "Bùng nổ: ‖∂L/∂W₁‖ lớn gấp {grow} lần ‖∂L/∂W{L}‖ của lớp đầu ra (từ {limit} lần trở lên là bùng nổ).",
  "van.norms.verdict.steady": "Gradient truyền tốt: ‖∂L/∂W₁‖ bằng {ratio} lần ‖∂L/∂W{L}‖ của lớp đầu ra, không lệch quá {limit} lần về phía nào.",
  "van.norms.verdict.zero": "Bằng 0: không chút gradient nào đến được lớp 1 (‖∂L/∂W₁‖ = 0). Các nơ-ron của nó đã chết trên những bông hoa này: đầu vào nào cũng không truyền ngược được gì, nên huấn luyện không thay đổi được chúng — đúng bài học của cảnh ReLU chết.",

  // --- huấn luyện ------------------------------------------------------------------------------
  "van.train.intro":
    "SGD thuần trên 150 bông hoa, mỗi lô {batch} mẫu. Sau mỗi bước, lõi tính toán báo lượng cập nhật tương đối ‖ΔW‖/‖W‖ của từng lớp — lớp đó đã thay đổi bao nhiêu so với chính nó. Bản đồ nhiệt có một hàng cho mỗi lớp (lớp 1 ở trên cùng) và một cột cho mỗi bước: hàng nào nhạt màu là lớp đang đứng yên.",
  "van.train.controls": "Thiết lập huấn luyện",
  "van.train.lr": "Tốc độ học η (đổi thì bắt đầu lại)",
  "van.train.lr.slider": "Tốc độ học η (thanh trượt)",
  "van.train.lr.number": "Tốc độ học η",
  "van.train.n": "Số bước mỗi lần bấm N",
  "van.train.n.slider": "Số bước mỗi lần bấm (thanh trượt)",
  "van.train.n.number": "Số bước mỗi lần bấm",
  "van.train.run": "Huấn luyện {n} bước",
  "van.train.running": "Đang huấn luyện…",
  "van.train.reset": "Bắt đầu lại",
  "van.train.trained": "Số bước đã huấn luyện",
  "van.train.loss": "Mất mát (cả 150 bông hoa)",
  "van.train.acc": "Độ chính xác",
  "van.train.upFirst": "‖ΔW₁‖/‖W₁‖ (bước cuối)",
  "van.train.upLast": "‖ΔW{L}‖/‖W{L}‖ (bước cuối)",
  "van.train.idle": "Chưa huấn luyện bước nào: bấm Huấn luyện để lấp đầy bản đồ nhiệt.",
  "van.train.progress": "Đang huấn luyện: bước {n} trên {total}…",
  "van.train.progressQuiet": "Đang huấn luyện: bước {n} trên {total}… Các số liệu và bản đồ nhiệt hiện kết quả khi xong (hoặc khi bạn bấm Dừng).",
  "van.train.done": "Đã huấn luyện {n} bước. Biểu đồ gradient phía trên giờ có thêm gradient tại trọng số sau huấn luyện.",
  "van.train.doneDead":
    "Đã huấn luyện {n} bước — nhưng lớp 1 không còn học nữa: không chút gradient nào đến được nó (‖∂L/∂W₁‖ = 0). Các nơ-ron của nó đã chết: với mọi bông hoa, đầu vào của chúng rơi vào chỗ hàm kích hoạt có độ dốc bằng 0 (với ReLU là từ 0 trở xuống), nên chúng không truyền ngược được gì và không bước nào làm chúng sống lại được. Cảnh “ReLU chết” cho thấy điều này xảy ra thế nào.",
  "van.train.diverged": "Quá trình huấn luyện dừng lại sau {done} bước hợp lệ. Lõi tính toán báo: {message}",
  "van.heat.label": "Bản đồ nhiệt của lượng cập nhật tương đối theo lớp và bước (trống cho đến khi huấn luyện)",
  "van.heat.labelFilled":
    "Bản đồ nhiệt của lượng cập nhật tương đối ‖ΔW‖/‖W‖ của {L} lớp qua {n} bước; ở bước cuối lớp 1 thay đổi {first} còn lớp cuối thay đổi {last}",
  "van.heat.caption": "{n} bước × {L} lớp. Ở bước cuối: lớp 1 thay đổi {first} so với độ lớn của nó, lớp cuối thay đổi {last}.",
  "van.heat.captionEmpty": "Trống cho đến khi bạn huấn luyện.",
  "van.heat.empty": "Bấm Huấn luyện để lấp đầy",
  "van.heat.xLabel": "bước huấn luyện",
  "van.heat.yLabel": "lớp",
  "van.heat.legend": "‖ΔW‖/‖W‖",
  "van.heat.outRow": "{k} ra",
  "van.predict.question": "Trước khi xem: với {n} lớp và đạo hàm cục bộ {d} ở mỗi lớp, gradient ở lớp đầu tiên sẽ nằm ở đâu? Kéo trên thang logarit hoặc nhập một số (gradient ở đầu ra là 1).",
};

// @ts-check
// Chuỗi tiếng Việt của cảnh “Hàm kích hoạt” (../../i18n.js tải khi cảnh được mở; tiêu đề, lời dẫn
// và tên các phần của cảnh nằm ở ./shared.js). Các khóa phải trùng với ../en/activations.js.

// With the shared components' tables this scene uses (they load with it).
import practice from "./practice.js";
import predict from "./predict.js";

export default {
  ...practice,
  ...predict,
  "act.controls": "Hàm và đầu vào",
  "act.select": "Hàm đang xét",
  "act.x": "Đầu vào x",
  "act.x.slider": "x, thanh trượt",
  "act.x.number": "x, ô nhập số",
  "act.x.valuetext": "x = {x}; f(x) = {f}; f′(x) = {d}",
  "act.layers": "Số lớp n",
  "act.layers.slider": "n, thanh trượt",
  "act.layers.number": "n, ô nhập số",
  "act.layers.valuetext": "n = {n} lớp",
  "act.layers.hint": "Số lớp xếp chồng có cùng đạo hàm f′(x). Bài viết xét chuỗi 5 lớp.",
  "act.param": "{symbol} của {name}",
  "act.param.slider": "{symbol} của {name}, thanh trượt",
  "act.param.number": "{symbol} của {name}, ô nhập số",

  "act.options": "Tùy chọn đồ thị",
  "act.overlay": "Vẽ chồng để so sánh",
  "act.overlay.hint": "Chọn thêm tối đa {max} hàm để vẽ cùng hàm đang xét.",
  "act.overlay.full": "Đã đủ {max} hàm vẽ chồng; bỏ chọn một hàm nếu muốn thêm hàm khác.",
  "act.overlay.locked": "Đang so sánh GELU nên chỉ vẽ ba dạng GELU; tắt ô so sánh để vẽ chồng các hàm khác.",
  "act.eps": "Ngưỡng bão hòa ε",
  "act.eps.slider": "ε, thanh trượt theo thang logarit",
  "act.eps.number": "ε, ô nhập số",
  "act.range": "Khoảng x trên đồ thị",
  "act.range.min": "từ",
  "act.range.max": "đến",
  "act.range.reset": "Về −6 … 6",
  "act.range.limit": "Mỗi đầu mút phải nằm trong đoạn [−{limit}, {limit}].",
  "act.range.order": "Đầu bên phải phải lớn hơn đầu bên trái ít nhất {span}.",
  "act.showDerivative": "Hiện đồ thị đạo hàm f′",
  "act.compare": "So GELU chính xác với hai công thức xấp xỉ",

  "act.readouts": "Giá trị tại x",
  "act.readouts.title": "Tại x = {x}",
  "act.readout.f": "f(x)",
  "act.readout.fprime": "f′(x)",
  "act.readout.power": "f′(x)ⁿ, n = {n}",
  "act.status.dead": "Vùng chết: f′(x) = 0, không có chút gradient nào đi qua được.",
  "act.status.saturated":
    "Vùng bão hòa: |f′(x)| nhỏ hơn ε = {eps}, nên gradient đi qua bị nhân với {d} — gần như bằng 0.",
  "act.status.active": "Gradient đi qua được, bị nhân với f′(x) = {d}.",
  "act.power.sentence": "Qua {n} lớp cùng có đạo hàm {d}, gradient bị nhân với f′(x)ⁿ = {p}.",

  "act.chart.f": "f(x)",
  "act.chart.fprime": "f′(x)",
  "act.chart.saturated": "bão hòa: |f′| < {eps}",
  "act.chart.dead": "chết: f′ = 0",
  "act.chart.power": "f′(x)ⁿ, n = {n}",
  "act.chart.difference": "f(x) − GELU(x)",
  "act.chart.saturatedShort": "bão hòa",
  "act.chart.deadShort": "chết",
  "act.chart.label": "Đồ thị của {name} và đạo hàm trên đoạn [{min}, {max}], đang đánh dấu x = {x}",
  "act.chart.caption":
    "{name} trên đoạn [{min}, {max}]. Ô f: hàm cùng tiếp tuyến tại x = {x}. Ô f′: đạo hàm, với các dải bão hòa (|f′| < {eps}) và dải chết (f′ = 0) của hàm đang xét. Bấm hoặc kéo trên đồ thị để dời x.",
  "act.chart.captionNoDerivative":
    "{name} trên đoạn [{min}, {max}]: hàm cùng tiếp tuyến tại x = {x}. Bấm hoặc kéo trên đồ thị để dời x.",

  "act.formula.title": "Công thức",
  "act.formula.if": "nếu",
  "act.formula.since.positive": "(vì {x} > 0)",
  "act.formula.since.nonpositive": "(vì {x} ≤ 0)",
  "act.formula.where": "trong đó",

  "act.about": "Về {name}",
  "act.guide.bands":
    "Dải tô màu có nhãn “bão hòa” là nơi |f′(x)| < ε: đồ thị gần như nằm ngang, nên mỗi lớp thu nhỏ gradient hơn 1/ε lần (với ε = 0.01 là hơn một trăm lần). Dải có gạch chéo, nhãn “chết”, là nơi f′(x) bằng đúng 0: nơ-ron không còn nhận được gradient nào. Ranh giới các dải do lõi tính chính xác, không phải đọc ra từ hình vẽ.",
  "act.guide.power":
    "Nét đậm và mờ trên ô f′, cùng màu với hàm đang xét, là f′(x)ⁿ: hệ số mà gradient phải chịu sau n lớp có cùng đạo hàm. Với sigmoid, kể cả ở điểm tốt nhất x = 0, năm lớp đã cho 0.25⁵ ≈ 0.001. Ngược lại, khi f′ > 1 (SELU có λ ≈ 1.05 với x > 0) thì tích này lớn dần theo n: gradient bùng nổ thay vì tiêu biến.",
  "act.guide.tangent":
    "Đường thẳng mảnh trên ô f là tiếp tuyến tại x; độ dốc của nó chính là f′(x), giá trị mà chấm tròn trên ô f′ đánh dấu. Hình thoi là các điểm bài viết đã tính; bấm vào để nhảy tới.",

  "act.seed.title": "Các điểm trong bài viết",
  "act.seed.intro":
    "Những đạo hàm mà mục 1 của bài viết tính tay. Bấm một điểm để chọn hàm và đặt x tại đó; bên dưới mỗi điểm là giá trị chính xác do lõi tính và con số bài viết in ra.",
  "act.seed.exact": "chính xác: {value}",
  "act.seed.printed": "bài viết in: {value}",
  "act.seed.jump": "Nhảy tới {point} (bài viết in {printed})",
  "act.seed.note.sigmoid.5":
    "Bài viết ra 0.0069 vì nhân hai số đã làm tròn: 0.993 × (1 − 0.993). Tính chính xác thì σ′(5) = {exact} ≈ 0.0066, bằng đúng σ′(−5), vì đồ thị của σ′ đối xứng qua trục x = 0.",
  "act.seed.note.tanh.3":
    "Con số 0.010 của bài viết là làm tròn đến 3 chữ số thập phân và vẫn khớp với giá trị chính xác {exact}; giữ 2 chữ số có nghĩa thì được 0.0099, cách trang này ghi điểm ấy.",

  "act.table.intro":
    "Với các tham số α, β đang chọn: đạo hàm lớn nhất của mỗi hàm, nơi nó đạt được, và các khoảng x mà |f′(x)| ≥ ε = {eps} — ra ngoài các khoảng này thì nơ-ron bị bão hòa. Swish, Mish và các dạng GELU có hai khoảng, vì đạo hàm của chúng đổi dấu ở phía x âm. Bấm tên một hàm để xem đồ thị của nó.",
  "act.table.caption": "Đạo hàm lớn nhất, nơi đạt được, khoảng có |f′| ≥ {eps} và khoảng có f′ = 0 của từng hàm",
  "act.table.name": "Hàm",
  "act.table.max": "f′ lớn nhất",
  "act.table.where": "Đạt tại",
  "act.table.active": "|f′| ≥ {eps} trên",
  "act.table.dead": "f′ = 0 trên",
  "act.table.explore": "Xem {name}",

  "act.compare.title": "GELU và hai cách xấp xỉ",
  "act.compare.text":
    "GELU chính xác cần hàm erf nên thường được thay bằng hai công thức rẻ hơn: dạng dùng tanh và x·σ(1.702x). Bảng cho sai lệch lớn nhất của mỗi cách so với GELU chính xác trên đoạn đang vẽ, cả ở giá trị lẫn ở đạo hàm — thứ mà lan truyền ngược thực sự dùng. Ô dưới cùng của đồ thị vẽ hiệu f(x) − GELU(x).",
  "act.compare.caption": "Sai lệch lớn nhất so với GELU chính xác trên đoạn [{min}, {max}]",
  "act.compare.approx": "Cách xấp xỉ",
  "act.compare.value": "max |f − GELU|",
  "act.compare.derivative": "max |f′ − GELU′|",
  "act.compare.at": "tại x = {x}",

  "act.note.identity":
    "f′ luôn bằng 1 nên gradient đi qua nguyên vẹn — nhưng xếp bao nhiêu lớp như vậy thì cả mạng vẫn chỉ là một phép biến đổi tuyến tính.",
  "act.note.sigmoid":
    "Đạo hàm lớn nhất chỉ là 0.25, đạt tại x = 0. Khi |x| lớn dần, đường cong nằm ngang ra (bão hòa) và f′ gần như bằng 0, nên qua mỗi lớp sigmoid, gradient nhỏ đi ít nhất bốn lần.",
  "act.note.tanh":
    "Đạo hàm đạt 1 tại x = 0 nhưng giảm rất nhanh: f′(2) ≈ 0.071, f′(3) ≈ 0.0099. Hai đầu vẫn bão hòa như sigmoid, chỉ là vùng trung tâm rộng và dốc hơn.",
  "act.note.relu":
    "Với x > 0, f′ = 1 nên gradient không bị thu nhỏ. Với x ≤ 0, f′ = 0: nơ-ron nào luôn nhận đầu vào âm sẽ không bao giờ nhận được gradient nữa — nó đã “chết”. Tại điểm gãy x = 0, đạo hàm được lấy theo phía trái như PyTorch: ReLU′(0) = 0.",
  "act.note.leaky_relu":
    "Giống ReLU, nhưng với x ≤ 0 độ dốc là α (mặc định 0.01) thay vì 0, nên nơ-ron không bao giờ chết hẳn. Kéo α về 0 để thấy nó trở lại thành ReLU.",
  "act.note.prelu":
    "Giống Leaky ReLU, nhưng độ dốc phía âm α (ban đầu 0.25) được học trong lúc huấn luyện, mỗi lớp một giá trị.",
  "act.note.elu":
    "Với x ≤ 0, f(x) = α(eˣ − 1) tiến dần về −α. Đạo hàm αeˣ nhỏ dần khi x càng âm nhưng không bao giờ bằng 0.",
  "act.note.selu":
    "ELU nhân thêm λ ≈ 1.0507, với α ≈ 1.6733; hai hằng số này được chọn để đầu ra mỗi lớp giữ trung bình gần 0 và phương sai gần 1. Vì f′ > 1 ở gần 0, thừa số f′ⁿ có thể lớn dần.",
  "act.note.softplus":
    "Phiên bản trơn của ReLU: f(x) = ln(1 + exp(βx))/β. Đạo hàm của nó chính là sigmoid σ(βx): không bao giờ bằng 0, nhưng rất nhỏ khi x âm nhiều. β lớn làm nó gần ReLU hơn.",
  "act.note.swish":
    "f(x) = x·σ(βx) (β = 1 chính là SiLU). Trơn và không đơn điệu: hơi âm khi x âm, nhỏ nhất gần x ≈ −1.28 (với β = 1); f′ dần về 0 khi x → −∞.",
  "act.note.gelu":
    "f(x) = x·Φ(x), với Φ là hàm phân phối tích lũy của phân phối chuẩn tắc; hay gặp trong các mô hình Transformer. Gần giống ReLU khi |x| lớn nhưng trơn quanh 0. Bật ô so sánh để xem hai cách xấp xỉ nó.",
  "act.note.gelu_tanh":
    "Cách xấp xỉ GELU bằng tanh, nêu trong bài báo gốc về GELU. Bật ô so sánh để xem nó lệch khỏi GELU chính xác bao nhiêu.",
  "act.note.gelu_sigmoid":
    "Cách xấp xỉ x·σ(1.702x): tính nhanh hơn nhưng kém chính xác hơn cách dùng tanh. Bật ô so sánh để đo sai lệch.",
  "act.note.mish":
    "f(x) = x·tanh(softplus(x)): trơn, không bị chặn trên, hơi âm khi x âm; f′(0) = tanh(ln 2) = 0.6.",
  "act.predict.question": "Trước khi xem các điểm của bài viết: hãy ước lượng tanh′(2), độ dốc của tanh tại x = 2 (biết tanh′(0) = 1).",
  "act.formula.region": "Công thức {n} trên 3",
};

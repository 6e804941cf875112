// Chuỗi tiếng Việt. Các khoá phải trùng khớp với web/i18n/en.js (có test kiểm tra).
// `{name}` là chỗ giữ, được điền bởi t(key, { name }).
// Mỗi cảnh (scene) giữ chuỗi riêng trong ./vi/<cảnh>.js; bảng này gộp chúng lại.
import activations from "./vi/activations.js";
import vanishing from "./vi/vanishing.js";
import dying_relu from "./vi/dying-relu.js";
import zero_init from "./vi/zero-init.js";
import lab from "./vi/lab.js";
import steps from "./vi/steps.js";

export default {
  ...activations,
  ...vanishing,
  ...dying_relu,
  ...zero_init,
  ...lab,
  ...steps,
  "app.name": "gradlab",
  "app.tagline": "Vì sao mạng sâu không học được — xem tận mắt từng gradient",
  "app.home": "gradlab — trang đầu",
  "skip": "Bỏ qua, đến nội dung chính",
  "loading": "Đang tải lõi tính toán…",
  "footer.text":
    "Mọi con số trên trang đều được tính trực tiếp ngay trong trình duyệt của bạn, bởi một lõi viết bằng Rust và biên dịch sang WebAssembly.",

  "nav.label": "Các chủ đề",
  "lang.label": "Ngôn ngữ",
  "lang.vi": "Tiếng Việt",
  "lang.en": "English",
  "theme.dark": "Giao diện tối",

  "scene.activations.nav": "Hàm kích hoạt",
  "scene.activations.title": "Hàm kích hoạt và đạo hàm của chúng",
  "scene.vanishing.nav": "Gradient tiêu biến",
  "scene.vanishing.title": "Gradient tiêu biến",
  "scene.vanishing.soon":
    "Phần này — gradient nhỏ dần qua từng lớp của một chuỗi, và một mạng sâu thật được huấn luyện trên Iris — sẽ có trong một phiên bản sau; hiện chưa có gì để tương tác.",
  "scene.dying-relu.nav": "ReLU chết",
  "scene.dying-relu.title": "ReLU chết",
  "scene.zero-init.nav": "Khởi tạo bằng 0",
  "scene.zero-init.title": "Khởi tạo trọng số bằng 0",
  "scene.lab.nav": "Phòng thí nghiệm",
  "scene.lab.title": "Phòng thí nghiệm",
  "scene.lab.soon":
    "Phòng thí nghiệm — tự do huấn luyện trên Iris và dữ liệu hai chiều, theo dõi gradient của từng lớp — sẽ có trong một phiên bản sau; hiện chưa có gì để tương tác.",
  "route.unknown": "Không có phần nào tên “{scene}”; trang đang hiển thị phần hàm kích hoạt.",

  "error.load.title": "Không tải được lõi tính toán",
  "error.load.body":
    "Trang này tính mọi thứ bằng WebAssembly, nhưng phần đó không tải được. Hãy kiểm tra kết nối mạng rồi tải lại trang.",
  "error.crash.title": "Lõi tính toán đã dừng",
  "error.crash.body":
    "Một lỗi nội bộ đã làm lõi WebAssembly dừng lại, nên các con số trên trang không còn được cập nhật. Hãy tải lại trang để bắt đầu lại; các thiết lập của bạn nằm trong địa chỉ trang nên sẽ được giữ nguyên.",
  "error.runtime.title": "Đã xảy ra lỗi",
  "error.runtime.body":
    "Một lỗi không lường trước đã xảy ra. Trang có thể vẫn dùng được; nếu thấy điều gì bất thường, hãy tải lại trang.",
  "error.details": "Chi tiết kỹ thuật",
  "error.reload": "Tải lại trang",
  "error.dismiss": "Đóng",

  "input.invalid": "“{text}” không phải là một số. Hãy nhập một số, ví dụ 0.5 hoặc -2.",
  "input.clamped": "Giá trị nằm ngoài đoạn [{min}, {max}] nên đã dùng {value}.",

  "act.intro":
    "Khi lan truyền ngược, mỗi lớp nhân gradient đi qua nó với đạo hàm f′(z) của hàm kích hoạt, tính tại đầu vào z của lớp đó. Hãy kéo x để xem f′ lớn ở đâu và gần bằng 0 ở đâu: chỗ nào f′ xấp xỉ 0 thì gradient gần như không qua được lớp ấy.",
  "act.controls": "Thiết lập",
  "act.select": "Hàm kích hoạt",
  "act.x": "Đầu vào x",
  "act.x.slider": "x, thanh trượt",
  "act.x.number": "x, ô nhập số",
  "act.x.valuetext": "x = {x}; f(x) = {f}; f′(x) = {d}",
  "act.showDerivative": "Hiện đạo hàm f′",
  "act.readouts": "Giá trị tại x",
  "act.readout.f": "Giá trị f(x)",
  "act.readout.fprime": "Đạo hàm f′(x)",
  "act.status.dead": "Vùng chết: f′(x) = 0, nên không có chút gradient nào đi qua được đây.",
  "act.status.saturated":
    "Đồ thị gần như nằm ngang tại đây: |f′(x)| < {eps}, nên gradient bị nhân với một số gần như bằng 0.",
  "act.status.active": "Gradient đi qua được, nhân với hệ số f′(x) = {d}.",
  "act.chart.label": "Đồ thị của {name} và đạo hàm của nó với x từ {min} đến {max}",
  "act.chart.caption": "{name} trên đoạn [{min}, {max}]: hàm f cùng tiếp tuyến tại x hiện tại, và đạo hàm f′ với cùng vị trí x được đánh dấu.",
  "act.chart.captionNoDerivative": "{name} trên đoạn [{min}, {max}]: hàm f cùng tiếp tuyến tại x hiện tại.",
  "act.about": "Về hàm này",

  "chart.f": "f(x)",
  "chart.fprime": "f′(x)",
  "chart.saturated": "bão hòa (|f′| < ε)",
  "chart.dead": "chết (f′ = 0)",
  "chart.unavailable":
    "Không vẽ được đồ thị: bản lõi tính toán này chưa có hàm vẽ. Các giá trị bên dưới vẫn được tính chính xác.",
  "chart.failed": "Không vẽ được đồ thị: {message}",

  "act.name.identity": "Hàm đồng nhất (identity)",
  "act.name.sigmoid": "Sigmoid",
  "act.name.tanh": "Tanh",
  "act.name.relu": "ReLU",
  "act.name.leaky_relu": "Leaky ReLU",
  "act.name.prelu": "PReLU",
  "act.name.elu": "ELU",
  "act.name.selu": "SELU",
  "act.name.softplus": "Softplus",
  "act.name.swish": "Swish (SiLU)",
  "act.name.gelu": "GELU",
  "act.name.gelu_tanh": "GELU (xấp xỉ bằng tanh)",
  "act.name.gelu_sigmoid": "GELU (xấp xỉ bằng sigmoid)",
  "act.name.mish": "Mish",

  "act.note.identity":
    "f′ luôn bằng 1 nên gradient đi qua nguyên vẹn — nhưng xếp chồng bao nhiêu lớp như vậy thì cả mạng vẫn chỉ là một phép biến đổi tuyến tính.",
  "act.note.sigmoid":
    "Đạo hàm lớn nhất chỉ là 0.25, đạt tại x = 0. Khi |x| lớn dần, đường cong nằm ngang ra (bão hòa) và f′ gần như bằng 0, nên qua mỗi lớp sigmoid, thừa số này làm gradient nhỏ đi ít nhất bốn lần.",
  "act.note.tanh":
    "Đạo hàm đạt 1 tại x = 0 nhưng giảm rất nhanh: f′(2) ≈ 0.071 và f′(3) ≈ 0.0099. Hai đầu vẫn bão hòa giống sigmoid.",
  "act.note.relu":
    "Với x > 0, f′ = 1 nên gradient không bị thu nhỏ. Với x ≤ 0, f′ = 0: nơ-ron nào luôn nhận đầu vào âm sẽ không bao giờ nhận được gradient nữa — nó đã “chết”. Tại điểm gãy x = 0, đạo hàm được lấy theo phía trái như PyTorch: ReLU′(0) = 0.",
  "act.note.leaky_relu":
    "Giống ReLU, nhưng với x ≤ 0 độ dốc là α (mặc định 0.01) thay vì 0, nên nơ-ron không bao giờ chết hẳn.",
  "act.note.prelu":
    "Giống Leaky ReLU, nhưng độ dốc phía âm α (ban đầu là 0.25) được học trong quá trình huấn luyện, mỗi lớp một giá trị.",
  "act.note.elu":
    "Với x ≤ 0, f(x) = α(eˣ − 1) tiến dần về −α. Đạo hàm αeˣ nhỏ dần khi x càng âm nhưng không bao giờ bằng 0.",
  "act.note.selu":
    "ELU được nhân với λ ≈ 1.0507, với α ≈ 1.6733; hai hằng số này được chọn để đầu ra của mỗi lớp giữ trung bình xấp xỉ 0 và phương sai xấp xỉ 1.",
  "act.note.softplus":
    "Phiên bản trơn của ReLU: f(x) = ln(1 + e^{βx})/β. Đạo hàm của nó chính là sigmoid σ(βx): không bao giờ bằng 0, nhưng rất nhỏ khi x âm nhiều.",
  "act.note.swish":
    "f(x) = x·σ(βx) (β = 1 chính là SiLU). Trơn và không đơn điệu: hơi âm khi x âm, đạt cực tiểu gần x ≈ −1.28; f′ dần về 0 khi x → −∞.",
  "act.note.gelu":
    "f(x) = x·Φ(x), trong đó Φ là hàm phân phối tích lũy của phân phối chuẩn tắc; hay dùng trong các mô hình Transformer. Gần giống ReLU khi |x| lớn nhưng trơn quanh 0.",
  "act.note.gelu_tanh":
    "Cách xấp xỉ GELU bằng tanh, nêu trong bài báo gốc về GELU; sai khác so với GELU chính xác rất nhỏ.",
  "act.note.gelu_sigmoid":
    "Cách xấp xỉ x·σ(1.702x): tính nhanh hơn, nhưng kém chính xác hơn một chút so với xấp xỉ bằng tanh.",
  "act.note.mish":
    "f(x) = x·tanh(softplus(x)): trơn, không bị chặn trên, hơi âm khi x âm; f′(0) = tanh(ln 2) = 0.6.",
};

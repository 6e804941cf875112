// @ts-check
// Chuỗi tiếng Việt của các cảnh mà trang cần trước khi tải bảng riêng của cảnh đó, hoặc một cảnh khác
// cũng dùng: tên, tiêu đề, lời dẫn và tên các phần của mỗi cảnh (registry, phần đầu hiện trước khi lõi
// tải xong, trang tổng kết), tên các hàm kích hoạt và các cách khởi tạo. Gộp vào ../vi.js; các khóa
// phải trùng với ../en/shared.js.
import activationNames from "../activation-names.js";

export default {
  ...activationNames,
  // the practice part of every scene (registry-kit.js PRACTICE_PART)
  "practice.title": "Tự kiểm tra",
  // activations
  "scene.activations.nav": "Hàm kích hoạt",
  "scene.activations.title": "Hàm kích hoạt và đạo hàm của chúng",
  "act.intro":
    "Khi lan truyền ngược, gradient đi qua một lớp sẽ bị nhân với đạo hàm f′(z) của hàm kích hoạt, tính tại đầu vào z của lớp đó. Hãy kéo x để thấy f′ lớn ở đâu, gần bằng 0 ở đâu: chỗ nào f′ xấp xỉ 0 thì gradient gần như không lọt qua được, và qua n lớp như vậy nó bị nhân tới n lần.",
  "act.part.explore": "Khám phá một hàm kích hoạt: đồ thị, điều khiển và số đo",
  "act.table.title": "Đạo hàm lớn nhất và vùng không bão hòa của mọi hàm",
  "act.table.none": "không có",
  "act.table.at": "x = {x}",
  "act.table.everywhere": "mọi x",
  "act.table.approached": "không đạt, chỉ tiến dần tới",
  "act.name.identity": "Hàm đồng nhất (identity)",
  "act.name.gelu_tanh": "GELU (xấp xỉ bằng tanh)",
  "act.name.gelu_sigmoid": "GELU (xấp xỉ bằng sigmoid)",
  // vanishing
  "van.lead":
    "Lan truyền ngược là một chuỗi phép nhân: mỗi lớp mà gradient đi qua trên đường quay về đầu vào lại nhân nó với đạo hàm cục bộ của lớp đó. Nhân nhiều thừa số nhỏ hơn 1 với nhau thì gần như chẳng còn gì đến nơi — các lớp đầu ngừng học. Dưới đây là phép tính trần trụi trước, rồi đến một mạng sâu thật.",
  "van.chain.title": "Quy tắc chuỗi, từng con số một",
  "van.net.title": "Một mạng sâu thật trên dữ liệu Iris",
  "van.net.ip.constant": "Mọi trọng số đều bằng",
  "van.net.ip.uniform": "Phân phối đều trên [−a, a], a =",
  "van.net.ip.normal": "Phân phối chuẩn, độ lệch chuẩn σ =",
  "van.net.ip.slider": "Tham số khởi tạo (thanh trượt)",
  "van.net.ip.number": "Tham số khởi tạo",
  "van.init.zeros": "Toàn số 0",
  "van.init.constant": "Hằng số",
  "van.init.uniform": "Phân phối đều U(−a, a)",
  "van.init.normal": "Phân phối chuẩn N(0, σ²)",
  "van.init.xavier_uniform": "Xavier (Glorot), phân phối đều",
  "van.init.xavier_normal": "Xavier (Glorot), phân phối chuẩn",
  "van.init.he_uniform": "He (Kaiming), phân phối đều",
  "van.init.he_normal": "He (Kaiming), phân phối chuẩn",
  "van.init.lecun_normal": "LeCun, phân phối chuẩn",
  "van.train.title": "Huấn luyện N bước: lớp nào thật sự học?",
  // dying-relu
  "dr.lead":
    "ReLU để gradient đi qua nguyên vẹn khi đầu vào dương, nhưng chặn đứng nó khi đầu vào âm. Một nơ-ron có tiền kích hoạt luôn âm sẽ không bao giờ nhận được gradient, nên trọng số của nó không bao giờ thay đổi: nơ-ron ấy đã “chết”. Trang này chạy lại phép tính tay của bài viết từng bước, thử cách chữa bằng hàm kích hoạt khác, rồi cho thấy điều tương tự xảy ra hàng loạt khi huấn luyện một mạng thật.",
  "dr.worked.title": "(a) Ví dụ tính tay: nơ-ron h₂ chết",
  "dr.cure.title": "(b) Chữa bằng một hàm kích hoạt khác",
  "dr.train.title": "(c) Nơ-ron chết hàng loạt khi huấn luyện",
  // zero-init
  "zi.lead":
    "Cho mọi trọng số bắt đầu từ 0, một mô hình hồi quy vẫn học được: gradient của mỗi trọng số mang theo chính đầu vào của nó, nên ngay bước đầu các trọng số đã tách ra khác nhau. Chen thêm một lớp ẩn vào giữa thì mọi chuyện đổi khác — các nơ-ron ẩn tính ra cùng một thứ, nhận cùng một gradient, và với ReLU cộng trọng số 0 thì chẳng nhận được gradient nào.",
  "zi.overview.title": "Bốn mô hình, cùng xuất phát từ 0",
  "zi.reg.title": "(a) Hồi quy bắt đầu từ 0: vẫn học được",
  "zi.mlp.title": "(b) Có lớp ẩn mà bắt đầu từ 0: không bao giờ học được",
  "zi.sym.title": "(c) Đối xứng: các nơ-ron giống nhau thì mãi giống nhau",
  // lab
  "lab.lead":
    "Dựng một mạng nhỏ, chọn hoặc tự mang dữ liệu đến, rồi huấn luyện nó trong khi theo dõi mọi chỉ số: mất mát trên tập huấn luyện và tập kiểm tra, gradient của từng lớp, các nơ-ron chết và mức thay đổi của trọng số. Mọi con số đều do lõi tính ngay khi bạn xem.",
  // summary
  "scene.summary.nav": "Tóm tắt",
  "scene.summary.title": "Tóm tắt: ba lý do mạng không học được",
  "summary.lead":
    "Ba vấn đề của ứng dụng này gói trong một bảng: hàm kích hoạt nào dính vào, chuyện gì xảy ra với gradient, đạo hàm của hàm kích hoạt lớn được đến đâu, và cách khắc phục. Mỗi cách khắc phục là một liên kết: bấm vào để mở phần tương ứng, đã đặt sẵn để bạn thử ngay.",
};

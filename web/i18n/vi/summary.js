// @ts-check
// Chuỗi tiếng Việt của cảnh “Tóm tắt” (../../i18n.js tải khi cảnh được mở; tiêu đề, lời dẫn và tên
// các phần của cảnh nằm ở ./shared.js). Các khóa phải trùng với ../en/summary.js.
// Không có con số nào ở đây: đạo hàm lớn nhất và chỗ đạt được do lõi tính, trang chỉ điền vào.
export default {
  "summary.caption": "Ba vấn đề, nguyên nhân và cách khắc phục",

  // the columns
  "summary.col.problem": "Vấn đề",
  "summary.col.activations": "Hàm kích hoạt liên quan",
  "summary.col.mechanism": "Điều gì xảy ra",
  "summary.col.derivative": "Đạo hàm lớn nhất",
  "summary.col.remedies": "Cách khắc phục (bấm để thử)",

  // the problems
  "summary.problem.vanishing": "Gradient tiêu biến",
  "summary.problem.dying-relu": "ReLU chết",
  "summary.problem.zero-init": "Khởi tạo bằng 0: tính đối xứng không bao giờ bị phá vỡ",

  "summary.mechanism.vanishing":
    "Lan truyền ngược nhân gradient với f′ một lần ở mỗi lớp. Đạo hàm của sigmoid vốn đã nhỏ, còn sigmoid và tanh khi bão hòa thì có f′ gần bằng 0, nên qua nhiều lớp tích ấy teo dần và các lớp đầu hầu như đứng yên.",
  "summary.mechanism.dying-relu":
    "Một nơ-ron ReLU nhận tiền kích hoạt âm với mọi mẫu thì luôn cho ra 0 và có đạo hàm bằng 0, nên chẳng gradient nào về tới các trọng số đi vào nó. Những trọng số đó không đổi nữa, và nơ-ron cứ thế im lặng mãi.",
  "summary.mechanism.zero-init":
    "Khi mọi trọng số xuất phát bằng nhau (toàn 0, hoặc cùng một hằng số), các nơ-ron ẩn tính ra cùng một giá trị và nhận cùng một gradient, nên sau mỗi bước cập nhật chúng vẫn y hệt nhau. Lớp ẩn rộng đến đâu cũng chỉ làm việc như một nơ-ron.",

  // the activations of the zero-init row, and its derivative cell
  "summary.acts.any": "Hàm nào cũng vậy, ví dụ {names}",
  "summary.derivative.any": "Không phải nguyên nhân: f′ là bao nhiêu thì mọi nơ-ron ẩn cũng nhận cùng một giá trị đó.",

  // one line of the derivative column: "Sigmoid: f′ lớn nhất = 0.25 (tại x = 0)"
  "summary.max.line": "{name}: {parts}",
  "summary.max.at": "f′ lớn nhất = {value} (tại {where})",
  "summary.max.on": "f′ = {value} khi {where}",
  "summary.max.sup": "f′ tiến dần tới {value} nhưng không đạt",
  "summary.max.join": ", ",

  // the remedies that are not an activation
  "summary.remedy.residual": "Kết nối tắt (residual)",
  "summary.remedy.xavier": "Khởi tạo ngẫu nhiên Xavier (Glorot)",
  "summary.remedy.he": "Khởi tạo ngẫu nhiên He (Kaiming)",
  "summary.remedy.list": "Cách khắc phục cho “{problem}”",
  "summary.opens": "Liên kết mở phần “{scene}”; xem mục “{part}”.",
};

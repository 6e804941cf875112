// @ts-check
// Vietnamese strings of the steps module (spread into the tables of the
// scenes that use them). Keys must match ../en/steps.js.
// The step player (web/components/step-player.js) and the step formulas (step-formulas.js),
// shared by the dying-relu, vanishing and zero-init scenes.
export default {
  "player.label": "Trình phát từng bước",
  "player.controls": "Điều khiển trình phát",
  "player.first": "Về bước đầu tiên",
  "player.prev": "Trước",
  "player.next": "Tiếp",
  "player.last": "Đến bước cuối cùng",
  "player.play": "Chạy",
  "player.pause": "Tạm dừng",
  "player.speed": "Tốc độ",
  "player.speedValue": "{speed}×",
  "player.showAll": "Hiện tất cả các bước",
  "player.print": "In lời giải",
  "player.keys":
    "Phím tắt khi đang ở trong trình phát: → hoặc N sang bước sau, ← hoặc P về bước trước, Home/End về bước đầu/cuối, Space để chạy hoặc dừng, A để bật/tắt chế độ hiện tất cả.",
  "player.list": "Danh sách các bước",
  "player.stageRole": "bước tính",
  "player.counter": "Bước {n}/{total}",
  "player.stepTitle": "Bước {n}/{total} · {title}",
  "player.announce": "Bước {n}/{total}: {title}",
  "player.expansion": "Tính riêng từng phần tử",
  "player.empty": "Chưa có bước nào để hiển thị.",
  "player.json": "Lưu các bước (JSON)",
  "fade.label": "Bạn tự làm",
  "fade.none": "không bước nào — hiện mọi kết quả",
  "fade.last1": "bước cuối",
  "fade.lastK": "{k} bước cuối",
  "fade.all": "tất cả các bước",
  "fade.prompt": "Đến lượt bạn: hãy tính",
  "fade.shape": "({rows} × {cols}, từng phần tử)",
  "fade.shapeScalar": "(một số)",
  "fade.entry": "hàng {row}, cột {col}",
  "fade.entryScalar": "giá trị",
  "fade.check": "Kiểm tra",
  "fade.show": "Xem kết quả",
  "fade.wrong": "{n} trên {total} phần tử chưa nằm trong khoảng {pct} % quanh giá trị đúng (đã đánh dấu).",
  "fade.unreadable": "{n} phần tử chưa phải là số (dùng dấu chấm hay dấu phẩy thập phân đều được).",
  "fade.tryAgain": "Hãy thử lại, hoặc xem kết quả.",
  "fade.right": "Đúng: mọi phần tử bạn nhập đều nằm trong khoảng {pct} % quanh kết quả đúng bên dưới.",
  "fade.shown": "Đã hiện theo yêu cầu: kết quả đúng ở bên dưới.",

  "step.phase.forward": "Lan truyền thuận",
  "step.phase.backward": "Lan truyền ngược",
  "step.phase.update": "Cập nhật",

  "step.op.linear": "Tiền kích hoạt của lớp {layer}",
  "step.op.activation": "Hàm kích hoạt của lớp {layer}",
  "step.op.residual": "Kết nối tắt ở lớp {layer}",
  "step.op.head": "Xác suất ở đầu ra",
  "step.op.loss": "Hàm mất mát",
  "step.op.output_grad": "Gradient tại đầu ra",
  "step.op.grad_weights": "Gradient của trọng số lớp {layer}",
  "step.op.grad_bias": "Gradient của bias lớp {layer}",
  "step.op.grad_activation": "Ngược qua trọng số của lớp {layer}",
  "step.op.grad_inputs": "Gradient theo đầu vào",
  "step.op.grad_pre_activation": "Ngược qua hàm kích hoạt của lớp {layer}",
  "step.op.grad_alpha": "Gradient của α (PReLU) ở lớp {layer}",
  "step.op.update_weights": "Cập nhật trọng số lớp {layer}",
  "step.op.update_bias": "Cập nhật bias lớp {layer}",
  "step.op.update_alpha": "Cập nhật α ở lớp {layer}",

  "step.explain.linear":
    "Mỗi nơ-ron của lớp {layer} lấy từng đầu vào nhân với trọng số trên cạnh nối tương ứng, cộng tất cả lại rồi cộng thêm bias. Con số thu được là tiền kích hoạt — giá trị trước khi đi qua hàm kích hoạt.",
  "step.explain.linear.augmented":
    "Đặt thêm số 1 ở đầu vectơ đầu vào thì bias trở thành hàng đầu tiên của ma trận trọng số, và cả lớp {layer} chỉ còn là một phép nhân ma trận.",
  "step.explain.activation":
    "Hàm kích hoạt được áp dụng cho từng phần tử một. Khi lan truyền ngược, chính đạo hàm f′ tại những điểm này quyết định bao nhiêu gradient đi qua được lớp {layer}.",
  "step.explain.residual":
    "Đầu vào của lớp {layer} được cộng thẳng vào đầu ra của hàm kích hoạt. Nhờ vậy, khi lan truyền ngược, gradient có thêm một lối đi không bị nhân với f′.",
  "step.explain.head":
    "Softmax đổi các điểm số thành xác suất: lấy e mũ từng điểm số rồi chia cho tổng, nên mọi xác suất đều dương và cộng lại bằng 1. (Với sigmoid, mỗi đầu ra là một xác suất riêng; với MSE, đầu ra được giữ nguyên.)",
  "step.explain.loss":
    "Mất mát đo đầu ra sai lệch bao nhiêu so với nhãn. Với softmax và cross-entropy, đó là −ln của xác suất mà mạng dành cho loại đúng: xác suất ấy càng gần 1 thì mất mát càng gần 0.",
  "step.explain.output_grad":
    "Với softmax và cross-entropy, đạo hàm của mất mát theo điểm số có dạng rất gọn: xác suất dự đoán trừ nhãn one-hot. Loại bị dự đoán quá cao nhận gradient dương, loại đúng nhận gradient âm.",
  "step.explain.grad_weights":
    "Gradient của trọng số nối đầu vào i với nơ-ron j bằng đầu vào i nhân với gradient tại nơ-ron j. Hệ quả: nơ-ron nào có gradient bằng 0 thì cả cột trọng số của nó có gradient bằng 0.",
  "step.explain.grad_weights.augmented":
    "Gradient của trọng số nối đầu vào i với nơ-ron j bằng đầu vào i nhân với gradient tại nơ-ron j; hàng đầu tiên (ứng với số 1) là gradient của bias. Nơ-ron nào có gradient bằng 0 thì cả cột của nó bằng 0.",
  "step.explain.grad_bias":
    "Bias luôn được nhân với 1, nên gradient của nó chính là gradient tại nơ-ron (cộng qua các mẫu nếu lô có nhiều mẫu).",
  "step.explain.grad_activation":
    "Gradient đi ngược qua các trọng số của lớp {layer}: mỗi đầu ra của lớp trước nhận tổng các gradient phía sau, mỗi cái nhân với trọng số của cạnh nối tương ứng.",
  "step.explain.grad_inputs":
    "Gradient theo chính đầu vào. Đầu vào là dữ liệu nên không được cập nhật, nhưng con số này cho biết gradient còn lại bao nhiêu khi về tới đầu mạng.",
  "step.explain.grad_pre_activation":
    "Đi ngược qua hàm kích hoạt: nhân từng phần tử với đạo hàm f′ tại tiền kích hoạt. Ở đâu f′ = 0, gradient bị chặn lại hoàn toàn; ở đâu f′ rất nhỏ, gradient gần như biến mất.",
  "step.explain.grad_alpha":
    "PReLU học độ dốc α của phía âm. Gradient của α gom các gradient từ những nơ-ron có tiền kích hoạt âm, mỗi cái nhân với chính tiền kích hoạt ấy.",
  "step.explain.update_weights":
    "Một bước SGD: mỗi trọng số dịch ngược hướng gradient của nó một đoạn bằng η nhân gradient. Trọng số có gradient bằng 0 giữ nguyên giá trị.",
  "step.explain.update_weights.augmented":
    "Một bước SGD cho cả ma trận (hàng đầu là bias): mỗi phần tử dịch ngược hướng gradient một đoạn bằng η nhân gradient. Phần tử có gradient bằng 0 giữ nguyên giá trị.",
  "step.explain.update_bias": "Bias được cập nhật theo cùng quy tắc: trừ đi η nhân gradient của nó.",
  "step.explain.update_alpha": "Hệ số α của PReLU cũng là một tham số, nên nó được cập nhật như mọi trọng số khác.",
  "player.formulaRegion": "Công thức của bước: {title}",
};

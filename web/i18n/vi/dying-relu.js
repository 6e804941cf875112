// @ts-check
// Vietnamese strings of the dying-relu module (loaded by ../../i18n.js when the scene is shown; the
// scene's title, lead and part titles are in ./shared.js). Keys must match ../en/dying-relu.js.
// With the shared components' tables this scene uses (they load with it).
import steps from "./steps.js";
import practice from "./practice.js";
import predict from "./predict.js";

export default {
  ...steps,
  ...practice,
  ...predict,
  "dr.toc": "Các phần của trang",

  "dr.worked.intro":
    "Mạng 2-2-3 của bài viết: đầu vào x = [1.5, 0.2], hai nơ-ron ẩn dùng ReLU, ba đầu ra qua softmax, nhãn đúng là loại 0 (y = [1, 0, 0]), tốc độ học η = 0.01. Bạn có thể sửa bất kỳ con số nào — toàn bộ phép tính bên dưới được lõi tính toán làm lại ngay khi bạn gõ.",
  "dr.edit.label.form": "Số liệu của ví dụ",
  "dr.edit.data": "Dữ liệu",
  "dr.edit.x": "Đầu vào x",
  "dr.edit.xCell": "Đầu vào x, thành phần thứ {j}",
  "dr.edit.label": "Nhãn đúng",
  "dr.edit.labelOption": "loại {k} (y = [{y}])",
  "dr.edit.weights": "Trọng số",
  "dr.edit.M": "M — lớp ẩn (hàng đầu là bias)",
  "dr.edit.biasRow": "1 (bias)",
  "dr.edit.mCell": "M, hàng {i}, cột {j}",
  "dr.edit.Wout": "W_out — lớp đầu ra",
  "dr.edit.wCell": "W_out, hàng {i}, cột {j}",
  "dr.edit.act": "Hàm kích hoạt của lớp ẩn",
  "dr.edit.alpha": "Hệ số α của {f}",
  "dr.edit.alpha.slider": "α, thanh trượt",
  "dr.edit.alpha.number": "α, ô nhập số",
  "dr.edit.eta": "Tốc độ học η",
  "dr.edit.eta.slider": "η, thanh trượt",
  "dr.edit.eta.number": "η, ô nhập số",
  "dr.edit.reset": "Trở về số liệu của bài viết",

  "dr.net.label": "Sơ đồ mạng 2-2-3 của ví dụ",
  "dr.net.bias": "Đầu vào hằng số 1, được nhân với hàng bias của M",
  "dr.net.unit.dead": "h{unit} đã chết: h = {h}, {f}(h) = {a}, {f}′(h) = {d}",
  "dr.net.unit.revived": "h{unit}: h = {h} âm nhưng {f}(h) = {a} và {f}′(h) = {d} khác 0 — vẫn học được",
  "dr.net.unit.alive": "h{unit}: h = {h}, {f}(h) = {a}, {f}′(h) = {d}",
  "dr.net.output": "z{k} = {z}, p{k} = {p}",
  "dr.net.inputs": "Đầu vào",
  "dr.net.hidden": "Lớp ẩn ({f})",
  "dr.net.outputs": "Đầu ra (softmax)",
  "dr.net.summaryDead": "Nơ-ron chết (màu xám, gạch chéo): {units}. Mọi cạnh nối vào và ra khỏi nó đều có gradient bằng 0.",
  "dr.net.summaryAlive": "Với các số liệu này không có nơ-ron nào chết.",

  "dr.verdict.alive": "Cả hai nơ-ron ẩn đều có tiền kích hoạt dương, nên mọi trọng số đều nhận được gradient.",
  "dr.verdict.dead":
    "h{unit} = {h} ≤ 0 nên {f}′(h{unit}) = {d}. Gradient {g} vẫn đến được {f}(h{unit}), nhưng bị nhân với 0, nên ∂L/∂h{unit} = {dz}: cả cột {col} của ∇M lẫn hàng {col} của ∇W_out đều bằng đúng 0. SGD không đụng tới các trọng số đó, lần sau h{unit} vẫn âm — nơ-ron này đã chết.",
  "dr.verdict.revived":
    "h{unit} = {h} vẫn âm, nhưng {f}′(h{unit}) = {d} khác 0: gradient {g} đi qua được và ∂L/∂h{unit} = {dz}. Cột {col} của ∇M khác 0, nên bước cập nhật làm các trọng số này thay đổi — nơ-ron vẫn học.",
  "dr.loss": "Mất mát L = {L}; xác suất p = [{p}].",

  "dr.round.title": "Chỗ bài viết làm tròn",
  "dr.round.loss": "Bài viết ghi L = 0.761: đó là −ln của p₁ sau khi đã làm tròn thành 0.467. Tính chính xác, L = {exact}.",
  "dr.round.p3": "Bài viết ghi p₃ = 0.178, lấy từ 1 − 0.467 − 0.355 (hiệu của những số đã làm tròn). Tính chính xác, p₃ = {exact}.",
  "dr.round.dz3": "∇z₃ = p₃ − 0 nên mang theo đúng sai số ấy: bài viết ghi 0.178, giá trị chính xác là {exact}.",
  "dr.round.more":
    "Vài số trung gian khác cũng lệch ở chữ số thứ ba vì cùng lý do (exp(z₂) ghi 1.510, tổng ghi 4.256, số hạng 0.3 × 0.355 ghi 0.107), nhưng ∇ReLU = [−0.196, 0.302] và ∇M của bài viết vẫn đúng khi làm tròn đến ba chữ số thập phân.",

  "dr.player.title": "Phép tính, từng bước một",
  "dr.player.label": "Trình phát từng bước của ví dụ ReLU chết",
  "dr.player.digits": "Số chữ số có nghĩa",
  "dr.player.digitsValue": "{d} chữ số",
  "dr.explain.linear":
    "Thêm số 1 vào đầu x (x̃ = [1, x₁, x₂]) thì bias trở thành hàng đầu của M, nên h = x̃·M: mỗi cột của M nuôi một nơ-ron ẩn, và hⱼ là tổng các x̃ᵢ nhân với mᵢⱼ.",

  "dr.note.dead.activation": "h{unit} = {h} âm nên {f}(h{unit}) = 0: nơ-ron này không đóng góp gì cho đầu ra.",
  "dr.note.dead.grad_activationOut":
    "Ở bước này chưa có gì bằng 0: {f}(h{unit}) vẫn nhận gradient {g}, nghĩa là mất mát sẽ thay đổi nếu đầu ra của nơ-ron này thay đổi.",
  "dr.note.dead.grad_pre_activation":
    "Đây chính là chỗ gradient bị chặn: {g} × {f}′(h{unit}) = {g} × {d} = {dz}. Mọi thứ phía trước h{unit} sẽ không nhận được gì.",
  "dr.note.dead.grad_weights": "Vì ∂L/∂h{unit} = 0 nên cả cột {col} của ∇M bằng 0, dù các đầu vào x̃ đều khác 0.",
  "dr.note.dead.grad_weightsOut": "Hàng {col} của ∇W_out cũng bằng 0, vì đầu vào của hàng ấy là {f}(h{unit}) = 0.",
  "dr.note.dead.update_weights":
    "Cột {col} của M giữ nguyên sau khi cập nhật. Với mẫu này, lần lan truyền thuận tiếp theo lại cho đúng h{unit} = {h} — vòng luẩn quẩn không bao giờ được phá vỡ.",
  "dr.note.dead.update_weightsOut": "Hàng {col} của W_out cũng không đổi.",
  "dr.note.revived.activation": "h{unit} = {h} âm, nhưng {f} vẫn cho một giá trị khác 0 với đầu vào âm.",
  "dr.note.revived.grad_activationOut": "{f}(h{unit}) nhận gradient {g}.",
  "dr.note.revived.grad_pre_activation":
    "Khác với ReLU: {f}′(h{unit}) = {d} khác 0, nên {g} × {d} = {dz} vẫn đi qua được.",
  "dr.note.revived.grad_weights": "Cột {col} của ∇M khác 0: nơ-ron h{unit} nhận được tín hiệu để học.",
  "dr.note.revived.grad_weightsOut": "Hàng {col} của ∇W_out khác 0, vì {f}(h{unit}) khác 0.",
  "dr.note.revived.update_weights": "Cột {col} của M đã thay đổi: bước cập nhật chạm được tới nơ-ron h{unit}.",
  "dr.note.revived.update_weightsOut": "Hàng {col} của W_out cũng thay đổi.",

  "dr.cure.intro":
    "ReLU chặn gradient vì đạo hàm của nó bằng 0 trên cả nửa âm. LeakyReLU, PReLU, ELU, GELU và Swish đều có đạo hàm khác 0 ở đó, nên một nơ-ron có tiền kích hoạt âm vẫn nhận được gradient. Bảng dưới đây tính lại đúng ví dụ ở phần (a) với từng hàm.",
  "dr.compare.caption": "Nơ-ron h{unit} với từng hàm kích hoạt (số liệu như phần (a), sau một bước SGD)",
  "dr.compare.act": "Hàm kích hoạt",
  "dr.compare.fprime": "f′(h{unit})",
  "dr.compare.grad": "∂L/∂h{unit}",
  "dr.compare.dM": "∇M, cột của h{unit}",
  "dr.compare.Mnew": "M′ = M − η∇M, cột của h{unit}",
  "dr.compare.none":
    "Với các số liệu hiện tại, khi dùng ReLU không nơ-ron ẩn nào có tiền kích hoạt âm, nên chưa có gì cần chữa.",

  "dr.repeat.title": "Lặp lại SGD: nơ-ron chết thì chết mãi",
  "dr.repeat.intro":
    "Bộ huấn luyện của lõi tính toán lặp lại bước SGD trên chính mẫu này với η = {eta}. Đồ thị cho thấy h{unit} sau mỗi bước, khi dùng ReLU và khi dùng {other}.",
  "dr.repeat.k": "Số bước SGD",
  "dr.repeat.k.slider": "Số bước SGD, thanh trượt",
  "dr.repeat.k.number": "Số bước SGD, ô nhập số",
  "dr.repeat.kValue": "{k} bước",
  "dr.repeat.plusOne": "Thêm một bước",
  "dr.repeat.zero": "Về 0 bước",
  "dr.repeat.noUnit": "Khi dùng ReLU không có nơ-ron nào có h ≤ 0, nên không có nơ-ron chết nào để theo dõi.",
  "dr.repeat.xLabel": "bước SGD",
  "dr.repeat.yLabel": "h{unit}",
  "dr.repeat.diverged": "{f}: quá trình huấn luyện bị phân kỳ ({message}).",
  "dr.repeat.frozen":
    "{f}: sau {k} bước, h{unit} vẫn đúng bằng {h} và cột của h{unit} trong M vẫn là [{col}] — không một chữ số nào thay đổi.",
  "dr.repeat.moved":
    "{f}: sau {k} bước, h{unit} đi từ {h0} đến {h}; cột của h{unit} trong M giờ là [{col}], và gradient hiện tại ∂L/∂h{unit} = {dh}.",
  "dr.repeat.series": "{f}: h{unit}",
  "dr.repeat.chartLabel": "Tiền kích hoạt h{unit} qua {k} bước SGD",
  "dr.repeat.caption":
    "Với ReLU, đường h{unit} nằm ngang tuyệt đối. Với {other}, h{unit} thay đổi sau mỗi bước — lên hay xuống là tùy hướng nào làm mất mát của mẫu này giảm; điều quan trọng là nó không còn bị đóng băng.",

  "dr.train.intro":
    "Một mạng 4-32-32-3 dùng ReLU được huấn luyện bằng SGD trên {n} bông hoa Iris (đã chuẩn hóa), mỗi bước một lô {batch} mẫu. Khi tốc độ học quá lớn, một lần cập nhật có thể đẩy trọng số và bias của một nơ-ron đi xa đến mức tiền kích hoạt của nó âm với mọi mẫu — và từ đó nó không bao giờ nhận được gradient nữa.",
  "dr.train.controls": "Thiết lập huấn luyện",
  "dr.train.arch": "Kiến trúc 4 → 32 → 32 → 3, softmax với cross-entropy lấy trung bình trên lô, SGD, lô 16 mẫu.",
  "dr.train.lr": "Tốc độ học",
  "dr.train.lr.slider": "Tốc độ học, thanh trượt",
  "dr.train.lr.number": "Tốc độ học, ô nhập số",
  "dr.train.steps": "Số bước huấn luyện",
  "dr.train.steps.slider": "Số bước huấn luyện, thanh trượt",
  "dr.train.steps.number": "Số bước huấn luyện, ô nhập số",
  "dr.train.bias": "Bias ban đầu (một hằng số)",
  "dr.train.bias.slider": "Bias ban đầu, thanh trượt",
  "dr.train.bias.number": "Bias ban đầu, ô nhập số",
  "dr.train.seed": "Hạt giống ngẫu nhiên (seed)",
  "dr.train.seed.slider": "Hạt giống ngẫu nhiên (seed), thanh trượt",
  "dr.train.seed.number": "Hạt giống ngẫu nhiên (seed), ô nhập số",
  "dr.train.init": "Khởi tạo trọng số",
  "dr.train.act": "Hàm kích hoạt",
  "dr.train.act.relu": "ReLU",
  "dr.train.act.leaky_relu": "LeakyReLU (α = 0.01)",
  "dr.train.compareLeaky": "So sánh với LeakyReLU (cùng hạt giống ngẫu nhiên, cùng tốc độ học)",
  "dr.train.compareRelu": "So sánh với ReLU (cùng hạt giống ngẫu nhiên, cùng tốc độ học)",
  "dr.train.run": "Huấn luyện lại và xem từng bước",
  "dr.train.running": "Đang huấn luyện…",
  "dr.train.presets": "Cấu hình có sẵn",
  "dr.train.presetKiller": "Tốc độ học quá lớn (1.5): ≥ 30 % nơ-ron lớp 2 chết",
  "dr.train.presetModerate": "Tốc độ học vừa phải (0.05)",
  "dr.train.oneClick": "ReLU và LeakyReLU cạnh nhau",
  "dr.init.zeros": "Toàn số 0",
  "dr.init.uniform": "Phân phối đều U(−{a}, {a})",
  "dr.init.normal": "Phân phối chuẩn N(0, {std}²)",
  "dr.init.xavier_uniform": "Xavier (Glorot), đều",
  "dr.init.xavier_normal": "Xavier (Glorot), chuẩn",
  "dr.init.he_uniform": "He (Kaiming), đều",
  "dr.init.he_normal": "He (Kaiming), chuẩn",
  "dr.init.lecun_normal": "LeCun, chuẩn",
  "dr.train.seriesDead": "{f}, lớp {layer}",
  "dr.train.xLabel": "bước",
  "dr.train.deadLabel": "tỉ lệ nơ-ron chết trong lô",
  "dr.train.lossLabel": "mất mát trên lô",
  "dr.train.failed": "Không huấn luyện được mạng với các thiết lập này. Lõi tính toán báo: {message}",
  "dr.train.diverged": "{f}: huấn luyện bị phân kỳ ở bước {step}. Lõi tính toán báo: {message}. Hãy giảm tốc độ học.",
  "dr.train.progress": "{f}: bước {step}/{total} — tỉ lệ nơ-ron chết trong lô: lớp 1 {d1}, lớp 2 {d2}.",
  "dr.train.final":
    "{f}, sau {steps} bước: {d1}/{w1} nơ-ron của lớp 1 và {d2}/{w2} nơ-ron của lớp 2 chết với toàn bộ 150 bông hoa; độ chính xác {acc}.",
  "dr.train.netLabel": "Sơ đồ mạng 4-32-32-3 sau khi huấn luyện với {f}",
  "dr.train.netTitle": "Sau khi huấn luyện: {f}",
  "dr.train.netInputs": "Đầu vào",
  "dr.train.netOutputs": "Đầu ra",
  "dr.train.netLayer": "Lớp {layer}",
  "dr.train.unitDead": "Lớp {layer}, nơ-ron {unit}: đã chết (f′ = 0 với mọi mẫu)",
  "dr.train.unit": "Lớp {layer}, nơ-ron {unit}",
  "dr.train.netSummary":
    "Màu xám, viền đỏ: nơ-ron chết với toàn bộ dữ liệu — lớp 1: {d1}/{w1}, lớp 2: {d2}/{w2}. Độ dày của cạnh tỉ lệ với |w|.",
  "dr.train.deadChartLabel": "Tỉ lệ nơ-ron chết của từng lớp ẩn theo bước huấn luyện, tốc độ học {lr}",
  "dr.train.deadCaption":
    "Sau mỗi bước: tỉ lệ nơ-ron có f′ = 0 với mọi mẫu của lô hiện tại. Với ReLU và tốc độ học lớn, đường của lớp 2 vọt lên trong vài chục bước đầu rồi hầu như không giảm nữa; với LeakyReLU nó nằm sát 0.",
  "dr.train.lossChartLabel": "Mất mát trên lô theo bước huấn luyện, thang logarit",
  "dr.train.lossCaption":
    "Mất mát của từng lô, thang logarit. Mạng vẫn có thể học tiếp bằng những nơ-ron còn sống — nhưng với ít nơ-ron hơn hẳn so với lúc đầu.",
  "dr.predict.question": "Trước khi lan truyền ngược tới lớp ẩn: ở đây h₂ = {h}. ∂L/∂h₂, và cùng với nó là cột 2 của ∇M, sẽ bằng bao nhiêu?",
  "dr.predict.zero": "đúng bằng 0",
  "dr.predict.small": "nhỏ, nhưng khác 0",
  "dr.predict.likeH1": "lớn cỡ ∂L/∂h₁",
  "dr.predict.covered": "Bước này cho thấy ∂L/∂h₂: hãy dự đoán ở phía trên trình phát trước (hoặc bỏ qua).",
};

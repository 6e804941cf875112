// @ts-check
// Chuỗi tiếng Việt. Các khóa phải trùng khớp với web/i18n/en.js (có test kiểm tra).
// `{name}` là chỗ giữ, được điền bởi t(key, { name }).
// Bảng chung, tải ở mọi trang: chuỗi của chính trang, của hộp thoại chia sẻ, dòng tiến độ huấn luyện,
// ghi chú ngoại tuyến và ./vi/shared.js. Chuỗi riêng của mỗi cảnh (kèm bảng của trình phát từng bước,
// phần luyện tập, phần dự đoán mà cảnh dùng) nằm trong ./vi/<cảnh>.js, tải khi cảnh được mở (../i18n.js).
import shared from "./vi/shared.js";
import share from "./vi/share.js";
import training from "./vi/training.js";
import offline from "./vi/offline.js";

export default {
  ...shared,
  ...share,
  ...training,
  ...offline,
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

  "scene.vanishing.nav": "Gradient tiêu biến",
  "scene.vanishing.title": "Gradient tiêu biến",
  "scene.dying-relu.nav": "ReLU chết",
  "scene.dying-relu.title": "ReLU chết",
  "scene.zero-init.nav": "Khởi tạo bằng 0",
  "scene.zero-init.title": "Khởi tạo trọng số bằng 0",
  "scene.lab.nav": "Phòng thí nghiệm",
  "scene.lab.title": "Phòng thí nghiệm",
  "route.unknown": "Không có phần nào tên “{scene}”; trang đang hiển thị phần hàm kích hoạt.",
  "url.rejected.title": "Một số thiết lập trong liên kết này không dùng được, nên trang dùng giá trị của mình thay cho chúng:",
  "url.rejected.number": "{key} = “{raw}”: cần một số từ {min} đến {max}",
  "url.rejected.numberAny": "{key} = “{raw}”: cần một số",
  "url.rejected.choice": "{key} = “{raw}”: không phải một giá trị có ở đây",
  "url.rejected.flag": "{key} = “{raw}”: cần 1 hoặc 0",
  "url.rejected.list": "{key} = “{raw}”: cần {count} số cách nhau bằng dấu phẩy, mỗi số từ −{limit} đến {limit}",
  "url.rejected.listAny": "{key} = “{raw}”: cần {count} số cách nhau bằng dấu phẩy",
  "url.rejected.ids": "{key} = “{raw}”: {problems}",
  "url.rejected.labels": "{key} = “{raw}”: cần {count} nhãn loại (0, 1 hoặc 2) cách nhau bằng dấu phẩy",
  "url.rejected.other": "{key} = “{raw}”: không dùng được",
  "url.rejected.using": " — dùng {value}",
  "url.rejected.dismiss": "Đóng",
  "url.rejected.idsUnknown": "không có ở đây: {names} (đã bỏ qua)",
  "url.rejected.idsMany": "tối đa {limit} cùng lúc (hiện {limit} cái đầu tiên)",
  "url.rejected.widths": "{key} = “{raw}”: cần tối đa {count} độ rộng lớp, mỗi số từ {min} đến {max}, cách nhau bằng dấu phẩy",
  "url.rejected.activations": "{key} = “{raw}”: cần {count} hàm kích hoạt cách nhau bằng dấu phẩy, mỗi hàm là một tên có ở đây, có thể kèm “:” và tham số trong khoảng cho phép",
  "url.rejected.controls": "{key} = “{raw}”: phần này không có điều khiển nào tên {names} (đã bỏ qua). Các điều khiển của phần này: {known}",
  "url.rejected.part": "{key} = “{raw}”: phần này không có mục nào tên như vậy (các mục: {known}), nên toàn bộ phần được hiển thị",
  "url.rejected.partNone": "{key} = “{raw}”: phần này không chia thành các mục, nên toàn bộ phần được hiển thị",

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

  "chart.unavailable":
    "Không vẽ được đồ thị: bản lõi tính toán này chưa có hàm vẽ. Các giá trị bên dưới vẫn được tính chính xác.",
  "chart.png": "Tải ảnh PNG",
  "csv.download": "Tải tệp CSV",
  "csv.empty": "Chưa có gì để lưu: hãy huấn luyện trước, khi đó tệp có một dòng cho mỗi bước.",
  "chart.failed": "Không vẽ được đồ thị này. Hãy đổi một thiết lập hoặc tải lại trang; nếu vẫn lỗi, xin báo cho chúng tôi kèm phần chi tiết bên dưới.",
  "chart.pngFailed": "Không tạo được tệp PNG. Hãy thử lại, hoặc chụp màn hình thay thế.",
  "chart.details": "Chi tiết",

};

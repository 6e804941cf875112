// @ts-check
// Chuỗi tiếng Việt của hộp thoại “Chia sẻ / nhúng” (components/share-dialog.js), gộp vào ../vi.js.
// Các khóa phải trùng khớp với ../en/share.js.
export default {
  "share.button": "Chia sẻ",
  "share.title": "Chia sẻ hoặc nhúng phần này",
  "share.intro": "Liên kết giữ nguyên mọi thiết lập bạn đang thấy, nên người mở sẽ thấy đúng như bạn.",
  "share.close": "Đóng",
  "share.options": "Tùy chọn",
  "share.theme": "Giao diện",
  "share.theme.light": "Sáng",
  "share.theme.dark": "Tối",
  "share.theme.system": "Theo máy của người xem",
  "share.embed": "Ẩn thanh điều hướng trong mã nhúng",
  "lock.notice": "Tác giả bài học đã cố định các thiết lập: các điều khiển đã bị khóa. Trình phát từng bước và phần luyện tập vẫn dùng được.",
  "lock.noticeKeys": "Tác giả bài học đã cố định các thiết lập sau: {labels}. Các điều khiển khác, trình phát từng bước và phần luyện tập vẫn dùng như bình thường.",
  "lock.noticeKeysUnseen": "Tác giả bài học đã cố định một số thiết lập hiện không hiển thị. Các điều khiển khác vẫn dùng như bình thường.",
  "share.lock": "Khóa các điều khiển",
  "share.lockNote": "Thêm lock=all vào liên kết: các thiết lập của cảnh vẫn hiện ra nhưng không đổi được; trình phát từng bước và phần luyện tập vẫn dùng được.",
  "share.part": "Mục của cảnh được hiển thị (part=: khung nhúng ngắn hơn nhiều)",
  "share.part.whole": "Toàn bộ cảnh",
  "share.link": "Liên kết đến đúng khung nhìn này",
  "share.snippet": "Mã nhúng (iframe) cho trang khóa học",
  "share.copyLink": "Sao chép liên kết",
  "share.copySnippet": "Sao chép mã nhúng",
  "share.copied": "Đã sao chép",
  "share.copyManual": "Nhấn Ctrl+C / ⌘C để sao chép",
};

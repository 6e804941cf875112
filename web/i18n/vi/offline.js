// @ts-check
// Chuỗi tiếng Việt cho ghi chú "đã cập nhật" khi dùng ngoại tuyến (offline/update-note.js), gộp vào ../vi.js.
// Các khóa phải trùng với ../en/offline.js.
export default {
  "offline.updated": "gradlab đã được cập nhật; hãy tải lại trang để dùng phiên bản mới.",
  "offline.reload": "Tải lại",
};

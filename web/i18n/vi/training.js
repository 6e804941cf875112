// @ts-check
// Chuỗi tiếng Việt dùng chung cho mọi lần huấn luyện (web/components/training-session.js và
// training-progress.js): dòng tiến độ, nút Dừng và các thông báo lỗi chung.
export default {
  "train.progress": "Đang huấn luyện: bước {done}/{total}…",
  "train.stop": "Dừng",
  "train.stop.title": "Dừng huấn luyện và giữ lại những bước đã học",
  "train.invalid": "Lõi không chấp nhận các thiết lập này: {message}",
  "train.diverged": "Huấn luyện phân kỳ ở bước {step}. Lõi báo: {message}",
};

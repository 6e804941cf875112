// @ts-check
// "Dự đoán rồi mới xem" (web/components/predict.js): khung hỏi chung và dòng đặt dự đoán cạnh
// giá trị đúng. Mỗi cảnh tự viết câu hỏi của mình (các khóa *.predict.* trong bảng của cảnh).

export default {
  "predict.title": "Dự đoán trước đã",
  "predict.reveal": "Xem kết quả",
  "predict.skip": "Bỏ qua",
  "predict.sliderLog": "Dự đoán của bạn, trên thang logarit",
  "predict.slider": "Ước lượng của bạn",
  "predict.typed": "Dự đoán của bạn (nhập một số)",
  "predict.ends": "từ {lo} đến {hi}",
  "predict.choose": "Dự đoán của bạn",
  "predict.skipped": "Đã bỏ qua: kết quả hiện bên dưới.",
  "predict.dir.high": "đoán cao",
  "predict.dir.low": "đoán thấp",
  "predict.dir.exact": "trùng khớp",
  "predict.magnitude.close": "Bạn đoán: {guess}. Giá trị đúng: {exact}. Chênh chưa tới 10 lần (lệch {decades} bậc, {dir}): cảm nhận độ lớn rất tốt.",
  "predict.magnitude.off": "Bạn đoán: {guess}. Giá trị đúng: {exact}. Lệch {decades} bậc ({dir}): xa hơn 10 lần.",
  "predict.magnitude.exactZero": "Bạn đoán: {guess}. Giá trị đúng: 0. Thang logarit không có điểm 0: không chút gì tới được đây.",
  "predict.estimate.close": "Bạn ước lượng: {guess}. Giá trị đúng: {exact}. Sát: chỉ lệch {off} ({dir}).",
  "predict.estimate.off": "Bạn ước lượng: {guess}. Giá trị đúng: {exact}. Lệch {off} ({dir}).",
  "predict.estimate.exactZero": "Bạn ước lượng: {guess}. Giá trị đúng: 0.",
  "predict.choiceRight": "Bạn dự đoán: {guess}. Thực tế: {truth}. Đúng.",
  "predict.choiceWrong": "Bạn dự đoán: {guess}. Thực tế: {truth}. Chưa đúng: kết quả bên dưới cho thấy vì sao.",
};

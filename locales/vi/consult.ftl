# Consultations: topics, states, notices to one person, system events and the web client's texts.
# $topic is a topic name, $actor and $helper are display names, $language is a language code (e.g. ne).
# Notices and events are read by the person asking for help and by the helpers alike.

# The seeded topics. Topics added later carry their own names.
topic-visa = Thị thực và lưu trú
topic-visa-description = Tư cách lưu trú, gia hạn, chuyển đổi tư cách lưu trú, tái nhập cảnh và thị thực cho gia đình.
topic-housing = Nhà ở
topic-housing-description = Tìm nhà, hợp đồng thuê, người bảo lãnh, chuyển đến và chuyển đi, hàng xóm và quy định đổ rác.
topic-work = Việc làm và hợp đồng
topic-work-description = Hợp đồng lao động, lương, làm thêm giờ, bảo hiểm xã hội, thuế và chuyển việc.
topic-japanese = Tiếng Nhật
topic-japanese-description = Học tiếng Nhật, lớp học, kỳ thi JLPT, và giúp đỡ khi đọc hoặc viết thư, giấy tờ.
topic-daily-life = Đời sống và sức khỏe
topic-daily-life-description = Thủ tục ở tòa thị chính, ngân hàng, điện thoại, bệnh viện, bảo hiểm y tế và các trường hợp khẩn cấp.
topic-other = Khác
topic-other-description = Bất cứ điều gì khác bạn muốn hỏi.

# Where a consultation is in its life.
consultation-state-waiting = Đang chờ
consultation-state-active = Đang tư vấn
consultation-state-on-hold = Tạm dừng
consultation-state-resolved = Đã giải quyết
consultation-state-cancelled = Đã hủy
consultation-state-expired = Đã hết hạn

# Whether a helper can take consultations now.
helper-availability-available = Sẵn sàng
helper-availability-busy = Đang bận
helper-availability-away = Vắng mặt

# Notices to one person.
notice-available-now =
    Hiện đã có người có thể hỗ trợ bạn về { $topic } bằng { $language ->
        [en] tiếng Anh
        [ja] tiếng Nhật
        [ne] tiếng Nepal
        [vi] tiếng Việt
        [bn] tiếng Bengal
        [ru] tiếng Nga
        [uk] tiếng Ukraina
        [zh] tiếng Trung
        [ko] tiếng Hàn
        [pt] tiếng Bồ Đào Nha
       *[other] ngôn ngữ của bạn ({ $language })
    }.
notice-nobody-available =
    Hiện chưa có ai nói được ngôn ngữ của bạn để hỗ trợ về { $topic }. Bạn vẫn có thể gửi yêu cầu: yêu cầu sẽ nằm trong hàng chờ, và bạn sẽ được trả lời ngay khi có người nói được ngôn ngữ của bạn trực tuyến. { $waiting ->
        [0] Hiện không có ai đang chờ, nên bạn sẽ là người đầu tiên.
       *[other] Hiện có { $waiting } yêu cầu đang chờ.
    }
notice-queue-position =
    Bạn đang ở vị trí thứ { $position } trong hàng chờ về { $topic }. { $minutes ->
        [0] Thời gian chờ dự kiến chưa đến một phút.
       *[other] Thời gian chờ dự kiến khoảng { $minutes } phút.
    }
notice-queue-nobody = Bạn đang ở vị trí thứ { $position } trong hàng chờ về { $topic }. Hiện chưa có ai nói được ngôn ngữ của bạn đang trực tuyến; bạn sẽ được trả lời ngay khi có người trực tuyến.
notice-availability-lapsed = Kết nối của bạn bị ngắt, nên trạng thái của bạn đã được chuyển sang “Vắng mặt”.

# System events in a consultation.
event-consultation-opened = { $actor } đã nhờ hỗ trợ về { $topic }.
event-consultation-assigned = { $helper } đã được phân công phụ trách cuộc tư vấn này.
event-consultation-claimed = { $helper } đã nhận cuộc tư vấn này.
event-consultation-accepted = { $helper } đã chấp nhận cuộc tư vấn và đang hỗ trợ.
event-consultation-unanswered = Không có ai trả lời kịp, nên yêu cầu đã quay lại hàng chờ để người hỗ trợ tiếp theo nhận.
event-consultation-held = { $actor } đã tạm dừng cuộc tư vấn. Cuộc tư vấn sẽ tiếp tục khi bạn nhắn tin lại.
event-consultation-held-automatic = Cuộc tư vấn đã được tạm dừng vì một lúc lâu không có tin nhắn. Cuộc tư vấn sẽ tiếp tục khi bạn nhắn tin lại.
event-consultation-resumed = Cuộc tư vấn được tiếp tục.
event-consultation-transferred = { $actor } đã chuyển cuộc tư vấn cho { $helper }.
event-consultation-transferred-topic = { $actor } đã chuyển cuộc tư vấn sang chủ đề { $topic }.
event-consultation-requeued = { $actor } đã đưa cuộc tư vấn trở lại hàng chờ.
event-consultation-helper-invited = { $actor } đã mời { $helper } cùng hỗ trợ.
event-consultation-helper-removed = { $helper } không còn tham gia cuộc tư vấn này nữa.
event-consultation-resolved = { $actor } đã đánh dấu cuộc tư vấn là đã giải quyết.
event-consultation-cancelled = { $actor } đã hủy cuộc tư vấn.
event-consultation-reopened = { $actor } đã mở lại cuộc tư vấn.
event-consultation-expired = Cuộc tư vấn đã hết hạn vì bị tạm dừng quá lâu.
event-consultation-rated = { $actor } đã chấm { $rating } trên 5 điểm cho sự hỗ trợ.

# The web client: asking for help, and the helper console.
consult-ask = Nhờ hỗ trợ
consult-topic = Chủ đề
consult-languages = Những ngôn ngữ bạn có thể nhận hỗ trợ, ngôn ngữ ưu tiên trước
consult-first-message = Mô tả câu hỏi của bạn
consult-send = Gửi yêu cầu
consult-wait-anyway = Gửi và chờ
consult-cancel = Hủy yêu cầu
consult-reopen = Mở lại
consult-rate = Đánh giá sự hỗ trợ
consult-rating-comment = Nhận xét (không bắt buộc)
consult-helper-console = Trang dành cho người hỗ trợ
consult-queue = Hàng chờ
consult-claim = Nhận
consult-accept = Chấp nhận
consult-hold = Tạm dừng
consult-transfer = Chuyển
consult-transfer-note = Ghi chú cho người hỗ trợ tiếp theo
consult-invite-helper = Mời người hỗ trợ
consult-resolve = Đánh dấu đã giải quyết
consult-summary = Tóm tắt
consult-notes = Ghi chú nội bộ
consult-notes-hint = Chỉ người hỗ trợ và người điều hành mới xem được các ghi chú này.
consult-canned = Câu trả lời mẫu
consult-capacity = Số cuộc tư vấn nhận cùng lúc
consult-hours = Giờ hỗ trợ (giờ Nhật Bản)
consult-position = Vị trí trong hàng chờ: { $position }

# The web client: the sidebar, the consultation bar, the helper console and the helpers' side panel.
consult-consultations = Tư vấn
consult-consultation = Cuộc tư vấn
consult-loading = Đang tải…
consult-ask-intro = Hãy chọn vấn đề bạn cần hỗ trợ và viết câu hỏi. Một tình nguyện viên hoặc chuyên viên tư vấn nói ngôn ngữ của bạn sẽ trả lời riêng cho bạn tại đây.
consult-checking = Đang kiểm tra ai có thể hỗ trợ ngay…
consult-choose-topic = Hãy chọn một chủ đề.
consult-languages-none = Hãy chọn ít nhất một ngôn ngữ.
consult-first-message-hint = Bạn có thể viết bằng ngôn ngữ của mình. Nhấn Ctrl+Enter để gửi.
consult-helpers = Người hỗ trợ bạn: { $names }
consult-requester = Người hỏi: { $name }
consult-in-languages = Bằng { $languages }
consult-assigned-hint = Yêu cầu này đã được giao cho bạn. Hãy sớm chấp nhận hoặc trả lời, nếu không nó sẽ quay lại hàng chờ.
consult-assigned-toast = Có cuộc tư vấn mới cho bạn: { $name } ({ $topic }). Hãy sớm chấp nhận hoặc trả lời.
consult-taken-toast = { $name } đang hỗ trợ bạn về { $topic }.
consult-on-hold-requester = Đang tạm dừng: hãy viết tin nhắn khi bạn muốn tiếp tục.
consult-on-hold-helper = Đang tạm dừng: cuộc tư vấn sẽ quay lại với bạn khi người hỏi viết tiếp.
consult-closed = Cuộc tư vấn này đã kết thúc.
consult-closed-reopen = Cuộc tư vấn này đã kết thúc. Bạn có thể mở lại đến { $date }.
consult-cancel-confirm = Hủy yêu cầu này?
consult-rate-send = Gửi đánh giá
consult-rate-change = Đổi đánh giá
consult-rated = Bạn đã đánh giá sự hỗ trợ này { $rating } trên 5. Cảm ơn bạn!
consult-rated-by = Được đánh giá { $rating } trên 5.
consult-rating-required = Hãy chọn từ 1 đến 5 sao.
consult-stars = { $rating } sao
consult-summary-hint = Người bạn đã hỗ trợ sẽ xem được phần tóm tắt này.
consult-transfer-to = Chuyển đến
consult-transfer-queue = Trả lại hàng chờ của chủ đề này
consult-transfer-topic = Hàng chờ của { $topic }
consult-transfer-helper = Người hỗ trợ khác…
consult-transfer-username = Tên đăng nhập của người hỗ trợ
consult-side-title = Ghi chú và câu trả lời mẫu
consult-open-window = Mở trong cửa sổ riêng
consult-note-label = Ghi chú nội bộ
consult-note-placeholder = Viết ghi chú cho những người hỗ trợ…
consult-note-add = Thêm ghi chú
consult-notes-empty = Chưa có ghi chú nào.
consult-canned-filter = Tìm câu trả lời mẫu
consult-canned-insert = Chèn
consult-canned-send = Gửi ngay
consult-canned-empty = Chưa có câu trả lời mẫu nào. Người điều hành có thể thêm.
consult-canned-none = Không có câu trả lời mẫu nào phù hợp.
consult-availability = Trạng thái của bạn
consult-load = Đang tư vấn { $load } trên { $capacity } cuộc
consult-no-profile = Hãy chuyển sang "Sẵn sàng" để bắt đầu hỗ trợ.
consult-my = Cuộc tư vấn của tôi
consult-my-empty = Bạn không có cuộc tư vấn nào đang diễn ra.
consult-new = mới
consult-switch-hint = Alt+↑ và Alt+↓ để chuyển giữa các cuộc tư vấn của bạn.
consult-queue-count = { $count } đang chờ
consult-queue-empty = Không có ai đang chờ.
consult-no-topics = Hãy chọn các chủ đề bạn hỗ trợ để xem hàng chờ.
consult-not-your-language = không phải ngôn ngữ của bạn
consult-waiting-for =
    { $minutes ->
        [0] Đã chờ chưa đến một phút
       *[other] Đã chờ { $minutes } phút
    }
consult-settings = Bạn hỗ trợ về gì
consult-settings-topics = Chủ đề
consult-settings-languages = Ngôn ngữ bạn hỗ trợ
consult-capacity-hint = Số cuộc tư vấn bạn nhận cùng lúc (1–20).
consult-saved = Đã lưu.

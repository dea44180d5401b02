# Moderation: notices to one person, reports, automod and the web client's texts for members and moderators.
# $conversation is a channel name; $scope is channel (one channel) or global (the whole community).

# Notices to one person, rendered by the server.
notice-timed-out =
    { $scope ->
        [channel] Người điều hành đã tạm cấm bạn gửi tin nhắn ở { $conversation } trong { $minutes } phút.
       *[other] Người điều hành đã tạm cấm bạn gửi tin nhắn ở mọi nơi trong { $minutes } phút.
    }
notice-banned = Người điều hành đã cấm bạn tham gia { $conversation }.
notice-kicked = Người điều hành đã xóa bạn khỏi { $conversation }. Bạn có thể tham gia lại.
notice-report-resolved = Cảm ơn bạn đã báo cáo. Người điều hành đã xem xét và xử lý.
notice-report-dismissed = Cảm ơn bạn đã báo cáo. Người điều hành đã xem xét và thấy không cần xử lý.

# What a report is about.
report-category-spam = Tin rác (spam)
report-category-harassment = Quấy rối hoặc bắt nạt
report-category-hate = Ngôn từ thù ghét hoặc phân biệt đối xử
report-category-sexual = Nội dung tình dục
report-category-violence = Bạo lực hoặc đe dọa
report-category-scam = Lừa đảo hoặc gian lận
report-category-privacy = Chia sẻ thông tin riêng tư của người khác
report-category-other = Lý do khác

# Where a report is in its life.
report-state-open = Mới
report-state-claimed = Đang xem xét
report-state-resolved = Đã xử lý
report-state-dismissed = Không xử lý

# What an automod rule does with a message that matches.
automod-action-block = Chặn tin nhắn
automod-action-flag = Đánh dấu để xem xét
automod-action-timeout = Chặn và tạm cấm gửi tin nhắn

# The web client: reporting and blocking, and the moderators' tools.
mod-report = Báo cáo
mod-report-message = Báo cáo tin nhắn
mod-report-person = Báo cáo người này
mod-report-note = Chuyện gì đã xảy ra? (không bắt buộc)
mod-report-sent = Cảm ơn bạn. Người điều hành sẽ xem xét báo cáo của bạn.
mod-reason = Lý do
mod-delete = Xóa tin nhắn
mod-timeout = Tạm cấm gửi tin nhắn
mod-timeout-duration = Thời hạn
mod-lift-timeout = Bỏ tạm cấm
mod-kick = Xóa khỏi kênh
mod-ban = Cấm tham gia kênh
mod-ban-everywhere = Cấm khỏi cộng đồng
mod-unban = Bỏ lệnh cấm
mod-slow-mode = Chế độ chậm
mod-slow-mode-off = Tắt
mod-lock = Khóa kênh
mod-unlock = Mở khóa kênh
mod-pin = Ghim
mod-unpin = Bỏ ghim
mod-pinned = Tin nhắn đã ghim
mod-reports = Danh sách báo cáo
mod-claim = Xem xét
mod-resolve = Xử lý
mod-dismiss = Bác bỏ
mod-add-note = Thêm ghi chú
mod-audit-log = Nhật ký kiểm tra
mod-modlog = Nhật ký điều hành
mod-automod = Quy tắc kiểm duyệt tự động
mod-block = Chặn
mod-unblock = Bỏ chặn
mod-blocked-message = Tin nhắn từ người bạn đã chặn
mod-show-anyway = Vẫn hiện
mod-hide-presence = Ẩn trạng thái trực tuyến của tôi

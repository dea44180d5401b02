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

# The web client: a message's menu, and the dialog of one moderation action.
mod-more-actions = Thao tác khác
mod-view-profile = Xem hồ sơ
mod-timeout-title = Tạm cấm { $user } gửi tin nhắn
mod-ban-title = Cấm { $user }
mod-ban-everywhere-title = Cấm { $user } khỏi cộng đồng
mod-kick-title = Xóa { $user } khỏi kênh
mod-ban-until-lifted = Cho đến khi được bỏ
mod-scope = Phạm vi
mod-scope-channel = Chỉ trong { $channel }
mod-scope-everywhere = Trong toàn bộ cộng đồng
mod-also-delete = Xóa luôn tin nhắn này
mod-reason-hint = Được lưu trong nhật ký kiểm tra. Thành viên có thể đọc lý do trong nhật ký điều hành của kênh.
mod-report-person-title = Báo cáo { $user }
mod-report-category = Có vấn đề gì?
mod-report-send = Gửi báo cáo

# The web client: a channel's settings, and what the composer says.
mod-channel-settings = Cài đặt kênh
mod-channel-settings-title = Cài đặt của { $channel }
mod-slow-mode-hint = Mỗi thành viên chỉ gửi được một tin nhắn trong mỗi khoảng thời gian. Người điều hành không bị giới hạn.
mod-lock-hint = Trong kênh đã khóa, chỉ người điều hành mới viết được.
mod-public-modlog = Thành viên được đọc nhật ký điều hành
mod-public-modlog-hint = Khi tắt, chỉ người điều hành của kênh và ban quản trị mới đọc được.
mod-modlog-title = Nhật ký điều hành của { $channel }
mod-modlog-empty = Kênh này chưa có hoạt động điều hành nào.
mod-composer-slow-mode = Chế độ chậm đang bật: mỗi { $duration } chỉ được gửi một tin nhắn.
mod-composer-locked = Kênh này đã bị khóa: chỉ người điều hành mới viết được.
mod-composer-timed-out = Bạn đang bị tạm cấm gửi tin nhắn đến { $until }.

# The web client: the reports queue.
mod-nav = Điều hành
mod-reports-open =
    { $count ->
       *[other] { $count } báo cáo đang chờ
    }
mod-reports-filter = Hiển thị
mod-reports-filter-active = Đang chờ và đang xem xét
mod-reports-filter-closed = Đã đóng
mod-reports-filter-all = Tất cả
mod-reports-empty = Không có báo cáo nào ở đây.
mod-report-by = Người báo cáo:
mod-report-about = Về:
mod-report-automod = Được kiểm duyệt tự động đánh dấu
mod-report-reporter-note = Người báo cáo viết:
mod-report-open-conversation = Đến cuộc trò chuyện
mod-report-claimed-by = Đang được xem xét bởi:
mod-report-closed-by = Được đóng bởi:
mod-report-notes = Ghi chú của người điều hành
mod-resolve-title = Xử lý báo cáo này
mod-resolve-action = Biện pháp
mod-resolve-none = Không cần thêm biện pháp (đã xử lý rồi)
mod-resolve-note = Ghi chú
mod-dismiss-title = Bác bỏ báo cáo này
mod-note-body = Ghi chú cho những người điều hành khác

# The web client: the audit log and a channel's moderation log.
mod-audit-filter = Thao tác
mod-audit-filter-all = Tất cả thao tác
mod-audit-filter-moderation = Điều hành
mod-audit-filter-report = Báo cáo
mod-audit-filter-automod = Kiểm duyệt tự động
mod-audit-filter-role = Vai trò
mod-audit-filter-consultation = Xem tư vấn
mod-audit-empty = Không có mục nào.
mod-audit-load-older = Tải các mục cũ hơn
mod-audit-reason = Lý do: { $reason }
mod-audit-target-message = tin nhắn #{ $id }
mod-audit-target-report = báo cáo #{ $id }
mod-audit-target-consultation = cuộc tư vấn #{ $id }
mod-audit-target-automod-rule = quy tắc kiểm duyệt tự động #{ $id }
mod-audit-target-conversation = cuộc trò chuyện #{ $id }
mod-audit-action-moderation-delete-message = Xóa tin nhắn
mod-audit-action-moderation-pin = Ghim tin nhắn
mod-audit-action-moderation-unpin = Bỏ ghim tin nhắn
mod-audit-action-moderation-timeout = Tạm cấm gửi tin nhắn
mod-audit-action-moderation-lift-timeout = Bỏ tạm cấm
mod-audit-action-moderation-kick = Xóa khỏi kênh
mod-audit-action-moderation-ban = Cấm
mod-audit-action-moderation-unban = Bỏ lệnh cấm
mod-audit-action-moderation-slow-mode = Đổi chế độ chậm
mod-audit-action-moderation-lock = Đổi trạng thái khóa
mod-audit-action-automod-timeout = Tạm cấm do kiểm duyệt tự động
mod-audit-action-report-resolve = Đã xử lý báo cáo
mod-audit-action-report-dismiss = Đã bác bỏ báo cáo
mod-audit-action-automod-create = Tạo quy tắc kiểm duyệt tự động
mod-audit-action-automod-update = Sửa quy tắc kiểm duyệt tự động
mod-audit-action-automod-delete = Xóa quy tắc kiểm duyệt tự động
mod-audit-action-role-change = Đổi vai trò
mod-audit-action-consultation-read = Xem cuộc tư vấn
mod-audit-action-consultation-list = Xem danh sách tư vấn
mod-audit-action-consultation-history = Xem lịch sử tư vấn
mod-audit-action-consultation-queues = Xem hàng chờ

# System events in conversations. Stored as ids and arguments; every reader sees them in their own language.
# $actor and $user are display names.

event-member-joined = { $user } đã tham gia.
event-member-left = { $user } đã rời đi.
event-member-invited = { $actor } đã mời { $user }.
event-channel-created = { $actor } đã tạo kênh { $name }.
event-channel-updated = { $actor } đã đổi chủ đề của kênh thành “{ $topic }”.
event-moderator-added = { $actor } đã chỉ định { $user } làm người điều hành của kênh này.
event-moderator-removed = { $user } không còn là người điều hành của kênh này nữa.
event-message-deleted = Tin nhắn này đã bị xóa.
event-message-edited = (đã chỉnh sửa)

# Notices to one person.
notice-mentioned = { $user } đã nhắc đến bạn trong { $conversation }.
notice-unread =
    { $count ->
        [0] Không có tin nhắn chưa đọc
       *[other] { $count } tin nhắn chưa đọc
    }
notice-unread-many = Hơn 99 tin nhắn chưa đọc
notice-typing =
    { $count ->
       *[other] { $names } đang nhập…
    }
notice-resync = Bạn đã bỏ lỡ một số tin nhắn trong lúc vắng mặt; đang tải các tin nhắn mới nhất.

# WebSocket close reasons.
close-slow-consumer = Kết nối không theo kịp và sẽ tự động kết nối lại.
close-service-restart = Máy chủ đang khởi động lại; đang kết nối lại.
close-session-revoked = Bạn đã bị đăng xuất.
close-too-big = Tin nhắn đó quá lớn.
close-auth-timeout = Kết nối không được xác thực kịp thời.
close-banned = Tài khoản này đã bị cấm khỏi cộng đồng.

# Moderation events, seen by every member of the channel.
# $until is a date and time, which the client formats in the reader's language.
event-member-timed-out = { $actor } đã tạm cấm { $user } gửi tin nhắn cho đến { $until }.
event-member-timed-out-everywhere = { $actor } đã tạm cấm { $user } gửi tin nhắn ở mọi nơi cho đến { $until }.
event-timeout-lifted = { $actor } đã bỏ lệnh tạm cấm gửi tin nhắn đối với { $user }.
event-member-kicked = { $actor } đã xóa { $user } khỏi kênh.
event-member-banned = { $actor } đã cấm { $user } tham gia kênh.
event-member-banned-until = { $actor } đã cấm { $user } tham gia kênh cho đến { $until }.
event-member-banned-everywhere = { $actor } đã cấm { $user } khỏi cộng đồng.
event-member-unbanned = { $actor } đã bỏ lệnh cấm đối với { $user }.
event-slow-mode-changed =
    { $seconds ->
        [0] { $actor } đã tắt chế độ chậm.
       *[other] { $actor } đã bật chế độ chậm: mỗi { $seconds } giây chỉ được gửi một tin nhắn.
    }
event-channel-locked = { $actor } đã khóa kênh: hiện chỉ người điều hành mới có thể viết tin nhắn.
event-channel-unlocked = { $actor } đã mở khóa kênh.
event-message-pinned = { $actor } đã ghim một tin nhắn.
event-message-unpinned = { $actor } đã bỏ ghim một tin nhắn.

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

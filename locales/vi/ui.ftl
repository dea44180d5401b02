# The web client's own texts.

app-title = Engawa
app-tagline = Trò chuyện với hàng xóm, nhờ giúp đỡ, bằng chính ngôn ngữ của bạn.
language-label = Ngôn ngữ
role-member = Thành viên
role-volunteer = Tình nguyện viên
role-advisor = Cố vấn
role-moderator = Người điều hành
role-admin = Quản trị viên
visibility-public = Công khai
visibility-invite-only = Chỉ người được mời
visibility-private = Riêng tư
auth-login = Đăng nhập
auth-register = Tạo tài khoản
auth-logout = Đăng xuất
auth-username = Tên người dùng
auth-display-name = Tên hiển thị
auth-password = Mật khẩu
auth-languages-spoken = Ngôn ngữ bạn nói
auth-languages-learning = Ngôn ngữ bạn đang học
auth-languages-hint = Mã ngôn ngữ, cách nhau bằng dấu phẩy, ví dụ: en, ja, vi
chat-channels = Kênh
chat-direct = Tin nhắn riêng
chat-join = Tham gia
chat-leave = Rời khỏi
chat-create-channel = Kênh mới
chat-channel-name = Tên kênh
chat-channel-topic = Chủ đề
chat-composer-placeholder = Viết tin nhắn…
chat-send = Gửi
chat-edit = Sửa
chat-delete = Xóa
chat-reply = Trả lời
chat-react = Bày tỏ cảm xúc
chat-load-older = Tải tin nhắn cũ hơn
chat-empty = Chưa có tin nhắn nào. Hãy gửi lời chào!
chat-members =
    { $count ->
       *[other] { $count } thành viên
    }
chat-conversations = Cuộc trò chuyện
chat-browse-channels = Duyệt các kênh
chat-channel-visibility = Chế độ hiển thị
chat-channel-languages = Ngôn ngữ của kênh
chat-create = Tạo
chat-open = Mở
chat-back = Quay lại danh sách trò chuyện
chat-no-conversation = Hãy chọn một cuộc trò chuyện, hoặc duyệt các kênh để tham gia.
chat-no-channels = Chưa có kênh nào để hiển thị.
chat-invited = Bạn được mời vào kênh này.
chat-invitation = lời mời
chat-message-label = Tin nhắn
chat-composer-hint = Nhấn Enter để gửi, Shift+Enter để xuống dòng.
chat-mention-list = Những người có thể nhắc đến
chat-find-people = Tìm người
chat-search = Tìm kiếm
chat-no-people = Không tìm thấy ai.
chat-direct-message = Nhắn tin
chat-sending = Đang gửi…
chat-not-sent = Chưa gửi được: { $error }
chat-retry = Thử lại
chat-discard = Bỏ qua
chat-save = Lưu
chat-cancel = Hủy
chat-delete-confirm = Xóa tin nhắn này?
chat-replying-to = Đang trả lời { $user }
chat-reply-to = Trả lời { $user }: { $text }
chat-reply-unknown = Trả lời một tin nhắn trước đó
chat-unknown-person = (không rõ)
chat-close = Đóng
chat-reacted = { $names } đã bày tỏ cảm xúc { $emoji }
status-connecting = Đang kết nối…
status-offline = Bạn đang ngoại tuyến. Tin nhắn bạn viết sẽ được gửi khi có kết nối trở lại.
status-online = Đã kết nối
notice-mentions =
    { $count ->
       *[other] { $count } lượt nhắc đến
    }

# Presence and profiles.
presence-online = Trực tuyến
presence-away = Vắng mặt
presence-offline = Ngoại tuyến
presence-last-seen = Hoạt động lần cuối { $time }
people-title = Mọi người
people-partial = Chỉ hiện những người đã xuất hiện trong cuộc trò chuyện này.
people-you = bạn
profile-title = Hồ sơ
profile-edit = Sửa hồ sơ
profile-role = Vai trò
profile-speaks = Nói được
profile-learning = Đang học
profile-none = Chưa cho biết
profile-app-language = Ngôn ngữ ứng dụng
profile-hide-presence-hint = Mọi người khác sẽ thấy bạn ngoại tuyến, không có thời gian hoạt động lần cuối.
profile-saved = Đã lưu hồ sơ của bạn.

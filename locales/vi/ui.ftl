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
status-connecting = Đang kết nối…
status-offline = Bạn đang ngoại tuyến. Tin nhắn bạn viết sẽ được gửi khi có kết nối trở lại.
status-online = Đã kết nối

# Error messages. One per protocol::ErrorCode: error-<code with dashes>.
# Shown to one person, rendered by the server in that person's language.

error-invalid-json = Không thể đọc tin nhắn này: nội dung không phải là JSON hợp lệ.
error-invalid-message = Không thể hiểu tin nhắn này: { $detail }
error-binary-not-supported = Không hỗ trợ khung dữ liệu nhị phân; vui lòng gửi khung văn bản JSON.
error-hello-expected = Hãy bắt đầu kết nối bằng một tin nhắn hello và chỉ gửi tin nhắn đó một lần.
error-unsupported-protocol = Máy chủ này dùng giao thức phiên bản { $version }; vui lòng cập nhật ứng dụng của bạn.
error-unauthenticated = Phiên đăng nhập của bạn đã kết thúc. Vui lòng đăng nhập lại.
error-invalid-credentials = Tên người dùng hoặc mật khẩu không đúng.
error-account-disabled = Tài khoản này đã bị vô hiệu hóa.
error-forbidden = Bạn không có quyền thực hiện thao tác này.
error-not-found = Nội dung này không tồn tại hoặc bạn không có quyền xem.
error-not-member = Bạn không phải là thành viên của cuộc trò chuyện này.
error-invite-required = Kênh này chỉ dành cho người được mời.
error-not-author = Chỉ người viết tin nhắn này mới có thể chỉnh sửa nó.
error-message-deleted = Tin nhắn đó đã bị xóa.
error-empty-body = Tin nhắn không được để trống.
error-body-too-long = Tin nhắn chỉ được dài tối đa { $max } ký tự.
error-invalid-field = Trường “{ $field }” bị thiếu hoặc không hợp lệ.
error-username-taken = Tên người dùng này đã có người sử dụng.
error-channel-name-taken = Đã có một kênh với tên đó.
error-invalid-username = Tên người dùng phải dài từ 3 đến 32 ký tự, gồm chữ cái, chữ số, dấu chấm, dấu gạch ngang hoặc dấu gạch dưới.
error-weak-password = Mật khẩu cần có ít nhất { $min } ký tự.
error-password-too-long = Mật khẩu chỉ được dài tối đa { $max } ký tự.
error-rate-limited =
    { $seconds ->
       *[other] Bạn đang gửi quá nhanh. Vui lòng thử lại sau { $seconds } giây.
    }
error-invalid-client-id = Mỗi tin nhắn cần có một mã định danh phía máy khách (client id) dài từ 1 đến 64 ký tự.
error-too-many-members = Một cuộc trò chuyện nhóm chỉ có thể có tối đa { $max } người.
error-invalid-range = Hãy yêu cầu các tin nhắn trước một mốc hoặc sau mốc đó, không được yêu cầu cả hai.
error-unavailable = Máy chủ đang bận hoặc đang khởi động lại. Vui lòng thử lại sau giây lát.
error-internal = Đã xảy ra sự cố trên máy chủ. Vui lòng thử lại sau.

# Consultations.
error-nobody-available = Hiện chưa có ai nói được ngôn ngữ của bạn để hỗ trợ về { $topic }, nên yêu cầu chưa được gửi. Bạn vẫn có thể gửi và chờ đến lượt trong hàng chờ.
error-invalid-state =
    { $state ->
        [waiting] Không thể làm việc này khi cuộc tư vấn đang nằm trong hàng chờ.
        [active] Không thể làm việc này khi cuộc tư vấn đang diễn ra.
        [on_hold] Không thể làm việc này khi cuộc tư vấn đang tạm dừng.
        [resolved] Không thể làm việc này vì cuộc tư vấn đã được giải quyết.
        [cancelled] Không thể làm việc này vì cuộc tư vấn đã bị hủy.
        [expired] Không thể làm việc này vì cuộc tư vấn đã hết hạn.
       *[other] Không thể làm việc này ở trạng thái hiện tại của cuộc tư vấn ({ $state }).
    }
error-not-helper = Chỉ tình nguyện viên và cố vấn phụ trách chủ đề này, đồng thời nói được ngôn ngữ của người cần hỗ trợ, mới có thể làm việc này.
error-already-claimed = Một người hỗ trợ khác đã nhận cuộc tư vấn này rồi.
error-over-capacity =
    { $capacity ->
        [0] Số cuộc tư vấn bạn có thể nhận cùng lúc đang được đặt là { $capacity }, nên hiện bạn chưa thể nhận thêm.
       *[other] Bạn đang phụ trách { $capacity } cuộc tư vấn, đã đạt mức tối đa bạn có thể nhận cùng lúc.
    }
error-reopen-closed =
    { $days ->
       *[other] Chỉ có thể mở lại cuộc tư vấn trong vòng { $days } ngày sau khi kết thúc.
    }
error-claims-disabled = Các yêu cầu thuộc chủ đề này được phân công tự động, nên không thể tự nhận từ hàng chờ.

# Moderation.
error-timed-out =
    { $minutes ->
        [1] Người điều hành đã tạm cấm bạn gửi tin nhắn: bạn có thể gửi lại sau khoảng một phút nữa ({ $seconds } giây).
       *[other] Người điều hành đã tạm cấm bạn gửi tin nhắn: bạn có thể gửi lại sau { $minutes } phút nữa.
    }
error-banned =
    { $scope ->
        [channel] Bạn đã bị cấm tham gia kênh này.
       *[other] Tài khoản này đã bị cấm khỏi cộng đồng.
    }
error-slow-mode =
    { $seconds ->
       *[other] Kênh này đang bật chế độ chậm: bạn có thể gửi tin nhắn tiếp theo sau { $seconds } giây nữa.
    }
error-channel-locked = Kênh này đã bị khóa: hiện chỉ người điều hành của kênh mới có thể viết tin nhắn.
error-automod-blocked =
    { $check ->
        [mention_spam] Tin nhắn của bạn chưa được gửi: tin nhắn nhắc đến quá nhiều người (tối đa { $max } người).
        [young_links] Tin nhắn của bạn chưa được gửi: tài khoản mới không thể đăng liên kết trong { $hours } giờ đầu tiên.
        [flood] Tin nhắn của bạn chưa được gửi: bạn đang gửi quá nhiều tin nhắn. Vui lòng đợi một chút.
       *[other] Tin nhắn của bạn chưa được gửi: tin nhắn có từ ngữ hoặc nội dung không được phép trong cộng đồng này.
    }
error-blocked = Bạn không thể gửi tin nhắn cho người này.

# System events in conversations. Stored as ids and arguments; every reader sees them in their own language.
# $actor and $user are display names.

event-member-joined = { $user }さんが参加しました。
event-member-left = { $user }さんが退出しました。
event-member-invited = { $actor }さんが{ $user }さんを招待しました。
event-channel-created = { $actor }さんがチャンネル「{ $name }」を作成しました。
event-channel-updated = { $actor }さんがチャンネルのトピックを「{ $topic }」に変更しました。
event-moderator-added = { $actor }さんが{ $user }さんをこのチャンネルのモデレーターにしました。
event-moderator-removed = { $user }さんはこのチャンネルのモデレーターではなくなりました。
event-message-deleted = このメッセージは削除されました。
event-message-edited = （編集済み）

# Notices to one person.
notice-mentioned = { $user }さんが「{ $conversation }」であなたをメンションしました。
notice-unread =
    { $count ->
        [0] 未読メッセージはありません
       *[other] 未読メッセージ { $count } 件
    }
notice-typing =
    { $count ->
       *[other] { $names } が入力中…
    }
notice-resync = 離れている間に受信できなかったメッセージがあります。最新のメッセージを読み込んでいます。

# WebSocket close reasons.
close-slow-consumer = 通信が追いつかなくなったため、再接続します。
close-service-restart = サーバーを再起動しています。再接続中です。
close-session-revoked = ログアウトされました。
close-too-big = メッセージが大きすぎます。
close-auth-timeout = 時間内に接続の認証が完了しませんでした。

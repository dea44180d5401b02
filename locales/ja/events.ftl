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
notice-unread-many = 未読メッセージ 100 件以上
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
close-banned = このアカウントは、コミュニティの利用を停止されました。

# Moderation events, seen by every member of the channel.
# $until is a date and time, which the client formats in the reader's language.
event-member-timed-out = { $actor }さんが{ $user }さんを{ $until }までタイムアウトしました。
event-member-timed-out-everywhere = { $actor }さんが{ $user }さんを{ $until }まで、すべての会話でタイムアウトしました。
event-timeout-lifted = { $actor }さんが{ $user }さんのタイムアウトを解除しました。
event-member-kicked = { $actor }さんが{ $user }さんをチャンネルから退出させました。
event-member-banned = { $actor }さんが{ $user }さんのチャンネルへの参加を禁止しました。
event-member-banned-until = { $actor }さんが{ $user }さんのチャンネルへの参加を{ $until }まで禁止しました。
event-member-banned-everywhere = { $actor }さんが{ $user }さんのコミュニティの利用を停止しました。
event-member-unbanned = { $actor }さんが{ $user }さんの参加禁止を解除しました。
event-slow-mode-changed =
    { $seconds ->
        [0] { $actor }さんが低速モードをオフにしました。
       *[other] { $actor }さんが低速モードをオンにしました。メッセージは { $seconds } 秒に 1 回まで送信できます。
    }
event-channel-locked = { $actor }さんがチャンネルをロックしました。今はモデレーターだけが書き込めます。
event-channel-unlocked = { $actor }さんがチャンネルのロックを解除しました。
event-message-pinned = { $actor }さんがメッセージをピン留めしました。
event-message-unpinned = { $actor }さんがメッセージのピン留めを外しました。

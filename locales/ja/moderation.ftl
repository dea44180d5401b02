# Moderation: notices to one person, reports, automod and the web client's texts for members and moderators.
# $conversation is a channel name; $scope is channel (one channel) or global (the whole community).

# Notices to one person, rendered by the server.
notice-timed-out =
    { $scope ->
        [channel] モデレーターにより、「{ $conversation }」で { $minutes } 分間タイムアウトされました。
       *[other] モデレーターにより、すべての会話で { $minutes } 分間タイムアウトされました。
    }
notice-banned = モデレーターにより、「{ $conversation }」への参加を禁止されました。
notice-kicked = モデレーターが、あなたを「{ $conversation }」から退出させました。もう一度参加することもできます。
notice-report-resolved = 報告ありがとうございました。モデレーターが内容を確認し、対応しました。
notice-report-dismissed = 報告ありがとうございました。モデレーターが内容を確認した結果、対応は必要ないと判断しました。

# What a report is about.
report-category-spam = スパム
report-category-harassment = 嫌がらせ・いじめ
report-category-hate = ヘイトスピーチ・差別
report-category-sexual = 性的なコンテンツ
report-category-violence = 暴力・脅迫
report-category-scam = 詐欺
report-category-privacy = 他人の個人情報の公開
report-category-other = その他

# Where a report is in its life.
report-state-open = 未対応
report-state-claimed = 確認中
report-state-resolved = 対応済み
report-state-dismissed = 対応なし

# What an automod rule does with a message that matches.
automod-action-block = メッセージをブロック
automod-action-flag = 要確認として報告
automod-action-timeout = ブロックしてタイムアウト

# The web client: reporting and blocking, and the moderators' tools.
mod-report = 報告
mod-report-message = メッセージを報告
mod-report-person = このユーザーを報告
mod-report-note = 何がありましたか？（任意）
mod-report-sent = ありがとうございます。モデレーターが報告を確認します。
mod-reason = 理由
mod-delete = メッセージを削除
mod-timeout = タイムアウト
mod-timeout-duration = 期間
mod-lift-timeout = タイムアウトを解除
mod-kick = チャンネルから退出させる
mod-ban = 参加禁止にする
mod-ban-everywhere = コミュニティの利用を停止
mod-unban = 禁止を解除
mod-slow-mode = 低速モード
mod-slow-mode-off = オフ
mod-lock = チャンネルをロック
mod-unlock = チャンネルのロックを解除
mod-pin = ピン留め
mod-unpin = ピン留めを外す
mod-pinned = ピン留めされたメッセージ
mod-reports = 報告一覧
mod-claim = 確認する
mod-resolve = 対応する
mod-dismiss = 対応不要にする
mod-add-note = メモを追加
mod-audit-log = 監査ログ
mod-modlog = モデレーション記録
mod-automod = 自動モデレーションのルール
mod-block = ブロック
mod-unblock = ブロックを解除
mod-blocked-message = ブロックした人からのメッセージ
mod-show-anyway = 表示する
mod-hide-presence = オンライン状態を表示しない

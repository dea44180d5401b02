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

# The web client: a message's menu, and the dialog of one moderation action.
mod-more-actions = その他の操作
mod-view-profile = プロフィールを見る
mod-timeout-title = { $user } さんをタイムアウト
mod-ban-title = { $user } さんを参加禁止にする
mod-ban-everywhere-title = { $user } さんのコミュニティ利用を停止
mod-kick-title = { $user } さんをチャンネルから退出させる
mod-ban-until-lifted = 解除するまで
mod-scope = 範囲
mod-scope-channel = { $channel } のみ
mod-scope-everywhere = コミュニティ全体
mod-also-delete = このメッセージも削除する
mod-reason-hint = 監査ログに残ります。メンバーはチャンネルのモデレーション記録で読むことができます。
mod-report-person-title = { $user } さんを報告
mod-report-category = 何が問題ですか？
mod-report-send = 報告を送信

# The web client: a channel's settings, and what the composer says.
mod-channel-settings = チャンネル設定
mod-channel-settings-title = { $channel } の設定
mod-slow-mode-hint = 各メンバーは一定の間隔ごとに 1 件だけメッセージを送れます。モデレーターは対象外です。
mod-lock-hint = ロックされたチャンネルに書き込めるのはモデレーターだけです。
mod-public-modlog = メンバーがモデレーション記録を読めるようにする
mod-public-modlog-hint = オフにすると、読めるのはこのチャンネルのモデレーターとスタッフだけになります。
mod-modlog-title = { $channel } のモデレーション記録
mod-modlog-empty = このチャンネルではまだモデレーションが行われていません。
mod-composer-slow-mode = 低速モード中です：{ $duration }ごとに 1 件送信できます。
mod-composer-locked = このチャンネルはロックされています：書き込めるのはモデレーターだけです。
mod-composer-timed-out = { $until } までタイムアウト中です。

# The web client: the reports queue.
mod-nav = モデレーション
mod-reports-open =
    { $count ->
       *[other] 未対応の報告 { $count } 件
    }
mod-reports-filter = 表示
mod-reports-filter-active = 未対応と確認中
mod-reports-filter-closed = 対応済み
mod-reports-filter-all = すべて
mod-reports-empty = ここに表示する報告はありません。
mod-report-by = 報告者：
mod-report-about = 対象：
mod-report-automod = 自動モデレーションが検出
mod-report-reporter-note = 報告者のコメント：
mod-report-open-conversation = 会話を開く
mod-report-claimed-by = 確認中の担当者：
mod-report-closed-by = 対応した人：
mod-report-notes = モデレーターのメモ
mod-resolve-title = この報告に対応する
mod-resolve-action = 対応内容
mod-resolve-none = これ以上の対応はしない（対応済み）
mod-resolve-note = メモ
mod-dismiss-title = この報告を対応不要にする
mod-note-body = ほかのモデレーターへのメモ

# The web client: the audit log and a channel's moderation log.
mod-audit-filter = 操作
mod-audit-filter-all = すべての操作
mod-audit-filter-moderation = モデレーション
mod-audit-filter-report = 報告
mod-audit-filter-automod = 自動モデレーション
mod-audit-filter-role = 役割
mod-audit-filter-consultation = 相談の閲覧
mod-audit-empty = 記録はありません。
mod-audit-load-older = さらに古い記録を読み込む
mod-audit-reason = 理由：{ $reason }
mod-audit-target-message = メッセージ #{ $id }
mod-audit-target-report = 報告 #{ $id }
mod-audit-target-consultation = 相談 #{ $id }
mod-audit-target-automod-rule = 自動モデレーションのルール #{ $id }
mod-audit-target-conversation = 会話 #{ $id }
mod-audit-action-moderation-delete-message = メッセージの削除
mod-audit-action-moderation-pin = メッセージのピン留め
mod-audit-action-moderation-unpin = ピン留めの解除
mod-audit-action-moderation-timeout = タイムアウト
mod-audit-action-moderation-lift-timeout = タイムアウトの解除
mod-audit-action-moderation-kick = チャンネルからの退出
mod-audit-action-moderation-ban = 参加禁止
mod-audit-action-moderation-unban = 禁止の解除
mod-audit-action-moderation-slow-mode = 低速モードの変更
mod-audit-action-moderation-lock = ロックの変更
mod-audit-action-automod-timeout = 自動モデレーションによるタイムアウト
mod-audit-action-report-resolve = 報告への対応
mod-audit-action-report-dismiss = 報告を対応不要に
mod-audit-action-automod-create = 自動モデレーションのルール作成
mod-audit-action-automod-update = 自動モデレーションのルール変更
mod-audit-action-automod-delete = 自動モデレーションのルール削除
mod-audit-action-role-change = 役割の変更
mod-audit-action-consultation-read = 相談の閲覧
mod-audit-action-consultation-list = 相談一覧の閲覧
mod-audit-action-consultation-history = 相談履歴の閲覧
mod-audit-action-consultation-queues = 待ち行列の閲覧

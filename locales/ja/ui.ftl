# The web client's own texts.

app-title = Engawa
app-tagline = ご近所さんとおしゃべりしたり、困ったときに相談したり。あなたの言葉で。
language-label = 言語
role-member = メンバー
role-volunteer = ボランティア
role-advisor = アドバイザー
role-moderator = モデレーター
role-admin = 管理者
visibility-public = 公開
visibility-invite-only = 招待制
visibility-private = 非公開
auth-login = ログイン
auth-register = アカウントを作成
auth-logout = ログアウト
auth-username = ユーザー名
auth-display-name = 表示名
auth-password = パスワード
auth-languages-spoken = 話せる言語
auth-languages-learning = 学習中の言語
chat-channels = チャンネル
chat-direct = ダイレクトメッセージ
chat-join = 参加
chat-leave = 退出
chat-create-channel = 新しいチャンネル
chat-channel-name = チャンネル名
chat-channel-topic = トピック
chat-composer-placeholder = メッセージを入力…
chat-send = 送信
chat-edit = 編集
chat-delete = 削除
chat-reply = 返信
chat-react = リアクション
chat-load-older = 以前のメッセージを読み込む
chat-empty = まだメッセージはありません。あいさつしてみましょう！
chat-members =
    { $count ->
       *[other] メンバー { $count } 人
    }
status-connecting = 接続中…
status-offline = オフラインです。入力したメッセージは、接続が回復すると送信されます。
status-online = 接続済み

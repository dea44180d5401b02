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
auth-languages-hint = 言語コードをカンマ区切りで入力してください（例：en, ja, vi）
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
chat-conversations = 会話
chat-browse-channels = チャンネルを探す
chat-channel-visibility = 公開範囲
chat-channel-languages = チャンネルで使う言語
chat-create = 作成
chat-open = 開く
chat-back = 会話一覧に戻る
chat-no-conversation = 会話を選ぶか、チャンネルを探して参加しましょう。
chat-no-channels = 表示できるチャンネルはまだありません。
chat-invited = このチャンネルに招待されています。
chat-invitation = 招待
chat-message-label = メッセージ
chat-composer-hint = Enter で送信、Shift+Enter で改行します。
chat-mention-list = メンションする人
chat-find-people = ユーザーを探す
chat-search = 検索
chat-no-people = 見つかりませんでした。
chat-direct-message = メッセージを送る
chat-sending = 送信中…
chat-not-sent = 送信できませんでした：{ $error }
chat-retry = 再送信
chat-discard = 破棄
chat-save = 保存
chat-cancel = キャンセル
chat-delete-confirm = このメッセージを削除しますか？
chat-replying-to = { $user }さんに返信
chat-reply-to = { $user }さんへの返信：{ $text }
chat-reply-unknown = 以前のメッセージへの返信
chat-unknown-person = （不明）
chat-close = 閉じる
chat-reacted = { $names }が{ $emoji }でリアクションしました
status-connecting = 接続中…
status-offline = オフラインです。入力したメッセージは、接続が回復すると送信されます。
status-online = 接続済み
notice-mentions =
    { $count ->
       *[other] メンション { $count } 件
    }

# Presence and profiles.
presence-online = オンライン
presence-away = 離席中
presence-offline = オフライン
presence-last-seen = 最終オンライン：{ $time }
people-title = メンバー
people-partial = この会話でこれまでに見かけた人だけを表示しています。
people-you = あなた
profile-title = プロフィール
profile-edit = プロフィールを編集
profile-role = 役割
profile-speaks = 話せる言語
profile-learning = 学習中の言語
profile-none = 未設定
profile-app-language = アプリの言語
profile-hide-presence-hint = ほかの人には「オフライン」と表示され、最終オンライン時刻も表示されません。
profile-saved = プロフィールを保存しました。

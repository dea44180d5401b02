# Error messages. One per protocol::ErrorCode: error-<code with dashes>.
# Shown to one person, rendered by the server in that person's language.

error-invalid-json = メッセージを読み取れませんでした。有効な JSON ではありません。
error-invalid-message = メッセージを解釈できませんでした：{ $detail }
error-binary-not-supported = バイナリフレームには対応していません。JSON のテキストフレームで送信してください。
error-hello-expected = 接続の最初に hello メッセージを送信してください。送信は一度だけにしてください。
error-unsupported-protocol = このサーバーはプロトコルバージョン { $version } を使用しています。アプリを更新してください。
error-unauthenticated = セッションが終了しました。もう一度ログインしてください。
error-invalid-credentials = ユーザー名またはパスワードが正しくありません。
error-account-disabled = このアカウントは無効になっています。
error-forbidden = この操作を行う権限がありません。
error-not-found = 見つかりませんでした。存在しないか、表示する権限がありません。
error-not-member = この会話のメンバーではありません。
error-invite-required = このチャンネルは招待制です。
error-not-author = このメッセージを変更できるのは投稿者だけです。
error-message-deleted = そのメッセージは削除されました。
error-empty-body = 空のメッセージは送信できません。
error-body-too-long = メッセージは { $max } 文字以内にしてください。
error-invalid-field = 項目「{ $field }」が入力されていないか、正しくありません。
error-username-taken = そのユーザー名はすでに使われています。
error-channel-name-taken = その名前のチャンネルはすでにあります。
error-invalid-username = ユーザー名は 3〜32 文字で、文字・数字・ピリオド・ハイフン・アンダースコアが使えます。
error-weak-password = パスワードは { $min } 文字以上にしてください。
error-password-too-long = パスワードは { $max } 文字以内にしてください。
error-rate-limited =
    { $seconds ->
       *[other] 送信の間隔が短すぎます。{ $seconds } 秒後にもう一度お試しください。
    }
error-invalid-client-id = すべてのメッセージに 1〜64 文字のクライアント ID が必要です。
error-too-many-members = グループ会話に参加できるのは最大 { $max } 人です。
error-invalid-range = メッセージを取得するときは、ある位置より前か後のどちらか一方だけを指定してください。
error-unavailable = サーバーが混み合っているか、再起動中です。しばらくしてからもう一度お試しください。
error-internal = サーバーで問題が発生しました。時間をおいてもう一度お試しください。

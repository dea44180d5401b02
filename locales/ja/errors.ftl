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

# Consultations.
error-nobody-available = 今は、「{ $topic }」について、あなたの言語で対応できる人がいません。相談はまだ送信されていません。このまま送信して、順番を待つこともできます。
error-invalid-state =
    { $state ->
        [waiting] 相談が順番待ちの間は、この操作はできません。
        [active] 相談の対応中は、この操作はできません。
        [on_hold] 相談が保留中の間は、この操作はできません。
        [resolved] この相談は解決済みのため、この操作はできません。
        [cancelled] この相談はキャンセルされたため、この操作はできません。
        [expired] この相談は期限切れのため、この操作はできません。
       *[other] 相談の今の状態（{ $state }）では、この操作はできません。
    }
error-not-helper = この操作ができるのは、この分野を担当していて、相談者の言語を話せるボランティアとアドバイザーだけです。
error-already-claimed = この相談は、すでにほかの担当者が引き受けました。
error-over-capacity =
    { $capacity ->
        [0] 同時に対応できる件数が { $capacity } 件に設定されているため、今は相談を引き受けられません。
       *[other] すでに、同時に対応できる上限（{ $capacity } 件）まで相談を担当しています。
    }
error-reopen-closed =
    { $days ->
       *[other] 相談をもう一度開けるのは、終了してから { $days } 日以内です。
    }
error-claims-disabled = この分野の相談は自動で割り当てられるため、順番待ちから選んで担当することはできません。

# Moderation.
error-timed-out =
    { $minutes ->
        [1] モデレーターによりタイムアウトされています。約 1 分後（あと { $seconds } 秒）から、またメッセージを送信できます。
       *[other] モデレーターによりタイムアウトされています。{ $minutes } 分後から、またメッセージを送信できます。
    }
error-banned =
    { $scope ->
        [channel] このチャンネルへの参加を禁止されています。
       *[other] このアカウントは、このコミュニティの利用を停止されています。
    }
error-slow-mode =
    { $seconds ->
       *[other] このチャンネルは低速モードになっています。次のメッセージは { $seconds } 秒後に送信できます。
    }
error-channel-locked = このチャンネルはロックされています。今は、このチャンネルのモデレーターだけが書き込めます。
error-automod-blocked =
    { $check ->
        [mention_spam] メッセージは送信されませんでした。メンションしている人が多すぎます（最大 { $max } 人）。
        [young_links] メッセージは送信されませんでした。新しいアカウントは、登録から { $hours } 時間はリンクを投稿できません。
        [flood] メッセージは送信されませんでした。短い間に送信しているメッセージが多すぎます。少し時間をおいてください。
       *[other] メッセージは送信されませんでした。このコミュニティで認められていない言葉や表現が含まれています。
    }
error-blocked = この相手にはメッセージを送信できません。

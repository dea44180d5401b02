# Consultations: topics, states, notices to one person, system events and the web client's texts.
# $topic is a topic name, $actor and $helper are display names, $language is a language code (e.g. ne).
# Notices and events are read by the person asking for help and by the helpers alike.

# The seeded topics. Topics added later carry their own names.
topic-visa = ビザ・在留資格
topic-visa-description = 在留資格、期間の更新、資格の変更、再入国、家族のビザなど。
topic-housing = 住まい
topic-housing-description = 部屋探し、契約、保証人、入居と退去、近所づきあい、ごみの出し方など。
topic-work = 仕事・契約
topic-work-description = 雇用契約、給料、残業、社会保険、税金、転職など。
topic-japanese = 日本語
topic-japanese-description = 日本語の勉強、日本語教室、日本語能力試験（JLPT）、手紙や書類の読み書きの手伝いなど。
topic-daily-life = 暮らし・健康
topic-daily-life-description = 市役所・区役所での手続き、銀行、携帯電話、病院、健康保険、緊急のときなど。
topic-other = その他
topic-other-description = ほかのことなら何でもどうぞ。

# Where a consultation is in its life.
consultation-state-waiting = 順番待ち
consultation-state-active = 対応中
consultation-state-on-hold = 保留中
consultation-state-resolved = 解決済み
consultation-state-cancelled = キャンセル済み
consultation-state-expired = 期限切れ

# Whether a helper can take consultations now.
helper-availability-available = 対応可能
helper-availability-busy = 取り込み中
helper-availability-away = 離席中

# Notices to one person.
notice-available-now =
    今、「{ $topic }」について{ $language ->
        [en] 英語
        [ja] 日本語
        [ne] ネパール語
        [vi] ベトナム語
        [bn] ベンガル語
        [ru] ロシア語
        [uk] ウクライナ語
        [zh] 中国語
        [ko] 韓国語
        [pt] ポルトガル語
       *[other] あなたの言語（{ $language }）
    }で相談に乗れる人がいます。
notice-nobody-available =
    今は、「{ $topic }」について、あなたの言語で対応できる人がいません。それでも相談を送ることはできます。相談は順番待ちに入り、あなたの言語を話せる人がオンラインになりしだい、返事が届きます。{ $waiting ->
        [0] 今は待っている人がいないので、送ればあなたが最初になります。
       *[other] 今、{ $waiting } 件の相談が順番を待っています。
    }
notice-queue-position =
    「{ $topic }」の順番待ちで、あなたは { $position } 番目です。{ $minutes ->
        [0] 待ち時間は 1 分もかからない見込みです。
       *[other] 待ち時間は約 { $minutes } 分の見込みです。
    }
notice-queue-nobody = 「{ $topic }」の順番待ちで、あなたは { $position } 番目です。今は、あなたの言語で対応できる人がいません。対応できる人がオンラインになりしだい、返事が届きます。
notice-availability-lapsed = 接続が切れたため、対応状況を「離席中」に変更しました。

# System events in a consultation.
event-consultation-opened = { $actor }さんが「{ $topic }」について相談しました。
event-consultation-assigned = この相談の担当に{ $helper }さんが割り当てられました。
event-consultation-claimed = { $helper }さんがこの相談の担当になりました。
event-consultation-accepted = { $helper }さんが相談を引き受け、対応を始めました。
event-consultation-unanswered = 時間内に返事がなかったため、相談は順番待ちに戻りました。次の担当者が対応します。
event-consultation-held = { $actor }さんが相談を保留にしました。メッセージを書くと再開します。
event-consultation-held-automatic = しばらくやりとりがなかったため、相談を保留にしました。メッセージを書くと再開します。
event-consultation-resumed = 相談が再開されました。
event-consultation-transferred = { $actor }さんが相談を{ $helper }さんに引き継ぎました。
event-consultation-transferred-topic = { $actor }さんが相談の分野を「{ $topic }」に移しました。
event-consultation-requeued = { $actor }さんが相談を順番待ちに戻しました。
event-consultation-helper-invited = { $actor }さんが{ $helper }さんに手伝いを頼みました。
event-consultation-helper-removed = { $helper }さんはこの相談から外れました。
event-consultation-resolved = { $actor }さんが相談を解決済みにしました。
event-consultation-cancelled = { $actor }さんが相談をキャンセルしました。
event-consultation-reopened = { $actor }さんが相談をもう一度開きました。
event-consultation-expired = 保留のまま長い時間がたったため、この相談は期限切れになりました。
event-consultation-rated = { $actor }さんが今回のサポートを 5 段階で { $rating } と評価しました。

# The web client: asking for help, and the helper console.
consult-ask = 相談する
consult-topic = 相談の分野
consult-languages = 相談できる言語（希望する順）
consult-first-message = 相談したいことを書いてください
consult-send = 相談を送る
consult-wait-anyway = 送って待つ
consult-cancel = 相談をキャンセル
consult-reopen = もう一度開く
consult-rate = サポートを評価する
consult-rating-comment = コメント（任意）
consult-helper-console = 相談対応画面
consult-queue = 順番待ち
consult-claim = 担当する
consult-accept = 引き受ける
consult-hold = 保留にする
consult-transfer = 引き継ぐ
consult-transfer-note = 次の担当者へのメモ
consult-invite-helper = ほかの担当者を呼ぶ
consult-resolve = 解決済みにする
consult-summary = まとめ
consult-notes = 内部メモ
consult-notes-hint = このメモは、担当者とモデレーターだけが見られます。
consult-canned = 定型文
consult-capacity = 同時に対応できる件数
consult-hours = 対応時間（日本時間）
consult-position = 順番：{ $position } 番目

# The web client: the sidebar, the consultation bar, the helper console and the helpers' side panel.
consult-consultations = 相談
consult-consultation = 相談
consult-loading = 読み込み中…
consult-ask-intro = 相談したい分野を選んで、質問を書いてください。あなたの言語を話すボランティアや相談員が、ここで個別にお答えします。
consult-checking = 今対応できる人を確認しています…
consult-choose-topic = 相談の分野を選んでください。
consult-languages-none = 言語を 1 つ以上選んでください。
consult-first-message-hint = ご自分の言語で書いてかまいません。Ctrl+Enter で送信します。
consult-helpers = 担当：{ $names }
consult-requester = 相談者：{ $name }
consult-in-languages = 言語：{ $languages }
consult-assigned-hint = この相談があなたに割り当てられました。早めに引き受けるか返信してください。そうしないと順番待ちに戻ります。
consult-assigned-toast = 新しい相談が割り当てられました：{ $name }（{ $topic }）。早めに引き受けるか返信してください。
consult-taken-toast = { $name }さんが「{ $topic }」の相談を担当します。
consult-on-hold-requester = 保留中です。続けたいときはメッセージを書いてください。
consult-on-hold-helper = 保留中です。相談者がまた書くと、あなたのところに戻ります。
consult-closed = この相談は終了しています。
consult-closed-reopen = この相談は終了しています。{ $date } までもう一度開けます。
consult-cancel-confirm = この相談をキャンセルしますか？
consult-rate-send = 評価を送る
consult-rate-change = 評価を変える
consult-rated = このサポートを 5 段階で { $rating } と評価しました。ありがとうございます！
consult-rated-by = 評価：5 段階で { $rating }
consult-rating-required = 星を 1〜5 の中から選んでください。
consult-stars = 星 { $rating } つ
consult-summary-hint = このまとめは相談者にも表示されます。
consult-transfer-to = 引き継ぎ先
consult-transfer-queue = この分野の順番待ちに戻す
consult-transfer-topic = 「{ $topic }」の順番待ち
consult-transfer-helper = ほかの担当者…
consult-transfer-username = 担当者のユーザー名
consult-side-title = メモと定型文
consult-open-window = 別ウィンドウで開く
consult-note-label = 内部メモ
consult-note-placeholder = 担当者向けのメモを書く…
consult-note-add = メモを追加
consult-notes-empty = メモはまだありません。
consult-canned-filter = 定型文を検索
consult-canned-insert = 挿入
consult-canned-send = すぐ送る
consult-canned-empty = 定型文はまだありません。モデレーターが追加できます。
consult-canned-none = 一致する定型文はありません。
consult-availability = 対応状況
consult-load = 対応中の相談：{ $load } / { $capacity } 件
consult-no-profile = 相談を受け始めるには「対応可能」にしてください。
consult-my = 担当中の相談
consult-my-empty = 担当中の相談はありません。
consult-new = 新着
consult-switch-hint = Alt+↑ と Alt+↓ で担当中の相談を切り替えられます。
consult-queue-count = { $count } 件待ち
consult-queue-empty = 待っている人はいません。
consult-no-topics = 順番待ちを見るには、担当する分野を選んでください。
consult-not-your-language = 対応外の言語
consult-waiting-for =
    { $minutes ->
        [0] 待ち時間 1 分未満
       *[other] { $minutes } 分待ち
    }
consult-settings = 担当する内容
consult-settings-topics = 分野
consult-settings-languages = 対応できる言語
consult-capacity-hint = 同時に引き受ける相談の数（1〜20）。
consult-saved = 保存しました。

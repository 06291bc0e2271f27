# report のメッセージ (id は "report-" で始まる)。
# 人が読む出力形式 (human、short、HTML、GitHub、SARIF) の語句 (src/report/)、証明書の概要
# (src/certs/summary.rs)、役割名 (src/roles.rs)、進行状況バー (src/progress.rs)。
# 引数はデータ (名前、パス、数) で、翻訳しません。

## 複数の形式で共通の語

# 人が読む検出結果の重大度 (short 出力、HTML のバッジ、`explain`)。
# $severity: error、warning、note のいずれか。
report-severity = { $severity ->
    [error] エラー
    [warning] 警告
   *[note] 注意
}

# チェック結果の表でのサーバーの状態 (human の表、HTML のバッジ)。
# $status: ok、error、warning、not-checked のいずれか。
report-status = { $status ->
    [error] エラー
    [warning] 警告
    [not-checked] 未確認
   *[ok] 正常
}

# 証明書ファイルの状態 (HTML の表)。$status: used、context、orphan、unreadable のいずれか。
report-file-status = { $status ->
    [used] 使用
    [context] 参考
    [orphan] 孤立
   *[unreadable] 読み取り不可
}

# トポロジ ファイルの種類。パスの後のかっこ内 (list の見出し、HTML ページ)。
# $format: published または tbxml。
report-topology-format = { $format ->
    [published] 公開されたトポロジ
    [tbxml] トポロジ ビルダーのファイル (.tbxml)
   *[other] { $format }
}

# チェーンの証明書の入手元 (チェーンの一覧)。
report-origin-own-file = 同じファイル
# $path: その証明書が見つかった証明書ファイル。
report-origin-from = { $path } から
report-origin-other-file = 別のファイル

# チェーンの 1 つの証明書。サブジェクトの後に表示 (human と HTML のチェーンの一覧)。
# $key: キー識別子 (16 進)、$origin: 証明書の入手元 (`--ca` または report-origin-* の
# テキスト)、$anchor: 信頼アンカーの場合は yes。
report-chain-link = { $anchor ->
    [yes] (キー ID { $key }、{ $origin }、信頼アンカー)
   *[no] (キー ID { $key }、{ $origin })
}

# 想定される CA の行 (human のチェック結果、HTML のヘッダー)。$ca: report-ca-known
# または report-ca-unknown。
report-expected-ca = 想定される CA: { $ca }
# $subjects: CA のサブジェクト DN ("; " 区切り)、$source: given または inferred。
report-ca-known = { $source ->
    [given] { $subjects } (指定)
    [inferred] { $subjects } (推定)
   *[other] { $subjects } ({ $source })
}
# human のチェック結果で、CA が不明の場合。
report-ca-unknown = 不明

# トポロジにファイル転送サーバーがない場合 (list、HTML ページ)。
report-no-servers = 常設チャットのファイル転送 Web サービスを実行するサーバーはありません。

# `list` の次ホップ列の「はい」と「いいえ」。
report-yes = はい
report-no = いいえ

# サーバーがファイル転送サービスを実行すると判断した理由 (`list` のルール列)。
# $rule: component または front-end-pool。
report-role-rule = { $rule ->
    [component] コンポーネント
   *[front-end-pool] フロント エンド プール
}

# GitHub の注釈での検出結果のヒント行。$help: ヒントのテキスト。
report-help-line = ヒント: { $help }

# 診断が指す証明書の概要の名前。$path: 証明書ファイル。
report-certificate-source = { $path } (証明書)

# miette の関連ブロックの見出し: ラベルが指すソース。$name: その名前。
report-related-source = { $name } 内

## `topocert explain --all` の表の見出し

report-explain-col-code = コード
report-explain-col-default = 既定の重大度
report-explain-col-summary = 概要

## human: `topocert list`

# $path: トポロジ、$format: report-topology-format、$encoding: エンコード。
report-list-heading = { $path } 内の常設チャットのファイル転送サーバー ({ $format }、{ $encoding })
report-col-server = サーバー
report-col-pool = プール
report-col-site = サイト
report-col-rule = ルール
report-col-next-hop = 次ホップ
report-col-line = 行
report-col-certificate = 証明書
report-col-expires = 有効期限
report-col-status = 状態
# $servers: ファイル転送サーバーの数、$pools: そのプールの数。
report-list-totals = { $pools } 個のプールに { $servers } 台のサーバーがあります。
# FQDN のない常設チャット プール。
report-unnamed = (名前なし)
# $pool: 常設チャット プール、$hops: それが使用するフロント エンド プール (", " 区切り)。
report-list-pc-pool = 常設チャット プール { $pool } の次ホップ: { $hops }。
# $pool: ファイル転送プールに依存しない常設チャット プール。
report-list-pc-pool-none = 常設チャット プール { $pool } の次ホップは見つかりませんでした。

## human: `topocert check`

report-check-no-findings = 検出結果はありません: 常設チャットのすべてのファイル転送サーバーに、内部 CA の適切な証明書があります。
# 証明書のないサーバーの証明書列。
report-no-certificate = (なし)
report-chains-heading = 証明書チェーン (サーバー証明書から順に):
# 合計の行。$servers: 確認したサーバー、$bad: エラーのあるサーバー、$files: 指定された
# 証明書ファイル、$used、$context、$orphan、$unreadable: 状態ごとのファイル数、
# $errors、$warnings、$notes: 重大度ごとの検出結果の数。
report-check-totals = { $servers } 台のサーバーを確認しました。{ $bad } 台が常設チャットのインストールを妨げます。証明書ファイル { $files } 個が指定されました (使用 { $used }、参考 { $context }、孤立 { $orphan }、読み取り不可 { $unreadable })。エラー { $errors } 件、警告 { $warnings } 件、注意 { $notes } 件。
# `--probe` で TLS 経由でチェーンを取得した場合の合計の行。report-check-totals と同じで、
# $probed: TLS 経由で取得したチェーンの数。
report-check-totals-probed = { $servers } 台のサーバーを確認しました。{ $bad } 台が常設チャットのインストールを妨げます。証明書ファイル { $files } 個が指定され、{ $probed } 個のチェーンを TLS 経由で取得しました (使用 { $used }、参考 { $context }、孤立 { $orphan }、読み取り不可 { $unreadable })。エラー { $errors } 件、警告 { $warnings } 件、注意 { $notes } 件。

## HTML ページ (`check --format html`)

report-html-title = 常設チャットの証明書レビュー
# $name: トポロジ (コードとして)、$format: report-topology-format、$encoding: エンコード、
# $at: チェックの時刻、$version: topocert のバージョン。
report-html-meta = トポロジ { $name } ({ $format }、{ $encoding }) · { $at } にチェック · topocert { $version }
# 想定される CA が不明の場合。
report-html-ca-unknown = 不明 (`--ca` が指定されておらず、推定もできませんでした)
# エラーがある場合の判定。$blocking: エラーのあるサーバー、$servers: サーバー、$errors: エラー。
report-html-verdict-fail = 準備ができていません: { $servers } 台のサーバーのうち { $blocking } 台が常設チャットのインストールを妨げます。エラーは { $errors } 件です。
report-html-verdict-no-server = エラーはありません: 常設チャットのファイル転送 Web サービスを実行するサーバーはありません。
report-html-verdict-one = エラーはありません: 常設チャットのファイル転送サーバーに適切な証明書があります。
# $n: サーバーの数 (2 以上)。
report-html-verdict-all = エラーはありません: 常設チャットの { $n } 台のファイル転送サーバーすべてに適切な証明書があります。
# 概要カードのアクセシブル名。
report-html-cards = 概要
# 概要カードの数の下の見出し。
report-html-card-servers = サーバー
report-html-card-errors = エラー
report-html-card-warnings = 警告
report-html-card-notes = 注意
# $used、$context、$orphan、$unreadable: 状態ごとの証明書ファイルの数。
report-html-card-files = 証明書ファイル (使用 { $used }、参考 { $context }、孤立 { $orphan }、読み取り不可 { $unreadable })
report-html-servers-heading = 常設チャットのファイル転送サーバー
report-html-col-server = サーバー
report-html-col-pool = プール
report-html-col-site = サイト
report-html-col-certificate = 証明書
report-html-col-issuer = 発行者
report-html-col-expires = 有効期限
report-html-col-status = 状態
report-html-col-file = ファイル
report-html-col-subject = サブジェクト
report-html-col-serial = シリアル番号
report-html-col-servers = サーバー
report-html-col-chain = 証明書チェーン (サーバー証明書から順に)
# 常設チャット プールの次ホップであるサーバーの後に表示。
report-html-next-hop = (次ホップ)
# 証明書のないサーバー。
report-html-none = なし
report-html-certificates-heading = 証明書ファイル
report-html-chains-heading = 証明書チェーン
# $n: 検出結果の数。
report-html-findings-heading = 検出結果 ({ $n } 件)
report-html-no-findings = 検出結果はありません。
# 検出結果が指す場所。$location: パス:行:列 (コードとして)、$server: サーバー。
report-html-at = 場所 { $location }
report-html-at-server = 場所 { $location } · サーバー { $server }
report-html-server = サーバー { $server }
report-html-help = ヒント:
# ラベル付きの証明書の概要の見出し。$path: ファイル、$label: ラベル。
report-html-certificate-caption = { $path } (証明書): { $label }
# 検出結果の下のルール。$code: コード、$summary: ルールの概要、
# $severity: 既定の重大度 (report-severity)。
report-html-rule = { $code } — { $summary } (既定の重大度: { $severity })
# $version: topocert のバージョン、$name: トポロジ (コードとして)。
report-html-footer = topocert { $version } が { $name } から生成しました。要件: ファイルのアップロード/ダウンロード用の常設チャット Web サービスを実行するすべてのサーバーには、内部の Lync サーバーが使用しているものと同じ CA が発行した証明書が必要です (TechNet Gg412990)。

## SARIF

# 検出結果の証明書の関連する場所。$path: ファイル。
report-sarif-certificate-file = 証明書ファイル { $path }

## 証明書の概要 (src/certs/summary.rs): フィールド名と値がない場合の表示

report-field-subject = サブジェクト
report-field-issuer = 発行者
report-field-serial = シリアル番号
report-field-san = サブジェクト代替名
report-field-eku = 拡張キー使用法
report-field-cdp = CRL 配布ポイント
report-field-not-before = 有効期間の開始
report-field-not-after = 有効期間の終了
report-field-key = 公開キー
report-field-signature-algorithm = 署名アルゴリズム
report-field-ski = サブジェクト キー識別子
report-field-aki = 機関キー識別子
report-field-none = (なし)
report-field-empty = (空)
report-field-no-dns = (DNS 名なし)
report-field-no-uri = (URI なし)

## 内部サーバーの役割名 (src/roles.rs)、レポートでの表示

report-role-director = ディレクター
report-role-front-end = フロント エンド
report-role-persistent-chat = 常設チャット
report-role-mediation = 仲介
report-role-edge = エッジ
report-role-office-web-apps = Office Web Apps サーバー
report-role-file-transfer = ファイル転送サーバー

## `check --probe` の進行状況バー (標準エラー出力)

# $bar、$pos、$len、$msg、$elapsed: バーが埋めるフィールド。
report-progress = 調査中 { $bar } { $pos }/{ $len } 台のサーバー、{ $msg } { $elapsed }
# $n: これまでに調査に失敗したサーバーの数。
report-progress-failed = { $n } 台が失敗

# コマンド ラインのテキスト (id は "cli-" で始まる): `--help`、コマンドの概要、
# オプションとその値のヘルプ。英語は src/cli/mod.rs のドキュメント コメントと同じ文です。

cli-heading-usage = 使用法:
cli-heading-commands = コマンド
cli-heading-options = オプション
cli-heading-arguments = 引数

## コマンド (`cli-cmd-<name>`)。
cli-cmd-topocert = Lync Server 2013 / Skype for Business Server のトポロジのエクスポートを、常設チャットの証明書の要件に照らして検証します
cli-cmd-check = ファイルのアップロード/ダウンロード用の常設チャット Web サービスを実行する各サーバーの証明書を検査します
cli-cmd-list = ファイルのアップロード/ダウンロード用の常設チャット Web サービスを実行するサーバーを一覧表示します
cli-cmd-plan = ファイルのアップロード/ダウンロード用の常設チャット Web サービスを実行する各サーバーに必要な証明書要求を計画します
cli-cmd-explain = 検出結果のコードを説明します
cli-cmd-completions = シェルの補完スクリプトを出力します (bash、zsh、fish、powershell、elvish)
cli-cmd-man = コマンド ラインの定義から生成したマニュアル ページ (roff) を出力します
cli-cmd-help = このメッセージ、または指定したサブコマンドのヘルプを表示します

## オプション: すべてのコマンドで同じ文なら `cli-arg-<option>`、それ以外は
## `cli-<command>-<option>`。
cli-arg-lang = メッセージの言語 (既定: LC_ALL、LC_MESSAGES、LANG の順。JSON、SARIF、GitHub の出力は --lang を指定しない限り英語のままです)
cli-arg-help = ヘルプを表示します (詳細は '--help')
    .long = ヘルプを表示します (概要は '-h')
cli-arg-version = バージョンを表示します
cli-arg-topology = トポロジのエクスポート: `Get-CsTopology -AsXml` の出力 (UTF-8 または UTF-16) または `.tbxml` ファイル
cli-arg-format = 出力形式
cli-arg-output = 出力を標準出力ではなく FILE に書き込みます。通常のファイルはアトミックに置き換え、デバイスと FIFO にはそのまま書き込み、`-` は標準出力を表します。この実行の入力であるファイルには書き込みません
cli-arg-color = 色を付ける条件 (`auto` では NO_COLOR に従います)
cli-arg-max-input-size = 受け付けるトポロジ ファイルの最大サイズ (バイト)
cli-arg-certs = 証明書ファイルまたはフォルダー (サブフォルダーも検索)。複数指定できます
cli-arg-ca = 内部のルート CA または発行元 CA の証明書。複数指定できます。指定しない場合は CA を推定します
cli-check-config = 設定ファイル (既定: トポロジと同じフォルダーの topocert.toml があればそれ)
cli-arg-valid-at = この日時で有効期間を検査します: YYYY-MM-DD または RFC 3339 (既定: 現在)
cli-arg-pfx-password-env = PKCS#12 (.pfx) のパスワードを保持する環境変数の名前
cli-arg-quiet = 検出結果だけを出力し、概要の表を出力しません
cli-arg-deny = コード (`warnings` ならすべての警告) をエラーとして扱います。複数指定できます
cli-arg-warn = コードを警告として報告します。複数指定できます
cli-arg-allow = コードを報告しません。複数指定できます
cli-arg-max-cert-files = --certs から読み込む証明書ファイルの最大数
cli-arg-follow-external-links = --certs のフォルダーの外を指すシンボリック リンクをたどります (既定では報告し、たどりません)
cli-arg-probe = 各サーバーの証明書チェーンを TLS で取得します (サーバーに指定された証明書ファイルが優先されます)
cli-arg-probe-port = 各サーバーで接続するポート
cli-arg-connect = サーバーの FQDN への接続先を ADDRESS (IP アドレスまたは名前、必要なら PORT も) にします。複数指定できます
cli-arg-probe-timeout = 各サーバーの名前解決、接続、ハンドシェイクの制限時間: 秒数または `500ms`
cli-arg-probe-jobs = 同時に接続するサーバーの数
cli-arg-save-probed = 取得した各チェーンを DIR/FQDN.pem に書き込み、ネットワークなしで再検査できるようにします
cli-check-force = --save-probed の DIR に既にあるチェーンを置き換えます
cli-arg-emit = サーバーごとに 1 つの要求テンプレートを、その FQDN の名前で DIR に書き込みます (DIR がなければ作成します)
cli-arg-request-format = --emit が書き込むテンプレート: certreq の INF (Windows)、OpenSSL の req 設定、または両方
cli-arg-key-size = 要求の RSA キー長
cli-arg-ca-template = 要求する AD CS 証明書テンプレート (certreq の `CertificateTemplate` 属性)
cli-plan-force = DIR に既にある要求テンプレートを置き換えます
cli-arg-layout = combined: 既定、内部、外部の Web サービスに 1 つの証明書 (ウィザードの既定)。split: 外部 Web サービス用の要求 (パブリック CA) を別に作成します。既定: 設定ファイルの `[web] layout`、なければ combined
cli-arg-exportable = 秘密キーをエクスポート可能にします: プールのサーバーで 1 つの証明書を共有する (1 台からエクスポートし、他のサーバーにインポートする) 場合にだけ必要です
cli-arg-check = 計画と比較する証明書ファイルまたはフォルダー: サーバーごとに、対応している名前と不足している名前を示します (`check` が報告する内容)。複数指定できます
cli-plan-config = 設定ファイル (既定: トポロジと同じフォルダーの topocert.toml があればそれ): `[web]` と、--check では `[certificates]`
cli-arg-code = 検出結果のコード (例: `ca-mismatch`)
cli-arg-all = すべてのコードを既定の重大度と概要と共に一覧表示します
cli-arg-shell = 補完の対象とするシェル
cli-arg-subcommand = メイン ページの代わりに、このサブコマンド (`check`、`list` など) のページを出力します
cli-arg-dir = 出力する代わりに、すべてのページ (topocert.1、topocert-check.1 など) を DIR に書き込みます

## オプションの値のヘルプ: `cli-value-<command>-<option>-<value>`。
cli-value-topocert-lang-en = 英語
cli-value-topocert-lang-ja = 日本語
cli-value-check-format-human = ソースの抜粋と概要の表を含むグラフィカルな診断
cli-value-check-format-short = 検出結果ごとに 1 行の `path:line:col: severity[code]: message` (gcc 形式)
cli-value-check-format-json = JSON のレポート (schemas/report.schema.json)
cli-value-check-format-sarif = SARIF 2.1.0 (GitHub のコード スキャンなどの SARIF ビューアー用)
cli-value-check-format-github = GitHub Actions のワークフロー コマンド (`::error file=…`)。注釈として表示されます
cli-value-check-format-html = 単独で完結する HTML のレビュー ページ
cli-value-list-format-human = 読みやすい表
cli-value-list-format-json = JSON 形式
cli-value-plan-format-human = サーバーごとに各名前を要求する理由を示すレポートと、その後に表
cli-value-plan-format-json = JSON 形式 (schemas/plan.schema.json)
cli-value-plan-format-csv = PKI チーム向けの CSV (RFC 4180): FQDN、プール、サイト、サブジェクト、SAN (`;` 区切り)、キー長
cli-value-plan-request-format-certreq = `certreq -new` の INF ファイル (Windows、AD CS)
cli-value-plan-request-format-openssl = `openssl req -config` のファイル
cli-value-plan-request-format-both = 両方
cli-value-plan-key-size-2048 = RSA 2048 ビット: Lync Server 2013 とその証明書ウィザードが使用するキー長
cli-value-plan-key-size-4096 = RSA 4096 ビット
cli-value-plan-layout-combined = 既定、内部、外部の Web サービスに 1 つの証明書 (ウィザードの既定)
cli-value-plan-layout-split = 内部 (既定 + 内部 Web、内部 CA) と外部 Web (パブリック CA) の 2 つの証明書

## オプションのヘルプの後の注記 (clap が英語で書く部分の代わり)。
## $value: 既定値、$values: 指定できる値 (区切り済み)。
cli-help-default = [既定: { $value }]
cli-help-values = [指定できる値: { $values }]
cli-help-values-heading = 指定できる値:

## コマンド ラインの使用法のエラー (終了状態 2)。
cli-jobs-invalid = `{ $value }` は 1 から 4096 までのジョブ数ではありません
cli-man-no-subcommand = サブコマンド `{ $name }` はありません。ページがあるサブコマンド: { $pages }
cli-man-page = マニュアル ページ
cli-output-is-input = 出力を { $output } に書き込みません: このファイルはこの実行の入力 { $input } です。何も書き込んでいません
cli-pfx-env-unset = --pfx-password-env に `{ $var }` が指定されていますが、その環境変数は設定されていません

# `plan --format csv --emit DIR` の後に標準エラーへ。$n: 書き込んだテンプレートの数。
cli-plan-wrote = topocert: { $n } 個の要求テンプレートを書き込みました

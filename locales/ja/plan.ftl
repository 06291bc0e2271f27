# plan のメッセージ (id は "plan-" で始まる)。

## 名前が必要な理由 (src/names.rs、Why::describe)。`topocert plan` のラベルとヒント、
## JSON の `reason`、`--check` の行、name-mismatch / missing-web-name の検出結果に
## 表示されます。名詞句で、句点は付けません。

plan-why-machine = サーバーの FQDN
# $written: <Machine> のドメインのないホスト名。$domain: トポロジの既定のドメイン。
plan-why-qualified-machine = サーバーの FQDN (ドメインのないホスト名 `{ $written }` + 既定のドメイン { $domain })
plan-why-cluster-for-machine = サーバーの FQDN (<Machine> に Fqdn がないため、単一マシンのクラスターの Fqdn を使用)
# $written: プールの Fqdn の補完元になったドメインのないホスト名。
plan-why-pool-qualified = プールの FQDN (`{ $written }` + 既定のドメイン)
plan-why-pool = プールの FQDN
plan-why-internal-web-host = 内部 Web サービスの FQDN の上書き
plan-why-internal-web-is-pool = 内部 Web サービスの FQDN (上書きなし: プールの FQDN)
plan-why-external-web-host = 外部 Web サービスの FQDN (内部と外部の Web サービスに 1 つの証明書、`--layout combined`)
plan-why-simple-url-config = `[web] simple-urls` の簡易 URL
# $component: トポロジでの簡易 URL の名前 (Meet、Dialin など)。
plan-why-simple-url = { $component } の簡易 URL
# $domain: トポロジの SIP ドメイン。
plan-why-lyncdiscoverinternal = SIP ドメイン { $domain } の内部サインイン用の自動検出
# $domain: トポロジの SIP ドメイン。
plan-why-lyncdiscover = SIP ドメイン { $domain } の外部サインイン用の自動検出
# $domain: トポロジの SIP ドメイン。
plan-why-sip-domain = SIP ドメイン { $domain } の厳密な DNS 名の照合 (`[web] strict-dns`)

## エディションの判断根拠 (Evidence::describe)。ラベルとヒントの「根拠:」の後、
## JSON の `edition_evidence` に表示される節 (普通体)。

plan-evidence-userstore-local = UserStore がサーバー自身のクラスター (SQL Express) にインストールされている
plan-evidence-userstore-remote = UserStore が別の SQL クラスターにインストールされている
# $value: 属性の値 (true または false)。
plan-evidence-single-machine-only = クラスターの IsSingleMachineOnly が { $value } である
# $n: プールのマシンの数。
plan-evidence-machine-count = トポロジにこのプールの UserStore がなく、マシンの数 ({ $n } 台) で決まる

## サブジェクトの CN の理由 (SubjectRule::why)。各要求のヒントと JSON の `subject_reason`。

plan-subject-pool = サーバーが Enterprise Edition プール (マシンが 1 台でも複数台でも) に属しているため、サブジェクトはプールの FQDN です。Lync の証明書ウィザードは、プールのすべてのフロント エンド サーバーの証明書にプールの名前を付け、サーバーの FQDN を SAN に含めます
plan-subject-server = サーバーが Standard Edition サーバーであるため、サブジェクトはサーバーの FQDN です。Lync の証明書ウィザードは、サーバー自身の名前をサブジェクトに設定します

## サーバーの要求を計画できない理由 (src/names.rs、src/plan/server.rs)。
## 「SERVER の証明書要求はありません:」の後と JSON の `reason` に表示されます。
## $problem: 値が DNS 名ではない理由 (src/fqdn.rs)。

plan-problem-no-machine = トポロジのモデルにこのマシンがありません
plan-problem-machine-no-fqdn = <Machine> に Fqdn がなく、プールに複数のマシンがあるため、プールの Fqdn を使用できません
plan-problem-machine-fqdn = FQDN が DNS 名ではありません: { $problem }
# $n: プールのマシンの数 (常に 2 以上)。
plan-problem-pool-no-fqdn = プールに Fqdn がありません。{ $n } 台のマシンで構成される Enterprise Edition プールのサーバーの証明書には、プールの名前が付けられます
plan-problem-pool-fqdn = プールの FQDN が DNS 名ではありません: { $problem }
plan-problem-internal-web-host = プールの内部 Web サービスの FQDN の上書きが DNS 名ではありません: { $problem }
plan-problem-external-web-host = プールの外部 Web サービスの FQDN (内部と外部の Web サービスに 1 つの証明書、`--layout combined`) が DNS 名ではありません: { $problem }
plan-problem-no-name = トポロジにサーバーの使用可能な名前がありません
# $fqdn: サーバーの FQDN。$line: その FQDN を持つ最初の <Machine> の行。
plan-problem-duplicate = トポロジで { $fqdn } が 2 回指定されています。{ $line } 行目の <Machine> 用に計画された要求がこの名前を対象とします

## 問題のあるトポロジ要素のラベル。

plan-label-this-machine = このマシン
plan-label-machine-no-fqdn = この <Machine> には Fqdn がありません
plan-label-cluster-no-fqdn = この <Cluster> には Fqdn がありません
plan-label-not-dns = DNS 名ではありません
plan-label-duplicate = この FQDN を持つ 2 台目のマシン

## 問題の修正方法 (要求のないサーバーのヒント、JSON の `help`)。

plan-fix-machine = トポロジ ビルダーでマシンに FQDN を指定して公開し、トポロジをもう一度エクスポートしてから `topocert plan` をもう一度実行してください
plan-fix-pool = トポロジ ビルダーでプールに FQDN を指定して公開し、トポロジをもう一度エクスポートしてから `topocert plan` をもう一度実行してください
plan-fix-web = トポロジ ビルダーでプールの Web サービスの FQDN を修正して公開し、トポロジをもう一度エクスポートしてから `topocert plan` をもう一度実行してください
plan-fix-duplicate = トポロジ ビルダーで各マシンに固有の FQDN を指定し、トポロジをもう一度エクスポートしてください

## `--ca-template` のチェック (src/plan/mod.rs)。使用方法のエラーとして表示されます。
## $name: 指定された値。

plan-template-empty = `--ca-template` の値 `{ $name }` は無効です: 名前が空です
plan-template-spaces = `--ca-template` の値 `{ $name }` は無効です: 名前の先頭または末尾に空白があります
plan-template-too-long = `--ca-template` の値 `{ $name }` は無効です: テンプレート名は 64 文字以内です
# $char: 使用できない最初の文字 (エスケープ済み)。
plan-template-char = `--ca-template` の値 `{ $name }` は無効です: `{ $char }` は使用できません (テンプレートの名前を指定してください。使用できるのは英字、数字、空白、`-`、`_`、`.` です)

## `--emit` の書き込み拒否 (src/plan/emit.rs)。使用方法のエラーとして表示されます。

# $name: テンプレートのファイル名。
plan-emit-not-plain = `{ $name }` は単純なファイル名ではないため、書き込みを拒否しました。何も書き込まれていません
# $name: ファイル名。$len: その長さ (バイト)。$max: 書き込む名前の最大長。
plan-emit-too-long = 要求テンプレート { $name } を書き込めません: 名前が { $len } バイトで、ファイル システムが受け付ける { $max } バイトを超えています。何も書き込まれていません
# $path: 2 つのテンプレートの書き込み先のファイル。
plan-emit-duplicate = 2 つの要求テンプレートがどちらも { $path } に書き込まれることになります。何も書き込まれていません
# $path: `--emit` のディレクトリ。
plan-emit-not-dir = { $path } はディレクトリではありません。何も書き込まれていません
# $path: ディレクトリである書き込み先。
plan-emit-is-dir = { $path } は要求テンプレートではなくディレクトリです。何も書き込まれていません
# $paths: 既存のファイル (", " 区切り)。$n: その数。
plan-emit-exists = 次の { $n } 個のファイルが既に存在します: { $paths }。何も書き込まれていません (既存の要求テンプレートを置き換えるには `--force` を指定してください)

## `topocert plan` の人が読むレポート (src/report/plan.rs)。

# 最初の行。$path: トポロジ ファイル。$format: published または tbxml。$encoding: utf-8、utf-16le など。
plan-heading = { $path } の常設チャットのファイル転送サーバーの証明書要求 ({ $format }、{ $encoding })
plan-no-servers = 常設チャット Web サービス (ファイルのアップロード/ダウンロード) を実行しているサーバーはありません。要求する証明書はありません。
# 計画された要求 (3 行)。$fqdn: サーバー。$subject: CN=…。$sans: SAN の名前 (", " 区切り)。
plan-request =
    { $fqdn } の証明書要求
    サブジェクト { $subject }
    SAN          { $sans }
# `--layout split` の場合。$cn と $external: 外部の証明書の CN と SAN の名前。
plan-request-split =
    { $fqdn } の証明書要求
    サブジェクト { $subject }
    SAN          { $sans }
    外部 Web サービスの要求 (パブリック CA)
    サブジェクト CN={ $cn }
    SAN          { $external }
# 要求のヒント。$subject: plan-subject-*。$edition: enterprise または standard。$evidence: plan-evidence-*。
plan-request-help = { $subject }。{ $edition ->
    [enterprise] Enterprise Edition
   *[standard] Standard Edition
} と判断しました (根拠: { $evidence })
# 要求のないサーバー。$name: サーバー。$reason: plan-problem-*。
plan-skipped = { $name } の証明書要求はありません: { $reason }

# トポロジの名前のラベル。$why: plan-why-* の句。
plan-source-cn = { $why } → サブジェクトの CN と SAN に記載
plan-source-san = { $why } → SAN に記載
plan-source-cn-web = { $why } → サブジェクトの CN と SAN に記載 (Web サービス)
plan-source-san-web = { $why } → SAN に記載 (Web サービス)
# 設定ファイルからの名前 (ヒントの 1 行)。$name: 名前。$why: plan-why-*。
plan-config-reason = { $name }: { $why } (`topocert.toml` の `[web]`)
plan-web-component = PersistentChatWeb: プールがファイル転送 Web サービスを実行しています
plan-web-front-end = フロント エンド プールの Web サービス (コンポーネントの一覧なし): ファイル転送 Web サービスを実行しています
# $edition: enterprise または standard。$evidence: plan-evidence-*。
plan-edition-label = { $edition ->
    [enterprise] Enterprise Edition
   *[standard] Standard Edition
} の根拠: { $evidence }

# 表の列見出しと、要求のないサーバーのセル。
plan-column-server = サーバー
plan-column-pool = プール
plan-column-site = サイト
plan-column-subject = サブジェクト
plan-column-san = SAN 名
plan-column-key = キー
plan-not-planned-cell = (計画なし)

# 表の下の合計。$requests、$servers: 数。
plan-total = { $servers } 台のファイル転送サーバーに対して { $requests } 件の証明書要求を計画しました。
# $bits: RSA のキー長。$hash: SHA-256。$usage: キー使用法。$oid: サーバー認証の OID。
plan-each = 各要求: RSA { $bits } ビットのキー、{ $hash }、キー使用法 { $usage }、サーバー認証 ({ $oid })。
# `--ca-template` の場合。$template: AD CS の証明書テンプレートの名前。
plan-each-template = 各要求: RSA { $bits } ビットのキー、{ $hash }、キー使用法 { $usage }、サーバー認証 ({ $oid })、CA の証明書テンプレート { $template }。
plan-ca-combined = すべての証明書は、Lync サーバーの証明書を発行している内部 CA から発行される必要があります。
plan-ca-split = 内部の要求は Lync サーバーの証明書を発行している内部 CA に、外部 Web サービスの要求 (`--layout split`) はパブリック CA に送ってください。
# $n: 要求のないサーバーの数。
plan-not-planned = { $n } 台のサーバーは計画されていません: トポロジを修正し、`topocert plan` をもう一度実行してください。
plan-emit-hint = 要求テンプレートを書き込むには `--emit DIR` を指定してください。
# 書き込んだパスが続きます。$n: その数。
plan-wrote = { $n } 個のファイルを書き込みました:

## plan --check: 指定された各証明書が含む名前。字下げされた行。$fqdn: サーバー。
## $path: 証明書ファイル。

plan-coverage-heading = 指定された証明書 (`--check`) が含む上記の名前:
plan-coverage-none = { $fqdn }: 証明書が指定されていません
# $total: 要求の名前の数。
plan-coverage-all = { $fqdn }: { $path } はすべての名前 ({ $total } 個) を含んでいます
# $covered、$total: 含まれる名前の数と要求の名前の数。不足している名前が続きます。
plan-coverage-some = { $fqdn }: { $path } は { $total } 個の名前のうち { $covered } 個を含んでいます。不足している名前:

## CSV のヘッダー行 (plan --format csv)。列ごとに 1 つの見出し。

plan-csv-fqdn = サーバーの FQDN
plan-csv-pool = プール
plan-csv-site = サイト
plan-csv-subject = サブジェクト
plan-csv-sans = SAN 名
plan-csv-key-size = キー長

# errors のメッセージ (id は "errors-" で始まる)。

## 読み取れないトポロジ (src/topology): `path:line:col: ` に続くメッセージ、抜粋内の位置の下に表示するラベル、ヒント。

# トポロジの XML 構文エラーすべてのヒント。
errors-topology-help-xml = このファイルは整形式の XML ではありません。`Get-CsTopology -AsXml` でエクスポートし直すか、トポロジ ビルダーで保存し直してください
# XML として始まっていないファイル。$message: 見つかった問題 (別の errors-topology-* メッセージ)。
errors-topology-not-topology = トポロジ ドキュメントではありません: { $message }
# errors-topology-not-topology のヒント。
errors-topology-help-not-topology = エクスポートされた Lync Server / Skype for Business のトポロジが必要です: `Get-CsTopology -AsXml` で書き出した XML か、トポロジ ビルダーの `.tbxml` ファイルを指定してください
# $name: & と ; を除いた参照 (`#x1B`)、$code: 文字の 16 進コード (`001B`)。
errors-topology-char-ref-forbidden = 文字参照 `&{ $name };` は U+{ $code } を表しますが、この文字は XML では使用できません
# $name: & と ; を除いた参照 (`#xZZ`)。
errors-topology-char-ref-invalid = 文字参照 `&{ $name };` は有効な文字番号ではありません
# 使用できない文字参照の下のラベル。
errors-topology-label-forbidden-char = 使用できない文字
# 使用できない文字参照のヒント。
errors-topology-help-char-ref = XML 1.0 では、タブ、改行 (LF)、復帰 (CR) 以外の制御文字は参照として書いても使用できません。削除するか、トポロジをエクスポートし直してください
# $name: エンティティ名 (`&boom;` の `boom`)。
errors-topology-undefined-entity = エンティティ参照 `&{ $name };` は XML の 5 つの定義済みエンティティのいずれでもなく、展開されません
errors-topology-label-undefined-entity = 未定義のエンティティ
errors-topology-help-undefined-entity = トポロジのエクスポートが独自のエンティティを使用することはありません。DOCTYPE 宣言と参照を削除するか、トポロジをエクスポートし直してください
# ラベル: その位置にあるべきもの。$what: 欠けているマークアップ (`>`、`-->`、`</Site>`)。
errors-topology-label-expected = `{ $what }` が必要です
errors-topology-unclosed-tag = タグの途中でファイルが終わっています。ファイルが途中で切れています
errors-topology-unclosed-comment = コメントが閉じられていません
errors-topology-unclosed-value = 属性値の途中でファイルが終わっています。ファイルが途中で切れています
errors-topology-invalid-bang = `<!` の後がコメント、CDATA セクション、DOCTYPE のいずれでもありません
errors-topology-unclosed-cdata = CDATA セクションが閉じられていません
errors-topology-unclosed-doctype = DOCTYPE 宣言が閉じられていません
errors-topology-unclosed-pi = 処理命令が閉じられていません
# $reason: XML パーサー自身のテキスト (英語)。
errors-topology-malformed-xml = XML の形式が正しくありません: { $reason }
# $reason: XML パーサー自身のテキスト (英語)。
errors-topology-malformed-attribute = 属性の形式が正しくありません: { $reason }
# $reason: XML パーサー自身のテキスト (英語)。
errors-topology-bad-reference = 文字参照またはエンティティ参照が正しくありません: { $reason }
# $found: 終了タグの名前、$expected: 開いている要素の名前。
errors-topology-mismatched-end-tag = 終了タグ `</{ $found }>` が開いている要素 `<{ $expected }>` と一致しません
# $name: 終了タグの名前。
errors-topology-unmatched-end-tag = 終了タグ `</{ $name }>` に対応する開始タグがありません
errors-topology-label-unexpected-closing-tag = 予期しない終了タグ
# $name: 閉じられていない要素。
errors-topology-missing-end-tag = `<{ $name }>` が閉じられていません
# $tag: 要素名。形式が正しくない属性と、それぞれのラベル。
errors-topology-attr-expected-eq = `<{ $tag }>` の属性名の後に `=` がありません
errors-topology-label-attr-expected-eq = `=` と引用符で囲んだ値が必要です
# $tag: 要素名。
errors-topology-attr-expected-value = `<{ $tag }>` の `=` の後に属性値がありません
errors-topology-label-attr-expected-value = 引用符で囲んだ値が必要です
# $tag: 要素名。
errors-topology-attr-unquoted = `<{ $tag }>` の属性値が引用符で囲まれていません
errors-topology-label-attr-unquoted = `"` または `'` が必要です
# $quote: 引用符 (" または ')。
errors-topology-attr-unclosed-quote = `<{ $tag }>` の属性値に閉じる `{ $quote }` がありません
# $name: 属性名。
errors-topology-attr-duplicated = 属性 `{ $name }` が `<{ $tag }>` に 2 回指定されています
errors-topology-label-attr-duplicated = 各属性は 1 回だけ指定します。この属性は前の属性と重複しています
# $code: 文字の 16 進コード (`001B`)。
errors-topology-control-char = 制御文字 U+{ $code } は XML では使用できません
errors-topology-label-control-char = 制御文字
errors-topology-help-control-char = XML 1.0 では、タブ、改行 (LF)、復帰 (CR) 以外の制御文字は使用できません。ファイルが破損しているか、XML として書き出されていません
errors-topology-second-root = ドキュメントの終わりの後に 2 つ目のルート要素があります
errors-topology-label-second-root = ここでドキュメントが終わる必要があります
# $max: 入れ子の上限。
errors-topology-too-deep = 要素の入れ子が { $max } レベルを超えています
# ラベル: $level、到達した入れ子のレベル。
errors-topology-label-level = レベル { $level }
errors-topology-closing-without-opening = 開始タグのない終了タグがあります
errors-topology-text-after-end = ドキュメントの終わりの後にテキストがあります
errors-topology-text-before-root = ドキュメントのルート要素の前にテキストがあります
errors-topology-label-unexpected-text = 予期しないテキスト
errors-topology-cdata-outside-root = ルート要素の外に文字データがあります
errors-topology-label-unexpected-cdata = 予期しない CDATA
errors-topology-reference-outside-root = ルート要素の外にエンティティ参照があります
errors-topology-label-unexpected-reference = 予期しない参照
# $name: 開いたままの要素、$line: その要素が開かれた行。
errors-topology-truncated = `<{ $name }>` ({ $line } 行目で開始) が閉じられる前にドキュメントが終わっています。ファイルが途中で切れています
errors-topology-no-element = ファイルに XML 要素がありません
errors-topology-label-expected-root = `<Topology>` または `<TopologyBuilder>` が必要です
# $name: 見つかったルート要素。
errors-topology-wrong-root = トポロジ ドキュメントではありません: ルート要素が `<{ $name }>` です
errors-topology-help-wrong-root = `Get-CsTopology -AsXml` (または `Export-CsConfiguration`) で書き出した XML か、トポロジ ビルダーの `.tbxml` ファイルを指定してください

## トポロジのモデルの名前と注記 (src/topology)。検出結果の中に表示されます。

# DNS サフィックスで補完したドメインのないホスト名の注記 ("<fqdn> として読み取り" の後のかっこ内)。
# $kind: pool (FQDN が $name のプール)、its-pool (FQDN のないプール)、site (名前が $name のサイト)、its-site (サイトなし)。$name: プールの FQDN またはサイト名。
errors-suffix-used = { $kind ->
    [pool] プール { $name } が使用している DNS サフィックス
    [its-pool] 所属するプールが使用している DNS サフィックス
    [site] サイト { $name } のマシンが使用している DNS サフィックス
   *[its-site] 所属するサイトのマシンが使用している DNS サフィックス
}
# ドメインのないホスト名を補完しない理由: DNS サフィックスを持つマシンがない。$kind、$name は errors-suffix-used と同じ。
errors-suffix-none = { $kind ->
    [pool] プール { $name } の他のマシンに DNS サフィックスがありません
    [its-pool] 所属するプールの他のマシンに DNS サフィックスがありません
    [site] サイト { $name } の他のマシンに DNS サフィックスがありません
   *[its-site] 所属するサイトの他のマシンに DNS サフィックスがありません
}
# ドメインのないホスト名を補完しない理由: マシンの DNS サフィックスが一致しない。$kind、$name は errors-suffix-used と同じ。
# $n: DNS サフィックスの数 (2 以上)、$suffixes: コンマ区切りの DNS サフィックス。
errors-suffix-several = { $kind ->
    [pool] プール { $name } のマシンは { $n } 種類の DNS サフィックス ({ $suffixes }) を使用しています
    [its-pool] 所属するプールのマシンは { $n } 種類の DNS サフィックス ({ $suffixes }) を使用しています
    [site] サイト { $name } のマシンは { $n } 種類の DNS サフィックス ({ $suffixes }) を使用しています
   *[its-site] 所属するサイトのマシンは { $n } 種類の DNS サフィックス ({ $suffixes }) を使用しています
}
# レポートに表示する、名前のないサイト。$id: サイト ID。
errors-site-by-id = サイト { $id }
# レポートに表示する、FQDN のないマシン。$n: プール内の順番 (1、2…)、$pool: プールの FQDN。
errors-machine-of-pool = { $pool } の { $n } 台目のマシン
# FQDN のないクラスター内の、FQDN のないマシン。$n: 順番 (1、2…)。
errors-machine-of-unnamed-cluster = 名前のないクラスターの { $n } 台目のマシン

## 入力ファイルの読み取りとデコード (src/source.rs)。

# $path: ファイル、$reason: オペレーティング システムが返す理由 (システムの表記のまま)。
errors-source-read = { $path } を読み取れません: { $reason }
errors-source-help-read = パスと、ファイルが読み取り可能であることを確認してください
# $path: トポロジとして指定されたディレクトリ。
errors-source-directory = { $path } を読み取れません: ディレクトリです
errors-source-help-directory = トポロジ ファイル自体 (例: `Get-CsTopology -AsXml` で書き出したファイル) を指定してください
# $path: ファイル、$size: サイズ (バイト)、$limit: 上限 (バイト)。
errors-source-too-large = { $path } のサイズは { $size } バイトで、上限の { $limit } バイトを超えています
# 上限より長いストリーム (パイプ、デバイス)。$path: ファイル、$limit: 上限 (バイト)。
errors-source-stream-too-large = { $path } には上限の { $limit } バイトを超えるデータがあります。そこで読み取りを中止しました
# 両方のサイズ エラーのヒント。
errors-source-help-too-large = `--max-input-size` で上限を引き上げてください
# `path:line:col: ` の後。$encoding: エンコードの名前 (utf-8、utf-16le、windows-1252)、$what: 以下の errors-source-* の理由のいずれか。
errors-source-invalid = 無効な { $encoding }: { $what }
errors-source-help-invalid = トポロジをエクスポートし直してください。ファイルが破損しているか、ヘッダーに記載されたエンコードで書かれていません
# $byte: 16 進のバイト (`E9`)。
errors-source-byte-not-utf8 = バイト 0x{ $byte } は UTF-8 ではありません。UTF-8 のテキスト、またはバイト順マーク付きの UTF-16 が必要です
errors-source-sequence-not-utf8 = バイト シーケンスが UTF-8 ではありません
errors-source-not-declared-encoding = バイト シーケンスが宣言されたエンコードでは無効です
errors-source-odd-byte = UTF-16 のコード単位の途中でファイルが終わっています
# $unit: 16 進のコード単位 (`D800`)。
errors-source-unpaired-surrogate = 対になっていないサロゲート 0x{ $unit }

## 使用できない設定ファイル (topocert.toml) (src/config.rs): `path:line:col: ` に続くメッセージとヒント。

errors-config-help = README の topocert.toml のリファレンスを参照してください。ルールのコードの一覧は `topocert explain --all` で表示されます
# 抜粋内の位置の下のラベル (設定ファイルとトポロジ)。
errors-label-here = ここ
errors-config-cannot-read = 設定ファイルを読み取れません
# errors-config-cannot-read の下に表示する原因。
errors-config-not-regular-file = 通常のファイルではありません (フォルダー、パイプ、デバイスは読み取りません)
# $limit: サイズの上限 (バイト)。
errors-config-too-large = 上限の { $limit } バイトを超えています
errors-config-not-utf8 = 有効な UTF-8 ではありません
# TOML パーサー自身のメッセージ。$reason: そのテキスト (英語)。
errors-config-toml = 設定ファイルを解釈できません: { $reason }
# その場所に書けないキー。$key: キー、$allowed: 書けるキー (`a`, `b` の形)、$many: 複数なら yes。
errors-config-toml-unknown-field = { $many ->
    [yes] 不明なキー `{ $key }` です: { $allowed } のいずれかを指定してください
   *[no] 不明なキー `{ $key }` です: { $allowed } を指定してください
}
# 必須のキー。$key: キー。
errors-config-toml-missing-field = 必須のキー `{ $key }` がありません
# $code: ファイルに書かれたルールのコード。
errors-config-unknown-code = 不明なルールのコード `{ $code }` です (`topocert explain --all` を参照してください)
# $level: 書かれたレベル、$code: ルールのコード。
errors-config-unknown-level = { $code } のレベル `{ $level }` は不明です: `"deny"`、`"warn"`、`"allow"` のいずれかを指定してください
# $code: ルールのコード。
errors-config-level-not-string = { $code } のレベルは文字列で指定する必要があります: `"deny"`、`"warn"`、`"allow"`
# $code: ルールのコード。
errors-config-days-not-integer = { $code } の `days` は日数を整数で指定する必要があります
# $key: 書かれたキー、$code: ルールのコード。
errors-config-unknown-key = { $code } の設定のキー `{ $key }` は不明です: `level` または `days` を指定してください
# $code: ルールのコード。
errors-config-bad-setting = { $code } の設定は `"deny"`、`"warn"`、`"allow"` のいずれか、または `{"{"} level = "warn", days = 60 {"}"}` のようなテーブルで指定する必要があります
# $code: expires-soon 以外のルールのコード。
errors-config-days-other-code = `days` は `expires-soon` にのみ指定できます。{ $code } には指定できません
# $days: 書かれた数値。
errors-config-days-range = `days` は 0 から 3650 の範囲で指定する必要があります (指定値: { $days })
errors-config-no-reason = 抑制には、検出結果を許容する理由を示す `reason` が必要です
# $problem: ホスト名の問題 (FQDN の検査のテキスト)。
errors-config-simple-url = 簡易 URL は `https` の URL またはホスト名で指定する必要があります: { $problem }
# $host: ドメインのないホスト名。
errors-config-simple-url-bare = 簡易 URL は `https` の URL またはホスト名で指定する必要があります: `{ $host }` は完全修飾名ではありません
# $layout: 書かれたレイアウト。
errors-config-unknown-layout = レイアウト `{ $layout }` は不明です: `"combined"` または `"split"` を指定してください

## 証明書ファイルを読み取れない理由 (src/certs): `unreadable-certificate` の検出結果と
## ファイルの状態に表示する理由。ファイル名は含めません (検出結果に表示されます)。

errors-certs-empty = ファイルが空です
errors-certs-not-found = 存在しません
errors-certs-is-directory = ディレクトリです
errors-certs-broken-symlink = シンボリック リンクのリンク先がありません
errors-certs-not-regular-file = 通常のファイルではありません
# $limit: サイズの上限 (errors-certs-size)。
errors-certs-too-large = ファイルが上限の { $limit } を超えています
# サイズ。$n: 数値、$unit: mib、kib、bytes のいずれか。
errors-certs-size = { $unit ->
    [mib] { $n } MiB
    [kib] { $n } KiB
   *[bytes] { $n } バイト
}
# $reason: 理由 (errors-certs-io-* またはシステム自身のテキスト)。
errors-certs-io = ファイルを読み取れません: { $reason }
errors-certs-not-a-certificate = 証明書ではありません: PEM ブロック、DER 証明書、PKCS#7 構造、PKCS#12 構造のいずれも見つかりません
errors-certs-headerless-base64 = 証明書ではありません: `-----BEGIN CERTIFICATE-----` 行のない Base64 テキストです (BEGIN 行と END 行を追加してください)
# $labels: PEM ブロックの内容 (コンマ区切り): errors-certs-label-private-key と、書かれたままの PEM ラベル (`CERTIFICATE REQUEST`)。
errors-certs-no-pem-certificate = PEM データに証明書がありません (見つかったもの: { $labels })
# errors-certs-no-pem-certificate の $labels の項目。
errors-certs-label-private-key = 秘密キー
# $index: ファイル内のブロックの番号 (1、2…)、$reason: 理由。
errors-certs-pem-block = PEM ブロック { $index } は有効な証明書ではありません: { $reason }
# $reason: 理由。
errors-certs-der = DER 証明書が無効です: { $reason }
# $index: ファイル内の証明書の番号 (2、3…)、$reason: 理由。
errors-certs-der-concatenated = DER 証明書 { $index } が無効です: { $reason }
# $n: 残りのバイト数。
errors-certs-trailing-bytes = 証明書の後に予期しない { $n } バイトがあります
# $reason: 理由。
errors-certs-pkcs7 = PKCS#7 構造が無効です: { $reason }
# $index: PKCS#7 の証明書セット内の番号、$reason: 理由。
errors-certs-pkcs7-certificate = PKCS#7 構造内の証明書 { $index } が無効です: { $reason }
# PKCS#7 ブロックの errors-certs-pem-block の理由。$index: その中の証明書の番号、$reason: 理由。
errors-certs-pkcs7-block-certificate = PKCS#7 の証明書 { $index } が無効です: { $reason }
errors-certs-pkcs12-password = PKCS#12 のパスワードが間違っているか、指定されていません (`--pfx-password-env` で指定した環境変数にパスワードを設定してください)
# $reason: 理由。
errors-certs-pkcs12 = PKCS#12 構造が無効です: { $reason }
# $index: PKCS#12 のバッグ順での証明書の番号、$reason: 理由。
errors-certs-pkcs12-certificate = PKCS#12 構造内の証明書 { $index } が無効です: { $reason }
# 証明書の DER を解析できない理由。
errors-certs-truncated = データが途中で切れています
# $reason: DER パーサー自身のテキスト (英語)。
errors-certs-malformed-der = DER の形式が正しくありません ({ $reason })
errors-certs-malformed-certificate = 証明書の形式が正しくありません
errors-certs-symlink-loop = シンボリック リンクがループしています
errors-certs-permission-denied = アクセスが拒否されました
# I/O エラーについてシステムがテキストを返さない場合。
errors-certs-io-error = I/O エラー
# `--certs` で指定したフォルダーのうち、検索しないもの。$path: フォルダー。
errors-certs-system-directory = { $path } はシステム ディレクトリのため、証明書を検索しません
# $reason: 理由 (errors-certs-* またはシステム自身のテキスト)。
errors-certs-read-dir = ディレクトリを読み取れません: { $reason }
# $target: リンク先 (パス)、またはそれを解決できない理由。
errors-certs-external-link = { $target } へのシンボリック リンクは `--certs` のフォルダーの外を指しているため、たどりません (`--follow-external-links` を指定するとたどります)
# 終了コード 2。$found: `--certs` が示すファイル数、$limit: 上限。
errors-certs-too-many-files = `--certs` が示す証明書ファイルは { $found } 個で、上限の { $limit } 個を超えています。`--max-cert-files` で上限を引き上げてください

## PEM、BER、PKCS#7、PKCS#12 の構造を読み取れない理由 (src/certs): errors-certs-pem-block、
## errors-certs-der、errors-certs-pkcs7、errors-certs-pkcs12 とその証明書ごとの版の $reason。

errors-pem-bad-begin = BEGIN 行が `-----BEGIN LABEL-----` の形式ではありません
# $label: BEGIN 行のラベル (`CERTIFICATE`)。
errors-pem-no-end = `-----END { $label }-----` 行がありません
# $label: BEGIN 行のラベル。
errors-pem-end-mismatch = END 行が `-----BEGIN { $label }-----` と一致しません
errors-base64-after-padding = パディングの後に Base64 のデータがあります
errors-base64-padding = Base64 のパディングが無効です
errors-base64-character = Base64 の文字が無効です
errors-base64-truncated = Base64 のデータが途中で切れています
# $declared: 値が宣言している長さ、$present: 実際にあるバイト数。
errors-ber-truncated = データが途中で切れています: 値の長さは { $declared } バイトと宣言されていますが、{ $present } バイトしかありません
# $max: 入れ子の上限。
errors-ber-too-deep = 構造の入れ子が { $max } レベルを超えています
errors-ber-tag-too-large = タグ番号が大きすぎます
errors-ber-indefinite-primitive = プリミティブ値に不定長が指定されています
errors-ber-length-too-large = 長さが大きすぎます
errors-ber-no-end-of-contents = 不定長の値にコンテンツ終了オクテットがありません
# 証明書を含まない PKCS#7 または PKCS#12 の構造。
errors-pkcs-no-certificates = 証明書が含まれていません
# $oid: コンテンツ タイプの OID (ドット区切り)、または errors-pkcs7-invalid-oid。
errors-pkcs7-not-signed-data = コンテンツ タイプ { $oid } は signedData (1.2.840.113549.1.7.2) ではありません
errors-pkcs7-invalid-oid = (無効な OID)
errors-pkcs7-content-info-not-sequence = ContentInfo が SEQUENCE ではありません
errors-pkcs7-content-info-empty = ContentInfo が空です
errors-pkcs7-content-info-no-oid = ContentInfo が OID で始まっていません
errors-pkcs7-content-info-no-content = ContentInfo にコンテンツがありません
errors-pkcs7-content-not-tagged = ContentInfo のコンテンツに [0] のタグがありません
errors-pkcs7-signed-data-missing = SignedData がありません
errors-pkcs7-signed-data-not-sequence = SignedData が SEQUENCE ではありません
errors-pkcs7-no-version = SignedData にバージョンがありません
errors-pkcs7-version-not-integer = SignedData のバージョンが INTEGER ではありません
errors-pkcs7-no-digest-algorithms = SignedData に digestAlgorithms がありません
errors-pkcs7-digest-algorithms-not-set = SignedData の digestAlgorithms が SET ではありません
errors-pkcs7-no-encap-content-info = SignedData に encapContentInfo がありません
errors-pkcs7-encap-content-info-not-sequence = SignedData の encapContentInfo が SEQUENCE ではありません
errors-pkcs12-wrong-password = パスワードが間違っています
errors-pkcs12-indefinite = 不定長の BER でエンコードされていますが、これはサポートされていません (`openssl pkcs12` などでエクスポートし直してください)
# $n: ファイルが要求する反復回数、$max: 受け付ける上限。
errors-pkcs12-too-many-iterations = キーの導出に { $n } 回の反復が要求されていますが、受け付ける上限は { $max } 回です。既定の設定でエクスポートし直してください
# $n: 1 回の試行の反復回数、$budget: 空のパスワードを試すのに費やす上限。
errors-pkcs12-needs-password = パスワードが必要です: 空のパスワードを試すにはキー導出の反復が { $n } 回必要で、推測に費やす上限の { $budget } 回を超えます (`--pfx-password-env` で指定した環境変数にパスワードを設定してください)
# $budget: 1 回の実行ですべての PKCS#12 ファイルに費やせる反復回数。
errors-pkcs12-budget-spent = 開いていません: この実行の PKCS#12 のキー導出の上限 ({ $budget } 回の反復) を他のファイルで使い切りました。一度に確認する PKCS#12 ファイルを減らすか、PEM/DER 形式の証明書としてエクスポートしてください
errors-pkcs12-pfx-empty = PFX が空です
errors-pkcs12-no-version = PFX にバージョンがありません
errors-pkcs12-version = PFX のバージョンが 3 (PKCS#12 v1) ではありません
errors-pkcs12-no-auth-safe = PFX に authSafe がありません
errors-pkcs12-auth-safe-not-content-info = PFX の authSafe が ContentInfo ではありません
errors-pkcs12-decoder-failed = PKCS#12 のデコーダーがこのファイルの処理に失敗しました
errors-pkcs12-unsupported-encryption = サポートされていない暗号化方式です
errors-pkcs12-unsupported-mac = サポートされていない MAC アルゴリズムです
errors-pkcs12-invalid-parameters = 暗号化パラメーターが無効であるか、過大です
errors-pkcs12-invalid-certificate-bag = 証明書バッグに無効な証明書が含まれています

## 署名を確認できない理由 (src/certs/verify.rs)。

errors-verify-bad-signature = 発行者の公開キーでは署名の検証に失敗します
# $algorithm: 署名アルゴリズム (sha256WithRSAEncryption)。
errors-verify-unsupported-algorithm = 署名アルゴリズム { $algorithm } は検証できません
# $bits: 発行者のキー長、$algorithm: 署名アルゴリズム。
errors-verify-key-too-small = 発行者の { $bits } ビットの RSA キーは小さすぎるため、{ $algorithm } の署名を検証できません
# $bits: 発行者のキー長。
errors-verify-key-too-large = 発行者の { $bits } ビットの RSA キーは、検証機能がサポートする 8192 ビットを超えています
# $issuer_key: 発行者のキーのアルゴリズム (RSA、EC)、$algorithm: 署名アルゴリズム。
errors-verify-key-mismatch = 発行者の { $issuer_key } キーで { $algorithm } の署名が作成されることはありません
# $which: subject (確認する証明書) または issuer、$reason: 理由 (errors-certs-truncated など)。
errors-verify-parse = { $which ->
    [issuer] 発行者の証明書を解析できません: { $reason }
   *[subject] 証明書を解析できません: { $reason }
}
# 名前付き曲線ではなく明示的なパラメーターで指定された EC キーの曲線。
errors-ec-explicit-parameters = (明示的なパラメーター)

## サーバーのプローブ (src/probe.rs): `--connect` と `--probe-timeout` の値、サーバーから証明書を
## 取得できなかった理由 (検出結果の理由)、チェーンの保存。

# `--connect` のエラーの末尾に表示する使い方。
errors-connect-usage = `FQDN=ADDRESS[:PORT]` の形式で指定してください (例: `fe01.contoso.local=10.0.0.5:443`、`fe01.contoso.local=[::1]:8443`)
# $value: 書かれたままの `--connect` の値。
errors-connect-no-eq = `{ $value }` に `=` がありません: { errors-connect-usage }
# $problem: FQDN の問題 (FQDN の検査のテキスト)。
errors-connect-bad-fqdn = FQDN が無効です: { $problem }: { errors-connect-usage }
# $port: 書かれたままのポート。
errors-connect-bad-port = `{ $port }` はポート番号 (1-65535) ではありません: { errors-connect-usage }
# $problem: ホスト名としてのアドレスの問題 (FQDN の検査のテキスト)。
errors-connect-bad-address = アドレスの問題: { $problem }: { errors-connect-usage }
# 終了コード 2。$fqdn: `--connect` に指定された名前。
errors-connect-unknown-server = `--connect` で指定された { $fqdn } は、トポロジ内の常設チャットのファイル転送サーバーではありません (`topocert list` で一覧を表示できます)
# $value: 書かれたままの `--probe-timeout` の値。
errors-timeout-not-duration = `{ $value }` は時間ではありません: 5 や 2.5 などの秒数、または `500ms` のように指定してください
# $value: 書かれたままの `--probe-timeout` の値。
errors-timeout-out-of-range = `{ $value }` は範囲外です: プローブのタイムアウトは `1ms` から `3600s` の範囲で指定してください
# $host: 名前、$reason: リゾルバーのテキストまたは errors-probe-no-address。
errors-probe-resolve = 名前 { $host } を解決できません: { $reason }
errors-probe-no-address = アドレスがありません
# $host: 名前、$after: タイムアウト (`5 s`、`500 ms`)。
errors-probe-resolve-timeout = 名前 { $host } が { $after } 以内に解決されませんでした
# $port: TCP ポート。
errors-probe-refused = 接続が拒否されました (ポート { $port } で待ち受けているものがありません)
# $after: タイムアウト (`5 s`)。
errors-probe-connect-timeout = { $after } 以内に接続できませんでした
# $reason: システムのテキスト、または errors-probe-no-thread。
errors-probe-connect = 接続できません: { $reason }
errors-probe-no-thread = このサーバーをプローブするスレッドを開始できませんでした
# システムがエラーのテキストを返さない場合。
errors-probe-unknown-error = 不明なエラー
# $after: タイムアウト (`5 s`)。
errors-probe-handshake-timeout = { $after } 以内に TLS ハンドシェイクへの応答がありませんでした
errors-probe-reset = TLS ハンドシェイク中に接続がリセットされました
errors-probe-closed = サーバーが証明書を提示する前に接続を閉じました
# $port: TCP ポート。
errors-probe-plain-http = サーバーが TLS ではなく平文の HTTP で応答しました: ポート { $port } は TLS なしの HTTP を提供しています
# $offered: プロトコル (`SSL 3.0`、`TLS 1.0`)、または errors-probe-offered-*、errors-probe-protocol-version のいずれか。
errors-probe-old-protocol = サーバーが提供しているのは { $offered } のみで、topocert はこれを使用しません (TLS 1.2 と 1.3 でプローブします)
# errors-probe-old-protocol の $offered: サーバーが TLS 1.2 と 1.3 を拒否した場合。
errors-probe-offered-old = TLS 1.0/1.1 または SSL
# errors-probe-old-protocol の $offered。$version: プロトコル (`TLS 1.0`)。
errors-probe-offered-alert = { $version } (`protocol_version` アラートで応答しました)
# 不明なプロトコル バージョン。$minor: マイナー番号。
errors-probe-protocol-version = プロトコル バージョン 3.{ $minor }
# $first_bytes: 受信した最初のバイト (16 進)。
errors-probe-not-tls = サーバーの応答が TLS ではありません (最初のバイト: { $first_bytes })
# $reason: errors-probe-alert、errors-probe-malformed-message のいずれか、または TLS ライブラリのテキスト。
errors-probe-handshake = TLS ハンドシェイクに失敗しました: { $reason }
# $alert: TLS アラートの名前 (`handshake_failure`)。
errors-probe-alert = サーバーがアラート { $alert } を送信しました
errors-probe-malformed-message = サーバーが形式の正しくない TLS メッセージを送信しました
errors-probe-no-certificate = サーバーが証明書を提示しませんでした
# $count: 提示された証明書の数、$limit: 受け付ける上限。
errors-probe-chain-too-long = サーバーが提示した証明書は { $count } 個で、上限の { $limit } 個を超えています
# $bytes: 提示された証明書のサイズ、$limit: 受け付ける上限。
errors-probe-chain-too-large = サーバーが提示した証明書は { $bytes } バイトで、上限の { $limit } バイトを超えています
# $limit: ハンドシェイク中に読み取る上限のバイト数。
errors-probe-too-much-data = サーバーがハンドシェイクを完了しないまま { $limit } バイトを超えるデータを送信しました
# $index: チェーン内の証明書の位置 (1 = サーバーの証明書)、$reason: 理由。
errors-probe-bad-certificate = 提示されたチェーンの証明書 { $index } が無効です: { $reason }
# 提示されたチェーンの保存 (`--save-probed`)、終了コード 2。$fqdn: サーバーの名前。
errors-save-not-dns-name = 保存するチェーンにサーバー `{ $fqdn }` の名前を付けられません: DNS 名ではありません。何も書き込んでいません
# $path: 2 つのサーバーが保存されるファイル。
errors-save-same-file = 2 つのサーバーが同じ { $path } に保存されることになります。何も書き込んでいません
# $path: ファイルまたはフォルダー、$reason: システムの理由。
errors-save-cannot-write = { $path } に書き込めません: { $reason }
# $path: 既存のファイル。
errors-save-exists = { $path } は既に存在します。何も書き込んでいません (`--force` を指定すると保存済みのチェーンを置き換えます)
# $path: チェーンを保存する場所にある既存のフォルダー。
errors-save-exists-directory = { $path } は既に存在します。何も書き込んでいません

## コマンドを実行できなかった理由 (src/error.rs)、終了コード 2。

# $path: `--ca` に指定したファイル。理由は次の行に表示されます。
errors-ca = CA 証明書 { $path } を使用できません
errors-ca-help = `--ca` には、内部のルート CA または発行元 CA の証明書を PEM、DER、PKCS#7、PKCS#12 のいずれかの形式で指定してください
# $value: 書かれたままの `--valid-at` の値。
errors-valid-at = `--valid-at` の値 `{ $value }` が無効です: `YYYY-MM-DD` の形式の日付か、`2026-06-01T00:00:00Z` のような RFC 3339 形式の日時を指定してください
# $path: 出力ファイル、$reason: システムの理由。
errors-write = { $path } に書き込めません: { $reason }

## 証明書のキー (レポートに表示) (src/certs/info.rs)。

# $bits: RSA のキー長。
errors-key-rsa = RSA { $bits } ビット
# $algorithm: キーのアルゴリズム (`EC P-256`、OID の名前)、$bits: キー長。
errors-key-with-bits = { $algorithm } ({ $bits } ビット)

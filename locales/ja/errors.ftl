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
errors-topology-unclosed-cdata = CDATA セクションが閉じられていません
errors-topology-unclosed-doctype = DOCTYPE 宣言が閉じられていません
errors-topology-unclosed-pi = 処理命令が閉じられていません
# $reason: XML パーサー自身のテキスト (英語)。
errors-topology-xml-syntax = XML 構文エラー: { $reason }
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
errors-topology-attr-expected-value = `<{ $tag }>` の `=` の後に属性値がありません
errors-topology-label-attr-expected-value = 引用符で囲んだ値が必要です
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

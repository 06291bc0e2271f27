# rules のメッセージ (id は "rules-" で始まる)。
# `topocert check` の検出結果: 各検出結果のメッセージ、ヒント、およびトポロジ、設定ファイル、
# 証明書の概要に表示されるラベル。$変数はすべて入力のデータ (パス、FQDN、DN、日付、コード) で、
# そのまま表示されます。$path は証明書ファイルのパス、$fqdn はサーバーの FQDN です。

## 共通

# 証明書の検出結果の対象サーバーの <Machine> に付くラベル。
rules-server-label = { $fqdn } は常設チャットのファイル転送サーバーです

# 一覧の 2 つの名前をつなぎます (長い一覧では左から順に: "a と b と c")。
# $first: それまでの名前、$second: 次の名前。
rules-and = { $first } と { $second }

# `-D`/`-W`/`-A`、`[rules]`、`[[ignore]]` が不明なルールを指定した場合のエラー。$code: 指定された値。
rules-unknown-code = 不明なルール コード `{ $code }` です (`topocert explain --all` を参照してください)

## 無効な FQDN: 名前が DNS ホスト名として使用できない理由 ($name: 記載されている名前)

rules-fqdn-empty = 名前が空です
rules-fqdn-variable = `{ $name }` は展開されなかったスクリプト変数のようです
# $char: DNS 名に使用できない最初の文字。
rules-fqdn-character = `{ $name }` には DNS 名に使用できない `{ $char }` が含まれています
rules-fqdn-label-length = `{ $name }` に空のラベルまたは長すぎるラベルがあります
# $label: ハイフンで始まるか終わるラベル。
rules-fqdn-hyphen = `{ $name }` のラベル `{ $label }` はハイフンで始まるか終わっていますが、ホスト名のラベルをハイフンで始めたり終えたりすることはできません (RFC 952、RFC 1123)

## ambiguous-certificate

# グループの最初のサーバー: $count 個の証明書が $fqdn を対象としています。$others: 同じ証明書が
# 対象とする他のサーバーの数、$paths: 最初のいくつかのパス (", " 区切り)、$more: 一覧にない
# パスの数 (すべて一覧にある場合は 0)。
rules-ambiguous-certificate = { $count } 個の証明書が { $fqdn }{ $others ->
        [0] {""}
       *[other] {" "}(ほか { $others } 台のサーバー)
    } を対象としています: { $paths }{ $more ->
        [0] {""}
       *[other] {" "}ほか { $more } 個
    }
# グループの他のサーバー: $reported は、それらの証明書を一覧表示した検出結果のサーバーです。
rules-ambiguous-certificate-same = { $reported } を対象とするのと同じ { $count } 個の証明書が { $fqdn } を対象としています
rules-ambiguous-certificate-help = 1 つだけを残して、そのファイル名を `{ $fqdn }.cer` にするか、`topocert.toml` の `[certificates]` テーブルで対応付けてください
rules-ambiguous-certificate-label = 複数の証明書がこのサーバーを対象としています

## bare-host-name

# $written: トポロジに記載されたドメインのない名前、$fqdn: 読み取った名前、$note: 使用した
# DNS サフィックス、または使用しなかった理由。
rules-bare-host-name-cluster-qualified = クラスターの `Fqdn` `{ $written }` はドメインのないホスト名です。{ $fqdn } として読み取りました ({ $note })
rules-bare-host-name-cluster-unqualified = クラスターの `Fqdn` `{ $fqdn }` はドメインのないホスト名で、補完されていません: { $note }
rules-bare-host-name-machine-qualified = マシンの `Fqdn` `{ $written }` はドメインのないホスト名です。{ $fqdn } として読み取りました ({ $note })
rules-bare-host-name-machine-unqualified = マシンの `Fqdn` `{ $fqdn }` はドメインのないホスト名で、補完されていません: { $note }
rules-bare-host-name-help = トポロジ、DNS、および証明書が一致するように、トポロジ ビルダーで完全な FQDN を指定してください
rules-bare-host-name-read-as = { $fqdn } として読み取りました
rules-bare-host-name-no-domain = ドメインがありません

## ca-inferred

# $count: 同数の発行者の数、$issued: それぞれが発行した証明書の数、$issuers: それらの DN ("; " 区切り)。
rules-ca-inferred-tied = 内部 CA を推定できません: { $count } 個の発行者が、サーバーの証明書をそれぞれ { $issued } 個発行しています ({ $issuers })
rules-ca-inferred-tied-help = 内部 CA を `--ca FILE` で指定してください (そのルート CA または発行元 CA の証明書)
rules-ca-inferred-tied-label = これらのサーバーの証明書の CA が一致しません
# $subject: CA の DN、$keys: その CA のキーの数 (1 より多い場合は更新済み)、$total 個の証明書の
# うち $count 個をその CA が発行、$roles: "役割: 数" (", " 区切り)、$verified: その証明書が
# 指定された場合は "yes"、それ以外は "no"。
rules-ca-inferred-majority = 想定される CA を { $subject }{ $keys ->
        [0] {""}
        [1] {""}
       *[other] {" "}(キーが { $keys } 個ある 1 つの CA で、更新されています)
    } と推定しました: トポロジの内部サーバーの証明書 { $total } 個のうち { $count } 個を発行しています ({ $roles }){ $verified ->
        [yes] {""}
       *[no] 。その証明書が指定されていないため、発行者名とキー識別子は比較されますが、署名は検証されません
    }
rules-ca-inferred-majority-help = チェックが多数派に依存しないように、内部 CA を `--ca FILE` で指定してください
rules-ca-inferred-no-ca = `--ca` が指定されていません

## ca-mismatch

# $top: 自己署名ルートの DN、$key: そのキーの SHA-1。
rules-ca-mismatch-impostor = { $fqdn } の証明書 { $path } のチェーンは、内部 CA の名前 { $top } をコピーした、別のキー (キーの SHA-1 は { $key }) を持つ自己署名ルートに至ります。このルートは `--ca` で指定されていません
rules-ca-mismatch-impostor-help = 内部 CA と同じ名前で別のキーを持つルートは別の CA です: 内部 CA に証明書を要求してください
rules-ca-mismatch-impostor-label = 内部 CA のキーではありません
# $issuer: 発行者の DN、$expected: 内部 CA の DN ("; " 区切り)。
rules-ca-mismatch = { $fqdn } の証明書 { $path } は、内部 CA ({ $expected }) ではなく { $issuer } によって発行されています
# 同上。$top: チェーンの末尾の DN。
rules-ca-mismatch-chain = { $fqdn } の証明書 { $path } は、内部 CA ({ $expected }) ではなく { $issuer } によって発行されています (そのチェーンは { $top } で終わります)
rules-ca-mismatch-help = 内部 CA ({ $expected }) に証明書を要求してください
rules-ca-mismatch-label = 内部 CA ではありません

## cross-certified-chain

# $subject: クロス証明書のサブジェクトの DN、$issuer: その発行者の DN。
rules-cross-certified-chain = { $fqdn } の証明書 { $path } のチェーンは、{ $issuer } が発行したクロス証明書 { $subject } を経由して内部 CA に至ります
rules-cross-certified-chain-help = クロス証明書がサーバーの中間証明機関ストアにあること (または AD に発行されていること) を確認してください
rules-cross-certified-chain-label = クロス証明書を経由するチェーンです

## duplicate-fqdn

rules-duplicate-fqdn = マシン { $fqdn } が 2 回記載されています
rules-duplicate-fqdn-help = 各サーバーが属するプールは 1 つだけです: 重複を削除するか、その FQDN を修正してください
rules-duplicate-fqdn-again = ここで再度記載されています
rules-duplicate-fqdn-first = ここで最初に記載されています

## expired、expires-soon、not-yet-valid ($date: 日付、$valid_at: --valid-at の日付)

rules-expired = { $fqdn } の証明書 { $path } は { $date } に有効期限が切れました
rules-expired-help = 内部 CA から証明書を更新してください
rules-expired-label = { $valid_at } より前です
# $left: $valid_at から $date までの日数。
rules-expires-soon = { $fqdn } の証明書 { $path } の有効期限は { $date } です ({ $valid_at } の { $left } 日後)
# $days: 警告期間 (`expires-soon-days`)。
rules-expires-soon-help = 変更作業の前に証明書を更新してください。警告期間は { $days } 日です
rules-expires-soon-label = { $days } 日以内です
rules-not-yet-valid = { $fqdn } の証明書 { $path } は { $date } より前は有効ではありません
rules-not-yet-valid-help = 変更作業を開始日より後に予定するか、証明書を再発行してもらってください
rules-not-yet-valid-label = { $valid_at } より後です

## invalid-fqdn ($problem: rules-fqdn-* の理由のいずれか)

rules-invalid-fqdn-cluster = クラスターの `Fqdn` が DNS 名ではありません: { $problem }
rules-invalid-fqdn-machine = マシンの `Fqdn` が DNS 名ではありません: { $problem }
rules-invalid-fqdn-help = トポロジにサーバーの実際の FQDN を指定して、もう一度エクスポートしてください
rules-invalid-fqdn-label = DNS 名ではありません

## issuer-not-supplied
## $subject: チェーンが止まった DN、$issuer: その発行者の DN、$keyed: 発行者のキー ID $key が
## わかっている場合は "yes"、それ以外は "no"。

rules-issuer-not-supplied = { $fqdn } の証明書 { $path } のチェーンは { $subject } で止まっています: その発行者 { $issuer }{ $keyed ->
        [yes] {" "}(キー ID { $key })
       *[no] {""}
    } の証明書が指定されていません
# $issuing: 指定されていない証明書が発行元 CA (サーバー証明書を発行した CA) のものである場合は "yes"、それ以外は "no"。
rules-issuer-not-supplied-help = チェーンをチェックできるように、{ $issuing ->
        [yes] 発行元 CA
       *[no] CA
    } の証明書 { $issuer }{ $keyed ->
        [yes] {" "}(キー ID { $key })
       *[no] {""}
    } を `--ca` で指定してください (または証明書ファイルに含めてください)。内部 PKI の CA でない場合は、内部 CA に証明書を要求してください
rules-issuer-not-supplied-ca = { $fqdn } の証明書 { $path } のチェーンは { $subject } で止まっています: CA { $issuer } は更新されており、新しいキー{ $keyed ->
        [yes] {" "}(キー ID { $key })
       *[no] {""}
    } の証明書が指定されていません
rules-issuer-not-supplied-ca-help = { $issuer } という名前の CA は更新されています: { $keyed ->
        [yes] キー ID { $key } の CA 証明書を
       *[no] CA 証明書を
    } `--ca` で、または証明書ファイルに含めて指定してください
# チェーンが、`--ca` で指定されていないキーの自己署名ルートで終わる場合。
rules-issuer-not-supplied-root-self = { $fqdn } の証明書 { $path } のチェーンはルート { $issuer }{ $keyed ->
        [yes] {" "}(キー ID { $key })
       *[no] {""}
    } で終わりますが、これは `--ca` で指定されていない、そのルートのキーです
rules-issuer-not-supplied-root-self-help = ルート { $issuer } は更新されています: { $keyed ->
        [yes] キー ID { $key } のその証明書を
       *[no] その証明書を
    } `--ca` で指定するか、`--ca` で指定したキーにそれをリンクするクロス証明書を指定してください
rules-issuer-not-supplied-root = { $fqdn } の証明書 { $path } のチェーンは { $subject } で止まっています: ルート { $issuer } は更新されており、新しいキー{ $keyed ->
        [yes] {" "}(キー ID { $key })
       *[no] {""}
    } の証明書が指定されていません
rules-issuer-not-supplied-root-help = ルート { $issuer } は更新されています: { $keyed ->
        [yes] キー ID { $key } のその証明書を
       *[no] その証明書を
    } `--ca` で指定するか、そのキーを新しいキーにリンクするクロス証明書を指定してください
rules-issuer-not-supplied-label = この CA キーの証明書が指定されていません

## missing-certificate

rules-missing-certificate = { $fqdn } の証明書が指定されていません
# $name: 証明書に必要な 1 つの名前。
rules-missing-certificate-help-one = SAN が { $name } の証明書を内部 CA に要求し、`--certs` で指定してください。{ $fqdn } の要求は `topocert plan TOPOLOGY` で作成できます
# $names: 最後以外の名前 (", " 区切り)、$last: 最後の名前。
rules-missing-certificate-help-many = SAN が { $names } と { $last } の証明書を内部 CA に要求し、`--certs` で指定してください。{ $fqdn } の要求は `topocert plan TOPOLOGY` で作成できます
rules-missing-certificate-label = このサーバーには内部 CA の証明書が必要です

## missing-crl-distribution-point

rules-missing-crl-distribution-point = { $fqdn } の証明書 { $path } に CRL 配布ポイントがありません
rules-missing-crl-distribution-point-help = CA で CRL 配布ポイントを構成し、証明書を再発行してください
rules-missing-crl-distribution-point-label = CDP 拡張機能がありません

## missing-fqdn

rules-missing-fqdn-cluster = クラスターに `Fqdn` 属性がありません
# $pool: プールの FQDN。
rules-missing-fqdn-machine = プール { $pool } のマシンに `Fqdn` 属性がありません
rules-missing-fqdn-help = トポロジ ビルダーでその要素に `Fqdn` を指定し、トポロジをもう一度エクスポートしてください
rules-missing-fqdn-cluster-label = この `<Cluster>` には `Fqdn` がありません
rules-missing-fqdn-machine-label = この `<Machine>` には `Fqdn` がありません

## missing-server-auth

# $eku: 証明書の拡張キー使用法 (", " 区切り)。
rules-missing-server-auth = { $fqdn } の証明書 { $path } はサーバー認証に使用できません (EKU: { $eku })
# 同上。EKU 拡張機能に何も含まれていない場合。
rules-missing-server-auth-empty = { $fqdn } の証明書 { $path } はサーバー認証に使用できません (EKU: 空)
rules-missing-server-auth-help = Web サーバーなど、サーバー認証を含むテンプレートから証明書を要求してください
rules-missing-server-auth-label = `serverAuth` がありません

## name-mismatch、missing-web-name

# $missing: 不足している各名前と、かっこ内のその理由 (", " 区切り)、$field: 証明書に SAN 拡張機能が
# ある場合は "san"、それ以外は "cn"、$empty: 名前が 1 つもない場合は "yes"、それ以外は "no"、
# $shown: 証明書にある名前 (", " 区切り)。
rules-name-mismatch = { $fqdn } の証明書 { $path } には { $missing } が含まれていません: { $field ->
        [san] サブジェクト代替名
       *[cn] サブジェクトの CN (SAN 拡張機能はありません)
    }{ $empty ->
        [yes] に名前がありません
       *[no] の名前は { $shown } です
    }
# $names: サーバーの証明書に必要な名前 (rules-and でつないだもの)。
rules-name-mismatch-help = SAN に { $names } を含む証明書を要求してください。{ $fqdn } の要求は `topocert plan TOPOLOGY` で作成できます
# 証明書の SAN またはサブジェクトに付くラベル。$names: 不足している名前 (", " 区切り)。
rules-name-mismatch-label = { $names } がありません
# $names: 不足している Web の名前 (", " 区切り)。
rules-missing-web-name-help = { $names } も含む証明書を要求してください。{ $fqdn } の要求は `topocert plan TOPOLOGY` で作成できます

## no-persistent-chat-pool

rules-no-persistent-chat-pool = トポロジに常設チャット プールがありません。プールを追加すると、一覧の証明書が必須になります
rules-no-persistent-chat-pool-help = 計画している場合は、トポロジ ビルダーで常設チャット プールを追加してください。ファイル転送サーバーは既にチェックされています
rules-no-persistent-chat-pool-label = このトポロジには `PersistentChatService` がありません

## orphan-certificate

# $other: サーバー $fqdn に代わりに選択されたファイルのパス。
rules-orphan-certificate-other = { $path } は { $fqdn } を示していますが、そのサーバーには { $other } が選択されました
rules-orphan-certificate-other-label = このサーバーには別のファイルが選択されました
rules-orphan-certificate-no-dns-name = { $path } はどの常設チャットのファイル転送サーバーとも一致しません: その SAN に DNS 名がありません
rules-orphan-certificate-no-name = { $path } はどの常設チャットのファイル転送サーバーとも一致しません: SAN も CN もありません
rules-orphan-certificate-no-name-label = DNS 名がありません
# $names: 証明書にある名前 (", " 区切り)。
rules-orphan-certificate = { $path } はどの常設チャットのファイル転送サーバーとも一致しません (名前: { $names })
rules-orphan-certificate-label = これらの名前はどれもファイル転送サーバーではありません
rules-orphan-certificate-help = `--certs` のフォルダーから削除するか、その SAN を修正するか、`topocert.toml` の `[certificates]` テーブルで対応付けてください

## persistent-chat-unsupported

# $pool: プールの FQDN (またはサーバーの名前)。
rules-persistent-chat-unsupported-pool = プール { $pool } は Skype for Business Server 2019 (ServiceVersion 8) を実行しており、常設チャットがありません: そのサーバーは一覧表示されますが、チェックされません
rules-persistent-chat-unsupported-pool-help = 2013/2015 のプールが常設チャットをホストしている間は、修正の必要はありません。それらのサーバーは通常どおりチェックされます
rules-persistent-chat-unsupported = これは Skype for Business Server 2019 のトポロジ (ServiceVersion 8) で、常設チャットがありません
rules-persistent-chat-unsupported-help = 常設チャットには Lync Server 2013 または Skype for Business Server 2015 が必要です。意図したトポロジであることを確認してください
# ServiceVersion 8 のサービスに付くラベル。
rules-persistent-chat-unsupported-label = ServiceVersion 8 のサービスです

## probe-differs、probe-failed

# $presented: サーバーが提示するシリアル番号、$at: 取得元、$supplied: 指定されたファイル $path のシリアル番号。
rules-probe-differs = { $fqdn } は { $at } でシリアル番号 { $presented } を提示していますが、このサーバー用に指定されたファイル { $path } のシリアル番号は { $supplied } です。チェックしたのは指定されたファイルです
rules-probe-differs-help = 指定された証明書をサーバーにバインドするか、提示される証明書がチェックされるようにファイルの指定をやめてください
rules-probe-differs-label = このサーバーが提示する証明書は、指定された証明書ではありません
# $source: 接続先、$reason: 失敗の理由。
rules-probe-failed = { $source } から証明書を取得できません: { $reason }
rules-probe-failed-help = { $fqdn } に TLS 1.2 または 1.3 で接続できるようにするか (接続先と待ち時間は `--connect`、`--probe-port`、`--probe-timeout` で指定します)、その証明書ファイルを `--certs` で指定してください
rules-probe-failed-label = このサーバーの証明書を TLS で取得しようとしました

## sha1-signature

rules-sha1-signature = { $fqdn } の証明書 { $path } は SHA-1 で署名されています
rules-sha1-signature-help = SHA-256 で証明書を再発行してください
# 署名アルゴリズムに付くラベル。
rules-sha1-signature-label = SHA-1 による署名です

## unreadable-certificate

# $reason: ファイルを読み取れない理由。
rules-unreadable-certificate = 証明書 { $path } を読み取れません: { $reason }
rules-unreadable-certificate-help = 証明書を Base-64 (PEM) または DER でもう一度エクスポートするか、`--certs` のフォルダーからファイルを削除してください
# パスワードが必要な PKCS#12 ファイルの場合のヒント。
rules-unreadable-certificate-password-help = PKCS#12 のパスワードを環境変数に設定し、その名前を `--pfx-password-env` で指定してください

## unresolved-reference ($role: トポロジでのサービスの役割、$key: 参照先の ID)

rules-unresolved-reference-cluster = { $role } サービスは `{ $key }` にインストールされていますが、これはこのトポロジのクラスターではありません
rules-unresolved-reference-no-cluster = { $role } サービスには、インストール先のクラスターが示されていません
rules-unresolved-reference-service = { $role } サービスは `{ $key }` に依存していますが、これはこのトポロジのサービスではありません
rules-unresolved-reference-help = トポロジをもう一度エクスポートしてください。リンクが、ドキュメントに含まれていない要素を指しています
rules-unresolved-reference-cluster-label = そのようなクラスターはありません
rules-unresolved-reference-no-cluster-label = `InstalledOn` がありません
rules-unresolved-reference-service-label = そのようなサービスはありません

## unsupported-signature-algorithm

# $algorithm: 署名アルゴリズムの名前。
rules-unsupported-signature-algorithm = { $fqdn } の証明書 { $path } は、Lync が受け入れない { $algorithm } で署名されています
rules-unsupported-signature-algorithm-help = CA に sha256WithRSAEncryption で再発行してもらってください (AD CS: `AlternateSignatureAlgorithm=0`)
rules-unsupported-signature-algorithm-label = Lync では受け入れられません
# チェーンの CA 証明書。$subject: その DN。
rules-unsupported-signature-algorithm-chain = { $fqdn } の証明書 { $path } のチェーンにある CA 証明書 { $subject } は、Lync が受け入れないアルゴリズムで署名されています
rules-unsupported-signature-algorithm-chain-help = CA 階層を sha256WithRSAEncryption で再発行してもらってください
rules-unsupported-signature-algorithm-chain-label = その CA 証明書の署名アルゴリズムです

## unused-ignore ($code: 抑制されたコード)

rules-unused-ignore = `{ $code }` の抑制はどの検出結果とも一致しませんでした
# $server: エントリのサーバー。
rules-unused-ignore-server = サーバー { $server } に対する `{ $code }` の抑制はどの検出結果とも一致しませんでした
# $certificate: エントリの証明書のパス。
rules-unused-ignore-certificate = 証明書 { $certificate } に対する `{ $code }` の抑制はどの検出結果とも一致しませんでした
rules-unused-ignore-help = `[[ignore]]` エントリを削除するか、そのコード、サーバー、または証明書を修正してください
rules-unused-ignore-label = この抑制は何とも一致しませんでした

## unverified-signature

# $subject: 署名を検証できない証明書、$signer: CA の DN。
rules-unverified-signature = { $subject } の署名 ({ $fqdn } の { $path } 内) は { $signer } のキーで検証できません
rules-unverified-signature-help = 証明書が偽造されているか、破損しているか、同じ CA 名を持つ別のキーで署名されています: 内部 CA にもう一度要求してください
rules-unverified-signature-label = この CA のキーでは署名を検証できません

## weak-key ($bits: RSA キー長)

rules-weak-key = { $fqdn } の証明書 { $path } の RSA キーは { $bits } ビットです
rules-weak-key-help = 2048 ビット以上の RSA キーで新しい証明書を要求してください
rules-weak-key-label = 2048 ビット未満です
# チェーンの CA。$signer: その DN。
rules-weak-key-chain = { $fqdn } の証明書 { $path } のチェーンにある CA { $signer } の RSA キーは { $bits } ビットのため、その署名は検証されません
rules-weak-key-chain-help = 2048 ビット以上のキーで CA を更新し、証明書を再発行してください
rules-weak-key-chain-label = { $bits } ビットの CA キーです

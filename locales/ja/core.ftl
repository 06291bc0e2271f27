# 共通の語と数。各ファイルの id はファイル名で始まる (core-, rules-, explain-, report-, plan-, errors-, cli-)。

core-count-servers = { $n } 台のサーバー

# ルールの説明の見出し (`topocert explain`)。
core-heading-what = 検出内容
core-heading-why = Lync で問題になる理由
core-heading-fix = 修正方法
core-heading-example = 例

# オペレーティング システムのエラー (英語ではシステム自身のテキストを表示)。
# $text: core-os-* のテキスト、$code: システムのエラー番号。
core-os-error = { $text } (OS エラー { $code })
core-os-not-found = ファイルまたはディレクトリが見つかりません
core-os-permission-denied = アクセスが拒否されました
core-os-is-a-directory = ディレクトリです
core-os-not-a-directory = ディレクトリではありません
core-os-already-exists = ファイルが既に存在します
core-os-storage-full = ディスクの空き領域が不足しています
core-os-read-only = 読み取り専用のファイル システムです

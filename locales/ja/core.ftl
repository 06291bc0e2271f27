# 共通の語と数。各ファイルの id はファイル名で始まる (core-, rules-, explain-, report-, plan-, errors-, cli-)。

core-count-servers = { $n } 台のサーバー

# ルールの説明の見出し (`topocert explain`)。
core-heading-what = 検出内容
core-heading-why = Lync で問題になる理由
core-heading-fix = 修正方法
core-heading-example = 例

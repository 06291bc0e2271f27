# 共通の語と数。各ファイルの id はファイル名で始まる (core-, rules-, explain-, report-, plan-, errors-, cli-)。

core-count-servers = { $n } 台のサーバー

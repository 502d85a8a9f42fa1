<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>edgelab::console::AddNodesDialog</name>
    <message>
        <source>Add nodes</source>
        <translation>ノードを追加</translation>
    </message>
    <message>
        <source>From a nodes file (nodes.json)</source>
        <translation>ノードファイルから (nodes.json)</translation>
    </message>
    <message>
        <source>One node</source>
        <translation>単一ノード</translation>
    </message>
    <message>
        <source>optional, for https</source>
        <translation>任意 (https 用)</translation>
    </message>
    <message>
        <source>edge</source>
        <translation>エッジ</translation>
    </message>
    <message>
        <source>shield</source>
        <translation>シールド</translation>
    </message>
    <message>
        <source>Nodes file</source>
        <translation>ノードファイル</translation>
    </message>
    <message>
        <source>JSON (*.json);;All files (*)</source>
        <translation>JSON (*.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Admin URL</source>
        <translation>管理 URL</translation>
    </message>
    <message>
        <source>Token file</source>
        <translation>トークンファイル</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>すべてのファイル (*)</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA ファイル</translation>
    </message>
    <message>
        <source>PEM (*.pem *.crt);;All files (*)</source>
        <translation>PEM (*.pem *.crt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
</context>
<context>
    <name>edgelab::console::ApiConnection</name>
    <message>
        <source>CA file %1: no PEM certificate in it</source>
        <translation>CA ファイル %1: PEM 証明書が含まれていません</translation>
    </message>
    <message>
        <source>token file %1: %2</source>
        <translation>トークンファイル %1: %2</translation>
    </message>
    <message>
        <source>token file %1 is empty</source>
        <translation>トークンファイル %1 が空です</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>接続が拒否されました</translation>
    </message>
    <message>
        <source>host %1 not found</source>
        <translation>ホスト %1 が見つかりません</translation>
    </message>
    <message>
        <source>timed out after %1 s</source>
        <translation>%1 秒後にタイムアウトしました</translation>
    </message>
    <message>
        <source>connection closed before an answer</source>
        <translation>応答前に接続が閉じられました</translation>
    </message>
    <message>
        <source>TLS: %1</source>
        <translation>TLS: %1</translation>
    </message>
    <message>
        <source>401 no token</source>
        <translation>401 トークンなし</translation>
    </message>
    <message>
        <source>401 wrong token</source>
        <translation>401 トークンが正しくありません</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>not JSON (%1)</source>
        <translation>JSON ではありません (%1)</translation>
    </message>
</context>
<context>
    <name>edgelab::console::CacheInspectorWidget</name>
    <message>
        <source>Pick an object to see its variants and where it lives</source>
        <translation>オブジェクトを選ぶと、そのバリアントと保存場所が表示されます</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>オブジェクト</translation>
    </message>
    <message>
        <source>Across the fleet</source>
        <translation>フリート全体</translation>
    </message>
    <message>
        <source>Heat grid</source>
        <translation>ヒートマップ</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Both tiers</source>
        <translation>両方の層</translation>
    </message>
    <message>
        <source>URL prefix</source>
        <translation>URL プレフィックス</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>http://host/path/ · tag · URL (Enter)</source>
        <translation>http://host/path/ · タグ · URL (Enter)</translation>
    </message>
    <message>
        <source>Stale only</source>
        <translation>期限切れのみ</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>再読み込み</translation>
    </message>
    <message>
        <source>No node selected</source>
        <translation>ノードが選択されていません</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 of %2 objects loaded</source>
        <translation>%2 件中 %1 件のオブジェクトを読み込み済み</translation>
    </message>
    <message>
        <source>%1 objects loaded</source>
        <translation>%1 件のオブジェクトを読み込み済み</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上の %1</translation>
    </message>
    <message>
        <source>%1: fresh on %2 nodes, stale on %3, not cached on the others%4</source>
        <translation>%1: %2 ノードで有効、%3 ノードで期限切れ、その他のノードでは未キャッシュ%4</translation>
    </message>
    <message>
        <source> (%1 still asking)</source>
        <translation> (%1 件は問い合わせ中)</translation>
    </message>
    <message>
        <source>as listed at %1</source>
        <translation>%1 時点</translation>
    </message>
</context>
<context>
    <name>edgelab::console::CacheObjectModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>層</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>経過時間</translation>
    </message>
    <message>
        <source>TTL left</source>
        <translation>残り TTL</translation>
    </message>
    <message>
        <source>Fresh</source>
        <translation>鮮度</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>ヒット数</translation>
    </message>
    <message>
        <source>expired %1 ago</source>
        <translation>%1 前に期限切れ</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <source>fresh</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>the node was removed from the console</source>
        <translation>ノードはコンソールから削除されました</translation>
    </message>
</context>
<context>
    <name>edgelab::console::CacheStatus</name>
    <message>
        <source>unreadable: %1</source>
        <translation>読み取れません: %1</translation>
    </message>
    <message>
        <source>hit</source>
        <translation>ヒット</translation>
    </message>
    <message>
        <source>went upstream (%1)</source>
        <translation>上流へ転送 (%1)</translation>
    </message>
    <message>
        <source>no verdict</source>
        <translation>判定なし</translation>
    </message>
    <message>
        <source>upstream answered %1</source>
        <translation>上流の応答 %1</translation>
    </message>
    <message>
        <source>stored</source>
        <translation>保存済み</translation>
    </message>
    <message>
        <source>collapsed into another request&apos;s fetch</source>
        <translation>別のリクエストの取得に集約</translation>
    </message>
    <message>
        <source>fresh for %1</source>
        <translation>あと %1 有効</translation>
    </message>
    <message>
        <source>stale for %1</source>
        <translation>%1 前から期限切れ</translation>
    </message>
    <message>
        <source>key %1</source>
        <translation>キー %1</translation>
    </message>
    <message>
        <source>detail: %1</source>
        <translation>詳細: %1</translation>
    </message>
</context>
<context>
    <name>edgelab::console::ChartsWidget</name>
    <message>
        <source>Latency by tier</source>
        <translation>層別レイテンシ</translation>
    </message>
    <message>
        <source>Hit ratio and origin</source>
        <translation>ヒット率とオリジン</translation>
    </message>
    <message>
        <source>Continents</source>
        <translation>大陸</translation>
    </message>
    <message>
        <source>Latency histogram</source>
        <translation>レイテンシヒストグラム</translation>
    </message>
    <message>
        <source>By retrieval tier</source>
        <translation>取得元の層別</translation>
    </message>
    <message>
        <source>p50 (solid) and p99 (dashed) by the tier that served the request</source>
        <translation>リクエストに応答した層ごとの p50 (実線) と p99 (破線)</translation>
    </message>
    <message>
        <source>%1 p50</source>
        <translation>%1 p50</translation>
    </message>
    <message>
        <source>%1 p99</source>
        <translation>%1 p99</translation>
    </message>
    <message>
        <source>selected PoP p50</source>
        <translation>選択した PoP の p50</translation>
    </message>
    <message>
        <source>selected PoP p99</source>
        <translation>選択した PoP の p99</translation>
    </message>
    <message>
        <source>ms (log)</source>
        <translation>ms (対数)</translation>
    </message>
    <message>
        <source>Hit ratio at the PoPs, requests and origin fetches</source>
        <translation>PoP のヒット率、リクエスト数、オリジン取得数</translation>
    </message>
    <message>
        <source>hit ratio %</source>
        <translation>ヒット率 %</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>requests/s</source>
        <translation>リクエスト/秒</translation>
    </message>
    <message>
        <source>origin fetches/s</source>
        <translation>オリジン取得/秒</translation>
    </message>
    <message>
        <source>per second</source>
        <translation>毎秒</translation>
    </message>
    <message>
        <source>Requests per second by the users&apos; continent</source>
        <translation>ユーザーの大陸別の毎秒リクエスト数</translation>
    </message>
    <message>
        <source>Requests by latency (log-spaced buckets, ms): hits and misses</source>
        <translation>レイテンシ別リクエスト数 (対数間隔の区間、ms): ヒットとミス</translation>
    </message>
    <message>
        <source>hit (L1, L2)</source>
        <translation>ヒット (L1、L2)</translation>
    </message>
    <message>
        <source>miss (shield, origin)</source>
        <translation>ミス (シールド、オリジン)</translation>
    </message>
    <message>
        <source>Average response latency by retrieval tier, this run, against the design</source>
        <translation>取得元の層別の平均応答レイテンシ (今回の実行と設計値の比較)</translation>
    </message>
    <message>
        <source>measured mean (ms)</source>
        <translation>実測平均 (ms)</translation>
    </message>
    <message>
        <source>design reference (ms)</source>
        <translation>設計値 (ms)</translation>
    </message>
    <message>
        <source>shield</source>
        <translation>シールド</translation>
    </message>
    <message>
        <source>origin</source>
        <translation>オリジン</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>ライブ</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Save the chart shown as a picture</source>
        <translation>表示中のグラフを画像として保存</translation>
    </message>
    <message>
        <source>Save the data of the chart shown</source>
        <translation>表示中のグラフのデータを保存</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 p50 (sampled)</source>
        <translation>%1 p50 (サンプル)</translation>
    </message>
    <message>
        <source>%1 p99 (sampled)</source>
        <translation>%1 p99 (サンプル)</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>グラフを PNG で保存</translation>
    </message>
    <message>
        <source>PNG (*.png)</source>
        <translation>PNG (*.png)</translation>
    </message>
    <message>
        <source>Save chart data as CSV</source>
        <translation>グラフのデータを CSV で保存</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Each bar counts the requests up to its latency and above the bar to its left</source>
        <translation>各棒は、左隣の棒のレイテンシを超え、その棒のレイテンシ以下のリクエスト数を示します</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 に書き込めませんでした</translation>
    </message>
</context>
<context>
    <name>edgelab::console::CommandLine</name>
    <message>
        <source>Watch the nodes listed in a nodes.json (repeatable).</source>
        <translation>nodes.json に記載されたノードを監視します (複数指定可)。</translation>
    </message>
    <message>
        <source>nodes.json</source>
        <translation>nodes.json</translation>
    </message>
    <message>
        <source>Connect to a lab&apos;s control API.</source>
        <translation>ラボの制御 API に接続します。</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>The lab API&apos;s token file (with --connect-lab).</source>
        <translation>ラボ API のトークンファイル (--connect-lab と併用)。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>The in-process lab&apos;s topology: default, world50 or a file.</source>
        <translation>プロセス内ラボのトポロジー: default、world50 またはファイル。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Simulated users&apos; request rate.</source>
        <translation>シミュレートされたユーザーのリクエストレート。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>No window: run the lab and print its report.</source>
        <translation>ウィンドウなし: ラボを実行してレポートを出力します。</translation>
    </message>
    <message>
        <source>Write one PNG per main view into a directory, then exit.</source>
        <translation>主要ビューごとに PNG をディレクトリへ書き出して終了します。</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>ディレクトリ</translation>
    </message>
    <message>
        <source>Seconds to run before the screenshots (default 5).</source>
        <translation>スクリーンショットまでの実行秒数 (既定 5)。</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>このヘルプを表示します。</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>バージョンを表示します。</translation>
    </message>
    <message>
        <source>EdgeLab console: launch and watch a multi-node edge lab.</source>
        <translation>EdgeLab コンソール: 複数ノードのエッジラボを起動して監視します。</translation>
    </message>
    <message>
        <source>unknown option --%1</source>
        <translation>不明なオプション --%1</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>予期しない引数「%1」</translation>
    </message>
    <message>
        <source>--rps: expected a number of requests per second from 1 to 20000, got &quot;%1&quot;</source>
        <translation>--rps: 1〜20000 の毎秒リクエスト数が必要ですが「%1」が指定されました</translation>
    </message>
    <message>
        <source>--after: expected seconds from 0 to 3600, got &quot;%1&quot;</source>
        <translation>--after: 0〜3600 の秒数が必要ですが「%1」が指定されました</translation>
    </message>
    <message>
        <source>--after goes with --screenshot DIR</source>
        <translation>--after は --screenshot DIR と併用してください</translation>
    </message>
    <message>
        <source>--connect-lab needs --token-file F (the lab API&apos;s token)</source>
        <translation>--connect-lab には --token-file F (ラボ API のトークン) が必要です</translation>
    </message>
    <message>
        <source>--token-file goes with --connect-lab URL</source>
        <translation>--token-file は --connect-lab URL と併用してください</translation>
    </message>
    <message>
        <source>--topology and --rps start a local lab; they do not go with --connect or --connect-lab</source>
        <translation>--topology と --rps はローカルラボを起動します。--connect や --connect-lab とは併用できません</translation>
    </message>
    <message>
        <source>--headless runs the local lab&apos;s report; it does not go with --connect, --connect-lab or --screenshot</source>
        <translation>--headless はローカルラボのレポートを実行します。--connect、--connect-lab、--screenshot とは併用できません</translation>
    </message>
    <message>
        <source>How often each node&apos;s stats are asked (default 1000).</source>
        <translation>各ノードの統計を取得する間隔 (既定 1000)。</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ミリ秒</translation>
    </message>
    <message>
        <source>--stats-interval-ms: expected milliseconds from 100 to 60000, got &quot;%1&quot;</source>
        <translation>--stats-interval-ms: 100〜60000 のミリ秒が必要ですが「%1」が指定されました</translation>
    </message>
    <message>
        <source>Open a lab run database (edgelabd lab --run-db) in the Replay view.</source>
        <translation>ラボの実行記録データベース (edgelabd lab --run-db) をリプレイビューで開きます。</translation>
    </message>
    <message>
        <source>The purge journal, to share it with edgelabd ctl --journal.</source>
        <translation>パージジャーナル (edgelabd ctl --journal と共有するため)。</translation>
    </message>
</context>
<context>
    <name>edgelab::console::ConsoleSession</name>
    <message>
        <source>connecting</source>
        <translation>接続中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>停止中</translation>
    </message>
    <message>
        <source>lab API: %1 %2</source>
        <translation>ラボ API: %1 %2</translation>
    </message>
    <message>
        <source>down (lab fault)</source>
        <translation>ダウン (ラボ障害)</translation>
    </message>
    <message>
        <source>slow: +%1 ms per response (lab fault)</source>
        <translation>低速: 応答ごとに +%1 ms (ラボ障害)</translation>
    </message>
</context>
<context>
    <name>edgelab::console::EventLogModel</name>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>ノード</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
</context>
<context>
    <name>edgelab::console::EventLogWidget</name>
    <message>
        <source>Filter messages</source>
        <translation>メッセージを絞り込み</translation>
    </message>
    <message>
        <source>All nodes</source>
        <translation>すべてのノード</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>すべての種類</translation>
    </message>
</context>
<context>
    <name>edgelab::console::EventText</name>
    <message>
        <source>purge %1 %2 (seq %3)</source>
        <translation>パージ %1 %2 (番号 %3)</translation>
    </message>
    <message>
        <source>node serving on port %1</source>
        <translation>ノードがポート %1 で稼働中</translation>
    </message>
    <message>
        <source>node draining</source>
        <translation>ノードを切り離し中</translation>
    </message>
    <message>
        <source>node %1</source>
        <translation>ノード %1</translation>
    </message>
    <message>
        <source>malformed response from %1: %2 (%3 since the last report)</source>
        <translation>%1 からの不正な応答: %2 (前回の報告以降 %3 件)</translation>
    </message>
    <message>
        <source>request from %1 refused: %2 (%3 since the last report)</source>
        <translation>%1 からのリクエストを拒否: %2 (前回の報告以降 %3 件)</translation>
    </message>
    <message>
        <source>storage of purged objects reclaimed up to seq %1</source>
        <translation>番号 %1 までのパージ済みオブジェクトの領域を解放</translation>
    </message>
    <message>
        <source>purge seq %1 not persisted: %2</source>
        <translation>パージ 番号 %1 を保存できませんでした: %2</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>PoP killed (lab fault)</source>
        <translation>PoP を停止 (ラボ障害)</translation>
    </message>
    <message>
        <source>PoP revived (lab fault)</source>
        <translation>PoP を再起動 (ラボ障害)</translation>
    </message>
    <message>
        <source>cut from its upstream (lab fault)</source>
        <translation>上流から切断 (ラボ障害)</translation>
    </message>
    <message>
        <source>upstream link restored (lab fault)</source>
        <translation>上流との接続を復旧 (ラボ障害)</translation>
    </message>
    <message>
        <source>link delay set to %1 ms one way (lab fault)</source>
        <translation>リンク遅延を片道 %1 ms に設定 (ラボ障害)</translation>
    </message>
    <message>
        <source>origin slowed: +%1 ms per response (lab fault)</source>
        <translation>オリジンを低速化: 応答ごとに +%1 ms (ラボ障害)</translation>
    </message>
    <message>
        <source>origin down: it answers 503 (lab fault)</source>
        <translation>オリジン停止: 503 を返します (ラボ障害)</translation>
    </message>
    <message>
        <source>origin up: it answers normally again (lab fault)</source>
        <translation>オリジン復旧: 通常どおり応答します (ラボ障害)</translation>
    </message>
    <message>
        <source>%1 req/s, mix %2/%3/%4, %5 objects per class, Zipf %6, seed %7</source>
        <translation>%1 リクエスト/秒、構成比 %2/%3/%4、クラスごとに %5 オブジェクト、Zipf %6、シード %7</translation>
    </message>
    <message>
        <source>users started: %1</source>
        <translation>ユーザーを開始: %1</translation>
    </message>
    <message>
        <source>users stopped: %1</source>
        <translation>ユーザーを停止: %1</translation>
    </message>
    <message>
        <source>users changed: %1</source>
        <translation>ユーザー設定を変更: %1</translation>
    </message>
</context>
<context>
    <name>edgelab::console::FleetModel</name>
    <message>
        <source>Node</source>
        <translation>ノード</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>City</source>
        <translation>都市</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>リクエスト/秒</translation>
    </message>
    <message>
        <source>L1 hits</source>
        <translation>L1 ヒット</translation>
    </message>
    <message>
        <source>L2 hits</source>
        <translation>L2 ヒット</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>L1 fill</source>
        <translation>L1 使用率</translation>
    </message>
    <message>
        <source>L2 fill</source>
        <translation>L2 使用率</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Purge seq</source>
        <translation>パージ番号</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>Requests per second, with the last minute as a sparkline</source>
        <translation>毎秒リクエスト数 (直近 1 分間のスパークライン付き)</translation>
    </message>
    <message>
        <source>Share of requests served from the memory tier over the last 10 s</source>
        <translation>直近 10 秒間にメモリ層から配信されたリクエストの割合</translation>
    </message>
    <message>
        <source>Share of requests served from the disk tier over the last 10 s</source>
        <translation>直近 10 秒間にディスク層から配信されたリクエストの割合</translation>
    </message>
    <message>
        <source>Median time to answer, since the node started</source>
        <translation>ノード起動以降の応答時間の中央値</translation>
    </message>
    <message>
        <source>99th percentile time to answer, since the node started</source>
        <translation>ノード起動以降の応答時間の 99 パーセンタイル</translation>
    </message>
    <message>
        <source>Memory tier bytes used of its maximum</source>
        <translation>メモリ層の最大容量に対する使用バイト数</translation>
    </message>
    <message>
        <source>Disk tier bytes used of its maximum</source>
        <translation>ディスク層の最大容量に対する使用バイト数</translation>
    </message>
    <message>
        <source>Responses the node generated as 5xx, since it started</source>
        <translation>ノード起動以降に自ら生成した 5xx 応答</translation>
    </message>
    <message>
        <source>Sequence of the last purge the node applied</source>
        <translation>ノードが最後に適用したパージの番号</translation>
    </message>
    <message>
        <source>shield</source>
        <translation>シールド</translation>
    </message>
    <message>
        <source>edge</source>
        <translation>エッジ</translation>
    </message>
    <message>
        <source>down: %1 %2 s ago</source>
        <translation>ダウン: %1 (%2 秒前)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 % errors</source>
        <translation>エラー率 %1 %</translation>
    </message>
    <message>
        <source>killed by a lab fault</source>
        <translation>ラボ障害により停止</translation>
    </message>
</context>
<context>
    <name>edgelab::console::FleetTableWidget</name>
    <message>
        <source>Filter nodes (name, city, health…)</source>
        <translation>ノードを絞り込み (名前・都市・状態…)</translation>
    </message>
</context>
<context>
    <name>edgelab::console::LabControlsWidget</name>
    <message>
        <source>Simulated users</source>
        <translation>シミュレートされたユーザー</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source> req/s</source>
        <translation> リクエスト/秒</translation>
    </message>
    <message>
        <source>static</source>
        <translation>静的</translation>
    </message>
    <message>
        <source>semi-dynamic</source>
        <translation>準動的</translation>
    </message>
    <message>
        <source>dynamic</source>
        <translation>動的</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>適用</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>レート</translation>
    </message>
    <message>
        <source>Mix (static, semi, dynamic)</source>
        <translation>構成比 (静的・準動的・動的)</translation>
    </message>
    <message>
        <source>Objects per class</source>
        <translation>クラスごとのオブジェクト数</translation>
    </message>
    <message>
        <source>Zipf exponent</source>
        <translation>Zipf 指数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>Faults</source>
        <translation>障害</translation>
    </message>
    <message>
        <source>Kill the PoP</source>
        <translation>PoP を停止</translation>
    </message>
    <message>
        <source>Revive the PoP</source>
        <translation>PoP を復旧</translation>
    </message>
    <message>
        <source>Cut from its upstream</source>
        <translation>上流から切断</translation>
    </message>
    <message>
        <source>Restore its upstream</source>
        <translation>上流との接続を復旧</translation>
    </message>
    <message>
        <source>Set the link delay</source>
        <translation>リンク遅延を設定</translation>
    </message>
    <message>
        <source>Make the origin slow</source>
        <translation>オリジンを低速化</translation>
    </message>
    <message>
        <source>Take the origin down</source>
        <translation>オリジンを停止</translation>
    </message>
    <message>
        <source>Bring the origin up</source>
        <translation>オリジンを復旧</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Inject</source>
        <translation>注入</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>ノード</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>遅延</translation>
    </message>
    <message>
        <source>Topology</source>
        <translation>トポロジー</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>(loading)</source>
        <translation>(読み込み中)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>no lab: remote nodes only</source>
        <translation>ラボなし: リモートノードのみ</translation>
    </message>
    <message>
        <source>Start a lab with --topology, or connect to one with --connect-lab URL --token-file F.</source>
        <translation>--topology でラボを起動するか、--connect-lab URL --token-file F で既存のラボに接続してください。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Traffic settings applied.</source>
        <translation>トラフィック設定を適用しました。</translation>
    </message>
    <message>
        <source>Traffic not changed: %1</source>
        <translation>トラフィックは変更されませんでした: %1</translation>
    </message>
    <message>
        <source>Fault sent: %1 %2</source>
        <translation>障害を送信しました: %1 %2</translation>
    </message>
    <message>
        <source>Fault %1 %2 refused: %3</source>
        <translation>障害 %1 %2 は拒否されました: %3</translation>
    </message>
</context>
<context>
    <name>edgelab::console::LabLauncher</name>
    <message>
        <source>the local lab did not start: %1</source>
        <translation>ローカルラボを起動できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>edgelab::console::MainWindow</name>
    <message>
        <source>EdgeLab console</source>
        <translation>EdgeLab コンソール</translation>
    </message>
    <message>
        <source>World map</source>
        <translation>世界地図</translation>
    </message>
    <message>
        <source>Lab controls</source>
        <translation>ラボ操作</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>フリート</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>イベントログ</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Fl&amp;eet</source>
        <translation>フリート(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Add nodes…</source>
        <translation>ノードを追加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Fit map to fleet</source>
        <translation>地図をフリートに合わせる(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>レイアウトをリセット(&amp;R)</translation>
    </message>
    <message>
        <source>Reset layout</source>
        <translation>レイアウトをリセット</translation>
    </message>
    <message>
        <source>The default layout is used from the next start.</source>
        <translation>次回の起動から既定のレイアウトが使われます。</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>Lab %1: %2</source>
        <translation>ラボ %1: %2</translation>
    </message>
    <message>
        <source>%1 req/s</source>
        <translation>%1 リクエスト/秒</translation>
    </message>
    <message>
        <source>Offload 10 s %1 · run %2</source>
        <translation>オフロード 10 秒 %1 · 全体 %2</translation>
    </message>
    <message>
        <source>%1 errors/s</source>
        <translation>%1 エラー/秒</translation>
    </message>
    <message>
        <source>Link delay</source>
        <translation>リンク遅延</translation>
    </message>
    <message>
        <source>One-way delay for %1 (ms)</source>
        <translation>%1 の片道遅延 (ms)</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Revive</source>
        <translation>復旧</translation>
    </message>
    <message>
        <source>Cut from upstream</source>
        <translation>上流から切断</translation>
    </message>
    <message>
        <source>Restore upstream</source>
        <translation>上流との接続を復旧</translation>
    </message>
    <message>
        <source>Set link delay…</source>
        <translation>リンク遅延を設定…</translation>
    </message>
    <message>
        <source>Faults need a lab (remote nodes only)</source>
        <translation>障害の注入にはラボが必要です (リモートノードのみ)</translation>
    </message>
    <message>
        <source>Make the origin slow…</source>
        <translation>オリジンを低速化…</translation>
    </message>
    <message>
        <source>Slow origin</source>
        <translation>オリジンの低速化</translation>
    </message>
    <message>
        <source>Extra delay per response (ms)</source>
        <translation>応答ごとの追加遅延 (ms)</translation>
    </message>
    <message>
        <source>Take the origin down</source>
        <translation>オリジンを停止</translation>
    </message>
    <message>
        <source>Bring the origin up</source>
        <translation>オリジンを復旧</translation>
    </message>
    <message>
        <source>&amp;Dark palette</source>
        <translation>ダークパレット(&amp;D)</translation>
    </message>
    <message>
        <source>No lab · nodes: %1</source>
        <translation>ラボなし · ノード数: %1</translation>
    </message>
    <message>
        <source>Cache inspector</source>
        <translation>キャッシュインスペクター</translation>
    </message>
    <message>
        <source>Purge</source>
        <translation>パージ</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>グラフ</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>リクエスト</translation>
    </message>
    <message>
        <source>What-if</source>
        <translation>What-if 分析</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>リプレイ</translation>
    </message>
</context>
<context>
    <name>edgelab::console::MapLegend</name>
    <message>
        <source>PoP health</source>
        <translation>PoP の状態</translation>
    </message>
    <message>
        <source>Shapes</source>
        <translation>図形</translation>
    </message>
    <message>
        <source>edge (size: req/s)</source>
        <translation>エッジ (大きさ: リクエスト/秒)</translation>
    </message>
    <message>
        <source>shield</source>
        <translation>シールド</translation>
    </message>
    <message>
        <source>origin</source>
        <translation>オリジン</translation>
    </message>
    <message>
        <source>link (width: throughput)</source>
        <translation>リンク (太さ: スループット)</translation>
    </message>
    <message>
        <source>link cut</source>
        <translation>リンク切断</translation>
    </message>
    <message>
        <source>Requests served by</source>
        <translation>リクエストの応答元</translation>
    </message>
</context>
<context>
    <name>edgelab::console::MapPalette</name>
    <message>
        <source>L1 hit</source>
        <translation>L1 ヒット</translation>
    </message>
    <message>
        <source>L2 hit</source>
        <translation>L2 ヒット</translation>
    </message>
    <message>
        <source>shield hit</source>
        <translation>シールドヒット</translation>
    </message>
    <message>
        <source>origin</source>
        <translation>オリジン</translation>
    </message>
    <message>
        <source>error</source>
        <translation>エラー</translation>
    </message>
</context>
<context>
    <name>edgelab::console::NodeHealth</name>
    <message>
        <source>connecting</source>
        <translation>接続中</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>機能低下</translation>
    </message>
    <message>
        <source>down</source>
        <translation>ダウン</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>到達不能</translation>
    </message>
</context>
<context>
    <name>edgelab::console::NodesFile</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>invalid JSON: %1</source>
        <translation>無効な JSON: %1</translation>
    </message>
    <message>
        <source>expected a non-empty array of nodes (or {&quot;nodes&quot;: [...]})</source>
        <translation>ノードの空でない配列 (または {&quot;nodes&quot;: [...]}) が必要です</translation>
    </message>
    <message>
        <source>%1: expected an object</source>
        <translation>%1: オブジェクトが必要です</translation>
    </message>
    <message>
        <source>%1: unknown key &quot;%2&quot;</source>
        <translation>%1: 不明なキー「%2」</translation>
    </message>
    <message>
        <source>%1.%2: expected a string</source>
        <translation>%1.%2: 文字列が必要です</translation>
    </message>
    <message>
        <source>%1.%2: required</source>
        <translation>%1.%2: 必須です</translation>
    </message>
    <message>
        <source>%1.role: expected &quot;edge&quot; or &quot;shield&quot;</source>
        <translation>%1.role: &quot;edge&quot; または &quot;shield&quot; が必要です</translation>
    </message>
    <message>
        <source>%1.admin_url: expected &quot;http://host:port&quot; or &quot;https://host:port&quot;</source>
        <translation>%1.admin_url: &quot;http://host:port&quot; または &quot;https://host:port&quot; が必要です</translation>
    </message>
    <message>
        <source>%1.name: &quot;%2&quot; appears twice</source>
        <translation>%1.name: 「%2」が重複しています</translation>
    </message>
</context>
<context>
    <name>edgelab::console::ObjectDetailModel</name>
    <message>
        <source>Asking…</source>
        <translation>問い合わせ中…</translation>
    </message>
    <message>
        <source>Not cached on this node any more</source>
        <translation>このノードにはもうキャッシュされていません</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>ステータス %1</translation>
    </message>
    <message>
        <source>age %1</source>
        <translation>経過 %1</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <source>TTL %1</source>
        <translation>TTL %1</translation>
    </message>
    <message>
        <source>varies on %1</source>
        <translation>%1 で変化</translation>
    </message>
    <message>
        <source>tags %1</source>
        <translation>タグ %1</translation>
    </message>
    <message>
        <source>Variant / header</source>
        <translation>バリアント / ヘッダー</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
</context>
<context>
    <name>edgelab::console::ObjectLocationsModel</name>
    <message>
        <source>no client</source>
        <translation>クライアントなし</translation>
    </message>
    <message>
        <source>asking…</source>
        <translation>問い合わせ中…</translation>
    </message>
    <message>
        <source>fresh</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <source>not cached</source>
        <translation>未キャッシュ</translation>
    </message>
    <message>
        <source>could not ask</source>
        <translation>問い合わせ失敗</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>ノード</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>City</source>
        <translation>都市</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>層</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>経過時間</translation>
    </message>
    <message>
        <source>TTL left</source>
        <translation>残り TTL</translation>
    </message>
    <message>
        <source>shield</source>
        <translation>シールド</translation>
    </message>
    <message>
        <source>edge</source>
        <translation>エッジ</translation>
    </message>
    <message>
        <source>the node was removed from the console</source>
        <translation>ノードはコンソールから削除されました</translation>
    </message>
</context>
<context>
    <name>edgelab::console::PurgeCampaign</name>
    <message>
        <source>waiting</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>確認応答済み</translation>
    </message>
    <message>
        <source>verified evicted</source>
        <translation>削除を検証済み</translation>
    </message>
    <message>
        <source>STILL CACHED</source>
        <translation>【キャッシュに残存】</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>caught up</source>
        <translation>後から反映</translation>
    </message>
    <message>
        <source>the node was removed from the console</source>
        <translation>ノードはコンソールから削除されました</translation>
    </message>
    <message>
        <source>acknowledged with an unreadable body</source>
        <translation>確認応答の本文を読み取れません</translation>
    </message>
    <message>
        <source>the node applied fleet purge %1 from another journal (%2 %3); share the journal with --journal</source>
        <translation>ノードは別のジャーナルのフリートパージ %1 (%2 %3) を適用済みです。--journal でジャーナルを共有してください</translation>
    </message>
    <message>
        <source>the node is at fleet purge %1 and the journal no longer holds all after it</source>
        <translation>ノードはフリートパージ %1 の時点にあり、ジャーナルにはそれ以降のパージがすべては残っていません</translation>
    </message>
    <message>
        <source>%1 (after %2 attempts)</source>
        <translation>%1 (%2 回試行後)</translation>
    </message>
    <message>
        <source>verification failed: %1</source>
        <translation>検証に失敗しました: %1</translation>
    </message>
    <message>
        <source>no tiers in the answer</source>
        <translation>応答に層がありません</translation>
    </message>
    <message>
        <source>still in %1: %2</source>
        <translation>%1 に残存: %2</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>URL prefix</source>
        <translation>URL プレフィックス</translation>
    </message>
    <message>
        <source>everything</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>the node had this purge already and keeps no record of it: not verified</source>
        <translation>このノードは既にこのパージを適用済みで記録が残っていないため、未検証</translation>
    </message>
    <message>
        <source>purged again after its shield caught up</source>
        <translation>シールドの反映後に再度パージ</translation>
    </message>
</context>
<context>
    <name>edgelab::console::PurgeCoordinator</name>
    <message>
        <source>no node to purge</source>
        <translation>パージ対象のノードがありません</translation>
    </message>
</context>
<context>
    <name>edgelab::console::PurgeHistoryModel</name>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>モード</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>対象</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>検証済み</translation>
    </message>
    <message>
        <source>Last eviction</source>
        <translation>最終削除</translation>
    </message>
    <message>
        <source>Origin req/s before → after</source>
        <translation>オリジンのリクエスト/秒 前 → 後</translation>
    </message>
    <message>
        <source>Fleet purge %1 from another controller on this journal (edgelabd ctl): no per-node result here</source>
        <translation>このジャーナルを使う別のコントローラー (edgelabd ctl) によるフリートパージ %1: ノードごとの結果はここにはありません</translation>
    </message>
    <message>
        <source>soft</source>
        <translation>ソフト</translation>
    </message>
    <message>
        <source>hard</source>
        <translation>ハード</translation>
    </message>
    <message>
        <source>fleet (edgelabd ctl)</source>
        <translation>フリート (edgelabd ctl)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 中 %1</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
</context>
<context>
    <name>edgelab::console::PurgeJournalWorker</name>
    <message>
        <source>the Qt SQLite driver is not installed (Debian: libqt6sql6-sqlite)</source>
        <translation>Qt の SQLite ドライバーがインストールされていません (Debian: libqt6sql6-sqlite)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>journal %1: %2</source>
        <translation>ジャーナル %1: %2</translation>
    </message>
</context>
<context>
    <name>edgelab::console::PurgePanelWidget</name>
    <message>
        <source>Tag</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>URL prefix</source>
        <translation>URL プレフィックス</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>Soft (mark stale, revalidate)</source>
        <translation>ソフト (期限切れにして再検証)</translation>
    </message>
    <message>
        <source>The whole fleet</source>
        <translation>フリート全体</translation>
    </message>
    <message>
        <source>The selected nodes</source>
        <translation>選択したノード</translation>
    </message>
    <message>
        <source>One continent</source>
        <translation>特定の大陸</translation>
    </message>
    <message>
        <source>Nodes outside the lab</source>
        <translation>ラボ外のノード</translation>
    </message>
    <message>
        <source>Purge</source>
        <translation>パージ</translation>
    </message>
    <message>
        <source>No purge sent yet</source>
        <translation>まだパージを送信していません</translation>
    </message>
    <message>
        <source>On</source>
        <translation>対象</translation>
    </message>
    <message>
        <source>Double-click a purge to see its result per node again</source>
        <translation>パージをダブルクリックすると、ノードごとの結果を再表示します</translation>
    </message>
    <message>
        <source>History (double-click to reopen)</source>
        <translation>履歴 (ダブルクリックで再表示)</translation>
    </message>
    <message>
        <source>Purge everything</source>
        <translation>すべてをパージ</translation>
    </message>
    <message>
        <source>Purge not sent: %1</source>
        <translation>パージは送信されませんでした: %1</translation>
    </message>
    <message>
        <source>a tag, e.g. news</source>
        <translation>タグ (例: news)</translation>
    </message>
    <message>
        <source>http://host/path</source>
        <translation>http://host/path</translation>
    </message>
    <message>
        <source>http://host/path/</source>
        <translation>http://host/path/</translation>
    </message>
    <message>
        <source>every object on the targets</source>
        <translation>対象ノードのすべてのオブジェクト</translation>
    </message>
    <message>
        <source>selected: %1</source>
        <translation>選択: %1</translation>
    </message>
    <message>
        <source>fleet</source>
        <translation>フリート</translation>
    </message>
    <message>
        <source>continent %1</source>
        <translation>大陸 %1</translation>
    </message>
    <message>
        <source>outside the lab</source>
        <translation>ラボ外</translation>
    </message>
    <message>
        <source>Say what to purge: a %1</source>
        <translation>パージする対象 (%1) を指定してください</translation>
    </message>
    <message>
        <source>No node to purge: %1</source>
        <translation>パージ対象のノードがありません: %1</translation>
    </message>
    <message numerus="yes">
        <source>Mark every object on %n node(s) stale? Each next request revalidates with the origin (a 304 when unchanged): the origin will see up to %1 conditional requests/s, against %2 fetches/s now.</source>
        <translation>
            <numerusform>%n ノードのすべてのオブジェクトを期限切れにしますか？ 以降のリクエストはそれぞれオリジンで再検証されます (変更がなければ 304)。オリジンへの条件付きリクエストは最大 %1 件/秒になります (現在の取得は %2 件/秒)。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Drop every object on %n node(s)? Every request misses until the caches refill: the origin will see up to %1 full fetches/s, against %2 now. A soft purge revalidates instead.</source>
        <translation>
            <numerusform>%n ノードのすべてのオブジェクトを破棄しますか？ キャッシュが再び埋まるまで、すべてのリクエストがミスになります。オリジンへの完全な取得は最大 %1 件/秒になります (現在 %2 件/秒)。ソフトパージなら代わりに再検証します。</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>送信中…</translation>
    </message>
    <message>
        <source>%1 verified</source>
        <translation>%1 件検証済み</translation>
    </message>
    <message>
        <source>%1 in progress</source>
        <translation>%1 件進行中</translation>
    </message>
    <message>
        <source>%1 failed (trying again)</source>
        <translation>%1 件失敗 (再試行中)</translation>
    </message>
    <message>
        <source>%1 caught up later</source>
        <translation>%1 件は後から反映</translation>
    </message>
    <message>
        <source>%1 STILL CACHED</source>
        <translation>%1 件が【キャッシュに残存】</translation>
    </message>
    <message numerus="yes">
        <source>Purge of %1 (%2) on %n node(s), %3: %4</source>
        <translation>
            <numerusform>%1 のパージ (%2)、%n ノード、%3: %4</numerusform>
        </translation>
    </message>
    <message>
        <source>soft</source>
        <translation>ソフト</translation>
    </message>
    <message>
        <source>hard</source>
        <translation>ハード</translation>
    </message>
    <message>
        <source>Last verified eviction after %1 · Fastly publishes about %2 for a global purge</source>
        <translation>最後の削除確認まで %1 · Fastly の公表値はグローバルパージで約 %2</translation>
    </message>
    <message>
        <source>Running for %1…</source>
        <translation>実行中 (%1 経過)…</translation>
    </message>
    <message>
        <source>Origin fetches: %1/s when sent</source>
        <translation>オリジン取得: 送信時 %1/秒</translation>
    </message>
    <message>
        <source>Origin fetches: %1/s when sent → up to %2/s in the 5 s after (%3)</source>
        <translation>オリジン取得: 送信時 %1/秒 → その後 5 秒間で最大 %2/秒 (%3)</translation>
    </message>
    <message>
        <source>soft: stale copies are revalidated, mostly 304s</source>
        <translation>ソフト: 期限切れのコピーを再検証 (ほとんどが 304)</translation>
    </message>
    <message>
        <source>hard: what was dropped is fetched again in full</source>
        <translation>ハード: 破棄したものを改めて完全に取得</translation>
    </message>
    <message>
        <source>Purge of %1 %2 (%3) on %4, sent %5</source>
        <translation>%1 %2 のパージ (%3)、対象 %4、送信 %5</translation>
    </message>
    <message>
        <source>Origin fetches: %1/s when sent → up to %2/s in the 5 s after</source>
        <translation>オリジン取得: 送信時 %1/秒 → その後 5 秒間で最大 %2/秒</translation>
    </message>
</context>
<context>
    <name>edgelab::console::PurgeProgressModel</name>
    <message>
        <source>Node</source>
        <translation>ノード</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>確認応答</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>検証済み</translation>
    </message>
    <message>
        <source>Invalidated L1 / L2</source>
        <translation>無効化 L1 / L2</translation>
    </message>
    <message>
        <source>Waterfall</source>
        <translation>ウォーターフォール</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>shield</source>
        <translation>シールド</translation>
    </message>
    <message>
        <source>edge</source>
        <translation>エッジ</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>caught up after %1</source>
        <translation>%1 後に反映</translation>
    </message>
    <message numerus="yes">
        <source>%n missed purge(s) replayed first</source>
        <translation>
            <numerusform>見逃したパージ %n 件を先に再適用</numerusform>
        </translation>
    </message>
    <message>
        <source>had it already</source>
        <translation>既に適用済み</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n 回試行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>edgelab::console::RecentRequestsModel</name>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>User in</source>
        <translation>ユーザー所在地</translation>
    </message>
    <message>
        <source>PoP</source>
        <translation>PoP</translation>
    </message>
    <message>
        <source>Served by</source>
        <translation>応答元</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>レイテンシ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
</context>
<context>
    <name>edgelab::console::ReplayWidget</name>
    <message>
        <source>Open run database…</source>
        <translation>実行記録データベースを開く…</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>再生</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Open a run database written by edgelabd lab --run-db FILE</source>
        <translation>edgelabd lab --run-db FILE で書き出された実行記録データベースを開いてください</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>比較対象</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>グラフ</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>フリート</translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>実行の比較</translation>
    </message>
    <message>
        <source>Cannot read the run database: %1</source>
        <translation>実行記録データベースを読み込めません: %1</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Open a lab run database</source>
        <translation>ラボの実行記録データベースを開く</translation>
    </message>
    <message>
        <source>Run databases (*.sqlite *.db);;All files (*)</source>
        <translation>実行記録データベース (*.sqlite *.db);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 を読み込み中…</translation>
    </message>
    <message>
        <source>(no comparison)</source>
        <translation>(比較なし)</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 (unfinished)</source>
        <translation>%1 (未完了)</translation>
    </message>
    <message>
        <source>%1 holds no runs</source>
        <translation>%1 には実行記録がありません</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) in %1</source>
        <translation>
            <numerusform>%1 に %n 件の実行記録</numerusform>
        </translation>
    </message>
    <message>
        <source>Run %1 on %2: %3 nodes, %4 s</source>
        <translation>実行 %1 (%2): %3 ノード、%4 秒</translation>
    </message>
    <message>
        <source>%1 s of %2 s</source>
        <translation>%1 秒 / %2 秒</translation>
    </message>
</context>
<context>
    <name>edgelab::console::RequestTraceModel</name>
    <message>
        <source>user in %1</source>
        <translation>%1 のユーザー</translation>
    </message>
    <message>
        <source>user</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>origin</source>
        <translation>オリジン</translation>
    </message>
    <message>
        <source>PoP</source>
        <translation>PoP</translation>
    </message>
    <message>
        <source>shield</source>
        <translation>シールド</translation>
    </message>
    <message>
        <source>Hop</source>
        <translation>ホップ</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>Round trip onward</source>
        <translation>次のホップまでの往復</translation>
    </message>
    <message>
        <source>Rest of the time</source>
        <translation>残りの時間</translation>
    </message>
    <message>
        <source>Cache-Status</source>
        <translation>Cache-Status</translation>
    </message>
</context>
<context>
    <name>edgelab::console::RequestTraceWidget</name>
    <message>
        <source>Hold the list (samples keep coming, unseen)</source>
        <translation>リストを固定 (サンプルは表示されないまま届き続けます)</translation>
    </message>
    <message>
        <source>Pick a request to follow it through the tiers</source>
        <translation>リクエストを選ぶと、各層を通る経路をたどれます</translation>
    </message>
    <message>
        <source>%1 from %2 via %3: %4 in all, %5 of it simulated network round trips, %6 the rest</source>
        <translation>%2 から %3 経由の %1: 合計 %4 (うちシミュレートされたネットワーク往復 %5、残り %6)</translation>
    </message>
    <message>
        <source>No Cache-Status came with this answer</source>
        <translation>この応答には Cache-Status がありません</translation>
    </message>
    <message>
        <source>Cache-Status: %1</source>
        <translation>Cache-Status: %1</translation>
    </message>
</context>
<context>
    <name>edgelab::console::RunComparisonModel</name>
    <message>
        <source>run %1 (%2)</source>
        <translation>実行 %1 (%2)</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>リクエスト数</translation>
    </message>
    <message>
        <source>achieved req/s</source>
        <translation>達成リクエスト/秒</translation>
    </message>
    <message>
        <source>origin offload %</source>
        <translation>オリジンオフロード %</translation>
    </message>
    <message>
        <source>origin requests</source>
        <translation>オリジンへのリクエスト数</translation>
    </message>
    <message>
        <source>p50 ms</source>
        <translation>p50 ms</translation>
    </message>
    <message>
        <source>p99 ms</source>
        <translation>p99 ms</translation>
    </message>
    <message>
        <source>figure</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>difference</source>
        <translation>差</translation>
    </message>
</context>
<context>
    <name>edgelab::console::RunComparisonWidget</name>
    <message>
        <source>Two runs, second by second since each started</source>
        <translation>2 つの実行を各開始時点から秒ごとに比較</translation>
    </message>
    <message>
        <source>second of the run</source>
        <translation>実行開始からの秒数</translation>
    </message>
    <message>
        <source>origin offload %</source>
        <translation>オリジンオフロード %</translation>
    </message>
    <message>
        <source>p99 ms</source>
        <translation>p99 ms</translation>
    </message>
    <message>
        <source>%1 offload</source>
        <translation>%1 オフロード</translation>
    </message>
    <message>
        <source>%1 p99</source>
        <translation>%1 p99</translation>
    </message>
</context>
<context>
    <name>edgelab::console::RunDatabaseWorker</name>
    <message>
        <source>%1: no such file</source>
        <translation>%1: ファイルがありません</translation>
    </message>
    <message>
        <source>the Qt SQLite driver is not installed (Debian: libqt6sql6-sqlite)</source>
        <translation>Qt の SQLite ドライバーがインストールされていません (Debian: libqt6sql6-sqlite)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 is not a lab run database: %2</source>
        <translation>%1 はラボの実行記録データベースではありません: %2</translation>
    </message>
    <message>
        <source>run %1 is not in %2</source>
        <translation>実行 %1 は %2 にありません</translation>
    </message>
</context>
<context>
    <name>edgelab::console::TierChainWidget</name>
    <message>
        <source>none on this node</source>
        <translation>このノードにはありません</translation>
    </message>
    <message>
        <source>%1 of %2 · %3 objects · %4 evictions/s · hit %5</source>
        <translation>%1 / %2 · %3 オブジェクト · %4 エビクション/秒 · ヒット %5</translation>
    </message>
    <message>
        <source>%1 · %2 objects · %3 evictions/s · hit %4</source>
        <translation>%1 · %2 オブジェクト · %3 エビクション/秒 · ヒット %4</translation>
    </message>
    <message>
        <source>origin</source>
        <translation>オリジン</translation>
    </message>
    <message>
        <source>shield</source>
        <translation>シールド</translation>
    </message>
    <message>
        <source>edge</source>
        <translation>エッジ</translation>
    </message>
    <message>
        <source>every miss of the chain</source>
        <translation>チェーンのすべてのミス</translation>
    </message>
    <message>
        <source>hit %1</source>
        <translation>ヒット %1</translation>
    </message>
    <message>
        <source>%1 req/s in</source>
        <translation>受信 %1 リクエスト/秒</translation>
    </message>
    <message>
        <source>Select a node in the fleet table or on the map</source>
        <translation>フリート表または地図でノードを選択してください</translation>
    </message>
    <message>
        <source>Tier chain (arrows: requests/s sent upstream)</source>
        <translation>層のチェーン (矢印: 上流へ送られるリクエスト/秒)</translation>
    </message>
</context>
<context>
    <name>edgelab::console::TierHeatModel</name>
    <message>
        <source>Node</source>
        <translation>ノード</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>L1 hit</source>
        <translation>L1 ヒット</translation>
    </message>
    <message>
        <source>L2 hit</source>
        <translation>L2 ヒット</translation>
    </message>
    <message>
        <source>Node hit</source>
        <translation>ノードヒット</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>shield</source>
        <translation>シールド</translation>
    </message>
    <message>
        <source>edge</source>
        <translation>エッジ</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>%1: %2 of requests over the last 10 s</source>
        <translation>%1: 直近 10 秒間のリクエストの %2</translation>
    </message>
</context>
<context>
    <name>edgelab::console::TrafficHistory</name>
    <message>
        <source>shield</source>
        <translation>シールド</translation>
    </message>
    <message>
        <source>origin</source>
        <translation>オリジン</translation>
    </message>
</context>
<context>
    <name>edgelab::console::UiLanguage</name>
    <message>
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
</context>
<context>
    <name>edgelab::console::Units</name>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 時間 %2 分</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 日 %2 時間</translation>
    </message>
</context>
<context>
    <name>edgelab::console::WhatIfModel</name>
    <message>
        <source>user at %1, %2</source>
        <translation>地点 %1、%2 のユーザー</translation>
    </message>
    <message>
        <source>user in %1</source>
        <translation>%1 のユーザー</translation>
    </message>
    <message>
        <source>user</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>Hop</source>
        <translation>ホップ</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>One-way delay to it</source>
        <translation>ここまでの片道遅延</translation>
    </message>
    <message>
        <source>From the user</source>
        <translation>ユーザーから</translation>
    </message>
    <message>
        <source>Holds the URL in</source>
        <translation>URL の保持層</translation>
    </message>
    <message>
        <source>shield</source>
        <translation>シールド</translation>
    </message>
    <message>
        <source>origin</source>
        <translation>オリジン</translation>
    </message>
    <message>
        <source>PoP</source>
        <translation>PoP</translation>
    </message>
    <message>
        <source>could not ask: %1</source>
        <translation>問い合わせ失敗: %1</translation>
    </message>
    <message>
        <source>not cached</source>
        <translation>未キャッシュ</translation>
    </message>
</context>
<context>
    <name>edgelab::console::WhatIfWidget</name>
    <message>
        <source>(the point below)</source>
        <translation>(下の地点)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Pick on the map</source>
        <translation>地図上で選択</translation>
    </message>
    <message>
        <source>Ask the lab</source>
        <translation>ラボに問い合わせ</translation>
    </message>
    <message>
        <source>Pick a city or a point on the map and a URL</source>
        <translation>都市または地図上の地点と、URL を選んでください</translation>
    </message>
    <message>
        <source>lat</source>
        <translation>緯度</translation>
    </message>
    <message>
        <source>lon</source>
        <translation>経度</translation>
    </message>
    <message>
        <source>User</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Asking…</source>
        <translation>問い合わせ中…</translation>
    </message>
    <message>
        <source>The lab could not answer: %1</source>
        <translation>ラボが応答できませんでした: %1</translation>
    </message>
    <message>
        <source>What-if needs a lab: the router and the delays are the lab&apos;s</source>
        <translation>What-if 分析にはラボが必要です (ルーターと遅延はラボのものです)</translation>
    </message>
    <message>
        <source>No PoP would take this user: %1</source>
        <translation>このユーザーを受け付ける PoP がありません: %1</translation>
    </message>
    <message>
        <source>%1 would serve it%2; %3 of simulated one-way delay to the origin; answered from %4</source>
        <translation>%1 が応答を担当%2。オリジンまでのシミュレートされた片道遅延 %3。応答元: %4</translation>
    </message>
    <message>
        <source> (not the nearest: %1)</source>
        <translation> (最寄りではありません: %1)</translation>
    </message>
</context>
<context>
    <name>edgelab::console::WorldMapView</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2, %3)&lt;br&gt;%4&lt;br&gt;%5 req/s · L1 %6 · L2 %7&lt;br&gt;p50 %8 · p99 %9 · errors %10</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2、%3)&lt;br&gt;%4&lt;br&gt;%5 リクエスト/秒 · L1 %6 · L2 %7&lt;br&gt;p50 %8 · p99 %9 · エラー %10</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (origin)&lt;br&gt;%2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (オリジン)&lt;br&gt;%2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>edgelab: cannot create %1</source>
        <translation>edgelab: %1 を作成できません</translation>
    </message>
    <message>
        <source>edgelab: cannot write %1</source>
        <translation>edgelab: %1 に書き込めません</translation>
    </message>
    <message>
        <source>no local lab: %1</source>
        <translation>ローカルラボなし: %1</translation>
    </message>
    <message>
        <source>Try &apos;edgelab --help&apos;.</source>
        <translation>詳しくは &apos;edgelab --help&apos; を実行してください。</translation>
    </message>
    <message>
        <source>edgelab: no display (DISPLAY and WAYLAND_DISPLAY are unset)</source>
        <translation>edgelab: ディスプレイがありません (DISPLAY と WAYLAND_DISPLAY が未設定)</translation>
    </message>
    <message>
        <source>edgelab: no display (DISPLAY and WAYLAND_DISPLAY are unset); running the lab headless</source>
        <translation>edgelab: ディスプレイがありません (DISPLAY と WAYLAND_DISPLAY が未設定)。ウィンドウなしでラボを実行します</translation>
    </message>
    <message>
        <source>saved nodes left out: %1</source>
        <translation>保存済みノードを除外しました: %1</translation>
    </message>
</context>
</TS>

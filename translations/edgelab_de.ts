<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>edgelab::console::AddNodesDialog</name>
    <message>
        <source>Add nodes</source>
        <translation>Knoten hinzufügen</translation>
    </message>
    <message>
        <source>From a nodes file (nodes.json)</source>
        <translation>Aus einer Knotendatei (nodes.json)</translation>
    </message>
    <message>
        <source>One node</source>
        <translation>Ein einzelner Knoten</translation>
    </message>
    <message>
        <source>optional, for https</source>
        <translation>optional, für https</translation>
    </message>
    <message>
        <source>edge</source>
        <translation>Edge</translation>
    </message>
    <message>
        <source>shield</source>
        <translation>Shield</translation>
    </message>
    <message>
        <source>Nodes file</source>
        <translation>Knotendatei</translation>
    </message>
    <message>
        <source>JSON (*.json);;All files (*)</source>
        <translation>JSON (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Admin URL</source>
        <translation>Admin-URL</translation>
    </message>
    <message>
        <source>Token file</source>
        <translation>Token-Datei</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA-Datei</translation>
    </message>
    <message>
        <source>PEM (*.pem *.crt);;All files (*)</source>
        <translation>PEM (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
</context>
<context>
    <name>edgelab::console::ApiConnection</name>
    <message>
        <source>CA file %1: no PEM certificate in it</source>
        <translation>CA-Datei %1: enthält kein PEM-Zertifikat</translation>
    </message>
    <message>
        <source>token file %1: %2</source>
        <translation>Token-Datei %1: %2</translation>
    </message>
    <message>
        <source>token file %1 is empty</source>
        <translation>Token-Datei %1 ist leer</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>host %1 not found</source>
        <translation>Host %1 nicht gefunden</translation>
    </message>
    <message>
        <source>timed out after %1 s</source>
        <translation>Zeitüberschreitung nach %1 s</translation>
    </message>
    <message>
        <source>connection closed before an answer</source>
        <translation>Verbindung vor einer Antwort geschlossen</translation>
    </message>
    <message>
        <source>TLS: %1</source>
        <translation>TLS: %1</translation>
    </message>
    <message>
        <source>401 no token</source>
        <translation>401 kein Token</translation>
    </message>
    <message>
        <source>401 wrong token</source>
        <translation>401 falsches Token</translation>
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
        <translation>kein JSON (%1)</translation>
    </message>
</context>
<context>
    <name>edgelab::console::CacheInspectorWidget</name>
    <message>
        <source>Pick an object to see its variants and where it lives</source>
        <translation>Wählen Sie ein Objekt, um seine Varianten und Speicherorte zu sehen</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Across the fleet</source>
        <translation>In der Flotte</translation>
    </message>
    <message>
        <source>Heat grid</source>
        <translation>Heatmap</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Both tiers</source>
        <translation>Beide Tiers</translation>
    </message>
    <message>
        <source>URL prefix</source>
        <translation>URL-Präfix</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>http://host/path/ · tag · URL (Enter)</source>
        <translation>http://host/path/ · Tag · URL (Eingabetaste)</translation>
    </message>
    <message>
        <source>Stale only</source>
        <translation>Nur veraltete</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>No node selected</source>
        <translation>Kein Knoten ausgewählt</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 of %2 objects loaded</source>
        <translation>%1 von %2 Objekten geladen</translation>
    </message>
    <message>
        <source>%1 objects loaded</source>
        <translation>%1 Objekte geladen</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>wird geladen…</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>%1: fresh on %2 nodes, stale on %3, not cached on the others%4</source>
        <translation>%1: frisch auf %2 Knoten, veraltet auf %3, auf den übrigen nicht im Cache%4</translation>
    </message>
    <message>
        <source> (%1 still asking)</source>
        <translation> (%1 noch ausstehend)</translation>
    </message>
    <message>
        <source>as listed at %1</source>
        <translation>Stand %1</translation>
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
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>TTL left</source>
        <translation>Rest-TTL</translation>
    </message>
    <message>
        <source>Fresh</source>
        <translation>Frische</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>expired %1 ago</source>
        <translation>vor %1 abgelaufen</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>veraltet</translation>
    </message>
    <message>
        <source>fresh</source>
        <translation>frisch</translation>
    </message>
    <message>
        <source>the node was removed from the console</source>
        <translation>der Knoten wurde aus der Konsole entfernt</translation>
    </message>
</context>
<context>
    <name>edgelab::console::CacheStatus</name>
    <message>
        <source>unreadable: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
    <message>
        <source>hit</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>went upstream (%1)</source>
        <translation>an Upstream weitergeleitet (%1)</translation>
    </message>
    <message>
        <source>no verdict</source>
        <translation>kein Ergebnis</translation>
    </message>
    <message>
        <source>upstream answered %1</source>
        <translation>Upstream antwortete mit %1</translation>
    </message>
    <message>
        <source>stored</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <source>collapsed into another request&apos;s fetch</source>
        <translation>mit dem Abruf einer anderen Anfrage zusammengelegt</translation>
    </message>
    <message>
        <source>fresh for %1</source>
        <translation>noch %1 frisch</translation>
    </message>
    <message>
        <source>stale for %1</source>
        <translation>seit %1 veraltet</translation>
    </message>
    <message>
        <source>key %1</source>
        <translation>Schlüssel %1</translation>
    </message>
    <message>
        <source>detail: %1</source>
        <translation>Detail: %1</translation>
    </message>
</context>
<context>
    <name>edgelab::console::ChartsWidget</name>
    <message>
        <source>Latency by tier</source>
        <translation>Latenz je Tier</translation>
    </message>
    <message>
        <source>Hit ratio and origin</source>
        <translation>Trefferquote und Origin</translation>
    </message>
    <message>
        <source>Continents</source>
        <translation>Kontinente</translation>
    </message>
    <message>
        <source>Latency histogram</source>
        <translation>Latenz-Histogramm</translation>
    </message>
    <message>
        <source>By retrieval tier</source>
        <translation>Nach Abruf-Tier</translation>
    </message>
    <message>
        <source>p50 (solid) and p99 (dashed) by the tier that served the request</source>
        <translation>p50 (durchgezogen) und p99 (gestrichelt) je Tier, das die Anfrage bedient hat</translation>
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
        <translation>gewählter PoP p50</translation>
    </message>
    <message>
        <source>selected PoP p99</source>
        <translation>gewählter PoP p99</translation>
    </message>
    <message>
        <source>ms (log)</source>
        <translation>ms (log.)</translation>
    </message>
    <message>
        <source>Hit ratio at the PoPs, requests and origin fetches</source>
        <translation>Trefferquote an den PoPs, Anfragen und Origin-Abrufe</translation>
    </message>
    <message>
        <source>hit ratio %</source>
        <translation>Trefferquote %</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <source>origin fetches/s</source>
        <translation>Origin-Abrufe/s</translation>
    </message>
    <message>
        <source>per second</source>
        <translation>pro Sekunde</translation>
    </message>
    <message>
        <source>Requests per second by the users&apos; continent</source>
        <translation>Anfragen pro Sekunde nach Kontinent der Nutzer</translation>
    </message>
    <message>
        <source>Requests by latency (log-spaced buckets, ms): hits and misses</source>
        <translation>Anfragen nach Latenz (logarithmische Klassen, ms): Treffer und Misses</translation>
    </message>
    <message>
        <source>hit (L1, L2)</source>
        <translation>Treffer (L1, L2)</translation>
    </message>
    <message>
        <source>miss (shield, origin)</source>
        <translation>Miss (Shield, Origin)</translation>
    </message>
    <message>
        <source>Average response latency by retrieval tier, this run, against the design</source>
        <translation>Mittlere Antwortlatenz je Abruf-Tier in diesem Lauf, verglichen mit den Auslegungswerten</translation>
    </message>
    <message>
        <source>measured mean (ms)</source>
        <translation>gemessener Mittelwert (ms)</translation>
    </message>
    <message>
        <source>design reference (ms)</source>
        <translation>Auslegungswert (ms)</translation>
    </message>
    <message>
        <source>shield</source>
        <translation>Shield</translation>
    </message>
    <message>
        <source>origin</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
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
        <translation>Das angezeigte Diagramm als Bild speichern</translation>
    </message>
    <message>
        <source>Save the data of the chart shown</source>
        <translation>Die Daten des angezeigten Diagramms speichern</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 p50 (sampled)</source>
        <translation>%1 p50 (Stichprobe)</translation>
    </message>
    <message>
        <source>%1 p99 (sampled)</source>
        <translation>%1 p99 (Stichprobe)</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>Diagramm als PNG speichern</translation>
    </message>
    <message>
        <source>PNG (*.png)</source>
        <translation>PNG (*.png)</translation>
    </message>
    <message>
        <source>Save chart data as CSV</source>
        <translation>Diagrammdaten als CSV speichern</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Each bar counts the requests up to its latency and above the bar to its left</source>
        <translation>Jeder Balken zählt die Anfragen bis zu seiner Latenz und über der des Balkens links davon</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>edgelab::console::CommandLine</name>
    <message>
        <source>Watch the nodes listed in a nodes.json (repeatable).</source>
        <translation>Die in einer nodes.json aufgeführten Knoten beobachten (mehrfach möglich).</translation>
    </message>
    <message>
        <source>nodes.json</source>
        <translation>nodes.json</translation>
    </message>
    <message>
        <source>Connect to a lab&apos;s control API.</source>
        <translation>Mit der Steuer-API eines Labors verbinden.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>The lab API&apos;s token file (with --connect-lab).</source>
        <translation>Die Token-Datei der Labor-API (mit --connect-lab).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>The in-process lab&apos;s topology: default, world50 or a file.</source>
        <translation>Topologie des prozessinternen Labors: default, world50 oder eine Datei.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Simulated users&apos; request rate.</source>
        <translation>Anfragerate der simulierten Nutzer.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>No window: run the lab and print its report.</source>
        <translation>Ohne Fenster: das Labor laufen lassen und seinen Bericht ausgeben.</translation>
    </message>
    <message>
        <source>Write one PNG per main view into a directory, then exit.</source>
        <translation>Je Hauptansicht ein PNG in ein Verzeichnis schreiben, dann beenden.</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>Verzeichnis</translation>
    </message>
    <message>
        <source>Seconds to run before the screenshots (default 5).</source>
        <translation>Sekunden Laufzeit vor den Bildschirmfotos (Standard 5).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Die Version anzeigen.</translation>
    </message>
    <message>
        <source>EdgeLab console: launch and watch a multi-node edge lab.</source>
        <translation>EdgeLab-Konsole: ein Edge-Labor mit mehreren Knoten starten und beobachten.</translation>
    </message>
    <message>
        <source>unknown option --%1</source>
        <translation>unbekannte Option --%1</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>unerwartetes Argument „%1“</translation>
    </message>
    <message>
        <source>--rps: expected a number of requests per second from 1 to 20000, got &quot;%1&quot;</source>
        <translation>--rps: erwartet wird eine Anzahl Anfragen pro Sekunde von 1 bis 20000, erhalten: „%1“</translation>
    </message>
    <message>
        <source>--after: expected seconds from 0 to 3600, got &quot;%1&quot;</source>
        <translation>--after: erwartet werden Sekunden von 0 bis 3600, erhalten: „%1“</translation>
    </message>
    <message>
        <source>--after goes with --screenshot DIR</source>
        <translation>--after gehört zu --screenshot VERZEICHNIS</translation>
    </message>
    <message>
        <source>--connect-lab needs --token-file F (the lab API&apos;s token)</source>
        <translation>--connect-lab braucht --token-file F (das Token der Labor-API)</translation>
    </message>
    <message>
        <source>--token-file goes with --connect-lab URL</source>
        <translation>--token-file gehört zu --connect-lab URL</translation>
    </message>
    <message>
        <source>--topology and --rps start a local lab; they do not go with --connect or --connect-lab</source>
        <translation>--topology und --rps starten ein lokales Labor; sie lassen sich nicht mit --connect oder --connect-lab kombinieren</translation>
    </message>
    <message>
        <source>--headless runs the local lab&apos;s report; it does not go with --connect, --connect-lab or --screenshot</source>
        <translation>--headless erstellt den Bericht des lokalen Labors; es lässt sich nicht mit --connect, --connect-lab oder --screenshot kombinieren</translation>
    </message>
    <message>
        <source>How often each node&apos;s stats are asked (default 1000).</source>
        <translation>Wie oft die Statistik jedes Knotens abgefragt wird (Standard 1000).</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>--stats-interval-ms: expected milliseconds from 100 to 60000, got &quot;%1&quot;</source>
        <translation>--stats-interval-ms: erwartet werden Millisekunden von 100 bis 60000, erhalten: „%1“</translation>
    </message>
    <message>
        <source>Open a lab run database (edgelabd lab --run-db) in the Replay view.</source>
        <translation>Eine Laufdatenbank eines Labors (edgelabd lab --run-db) in der Ansicht „Wiedergabe“ öffnen.</translation>
    </message>
    <message>
        <source>The purge journal, to share it with edgelabd ctl --journal.</source>
        <translation>Das Purge-Journal, um es mit edgelabd ctl --journal gemeinsam zu nutzen.</translation>
    </message>
</context>
<context>
    <name>edgelab::console::ConsoleSession</name>
    <message>
        <source>connecting</source>
        <translation>verbindet…</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>lab API: %1 %2</source>
        <translation>Labor-API: %1 %2</translation>
    </message>
    <message>
        <source>down (lab fault)</source>
        <translation>ausgefallen (Laborstörung)</translation>
    </message>
    <message>
        <source>slow: +%1 ms per response (lab fault)</source>
        <translation>langsam: +%1 ms je Antwort (Laborstörung)</translation>
    </message>
</context>
<context>
    <name>edgelab::console::EventLogModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>edgelab::console::EventLogWidget</name>
    <message>
        <source>Filter messages</source>
        <translation>Meldungen filtern</translation>
    </message>
    <message>
        <source>All nodes</source>
        <translation>Alle Knoten</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
</context>
<context>
    <name>edgelab::console::EventText</name>
    <message>
        <source>purge %1 %2 (seq %3)</source>
        <translation>Purge %1 %2 (Nr. %3)</translation>
    </message>
    <message>
        <source>node serving on port %1</source>
        <translation>Knoten bedient auf Port %1</translation>
    </message>
    <message>
        <source>node draining</source>
        <translation>Knoten läuft aus</translation>
    </message>
    <message>
        <source>node %1</source>
        <translation>Knoten %1</translation>
    </message>
    <message>
        <source>malformed response from %1: %2 (%3 since the last report)</source>
        <translation>fehlerhafte Antwort von %1: %2 (%3 seit der letzten Meldung)</translation>
    </message>
    <message>
        <source>request from %1 refused: %2 (%3 since the last report)</source>
        <translation>Anfrage von %1 abgelehnt: %2 (%3 seit der letzten Meldung)</translation>
    </message>
    <message>
        <source>storage of purged objects reclaimed up to seq %1</source>
        <translation>Speicher gepurgter Objekte bis Nr. %1 freigegeben</translation>
    </message>
    <message>
        <source>purge seq %1 not persisted: %2</source>
        <translation>Purge Nr. %1 nicht gespeichert: %2</translation>
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
        <translation>PoP abgeschaltet (Laborstörung)</translation>
    </message>
    <message>
        <source>PoP revived (lab fault)</source>
        <translation>PoP wieder gestartet (Laborstörung)</translation>
    </message>
    <message>
        <source>cut from its upstream (lab fault)</source>
        <translation>von seinem Upstream getrennt (Laborstörung)</translation>
    </message>
    <message>
        <source>upstream link restored (lab fault)</source>
        <translation>Upstream-Verbindung wiederhergestellt (Laborstörung)</translation>
    </message>
    <message>
        <source>link delay set to %1 ms one way (lab fault)</source>
        <translation>Link-Verzögerung auf %1 ms je Richtung gesetzt (Laborstörung)</translation>
    </message>
    <message>
        <source>origin slowed: +%1 ms per response (lab fault)</source>
        <translation>Origin verlangsamt: +%1 ms je Antwort (Laborstörung)</translation>
    </message>
    <message>
        <source>origin down: it answers 503 (lab fault)</source>
        <translation>Origin ausgefallen: antwortet mit 503 (Laborstörung)</translation>
    </message>
    <message>
        <source>origin up: it answers normally again (lab fault)</source>
        <translation>Origin wieder da: antwortet wieder normal (Laborstörung)</translation>
    </message>
    <message>
        <source>%1 req/s, mix %2/%3/%4, %5 objects per class, Zipf %6, seed %7</source>
        <translation>%1 Anfr./s, Mix %2/%3/%4, %5 Objekte je Klasse, Zipf %6, Seed %7</translation>
    </message>
    <message>
        <source>users started: %1</source>
        <translation>Nutzer gestartet: %1</translation>
    </message>
    <message>
        <source>users stopped: %1</source>
        <translation>Nutzer angehalten: %1</translation>
    </message>
    <message>
        <source>users changed: %1</source>
        <translation>Nutzer geändert: %1</translation>
    </message>
</context>
<context>
    <name>edgelab::console::FleetModel</name>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Stadt</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <source>L1 hits</source>
        <translation>L1-Treffer</translation>
    </message>
    <message>
        <source>L2 hits</source>
        <translation>L2-Treffer</translation>
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
        <translation>L1-Füllung</translation>
    </message>
    <message>
        <source>L2 fill</source>
        <translation>L2-Füllung</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Purge seq</source>
        <translation>Purge-Nr.</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Requests per second, with the last minute as a sparkline</source>
        <translation>Anfragen pro Sekunde, die letzte Minute als Sparkline</translation>
    </message>
    <message>
        <source>Share of requests served from the memory tier over the last 10 s</source>
        <translation>Anteil der Anfragen, die in den letzten 10 s aus dem Arbeitsspeicher-Tier bedient wurden</translation>
    </message>
    <message>
        <source>Share of requests served from the disk tier over the last 10 s</source>
        <translation>Anteil der Anfragen, die in den letzten 10 s aus dem Platten-Tier bedient wurden</translation>
    </message>
    <message>
        <source>Median time to answer, since the node started</source>
        <translation>Median der Antwortzeit seit dem Start des Knotens</translation>
    </message>
    <message>
        <source>99th percentile time to answer, since the node started</source>
        <translation>99. Perzentil der Antwortzeit seit dem Start des Knotens</translation>
    </message>
    <message>
        <source>Memory tier bytes used of its maximum</source>
        <translation>Belegte Bytes des Arbeitsspeicher-Tiers gemessen am Maximum</translation>
    </message>
    <message>
        <source>Disk tier bytes used of its maximum</source>
        <translation>Belegte Bytes des Platten-Tiers gemessen am Maximum</translation>
    </message>
    <message>
        <source>Responses the node generated as 5xx, since it started</source>
        <translation>Vom Knoten seit seinem Start erzeugte 5xx-Antworten</translation>
    </message>
    <message>
        <source>Sequence of the last purge the node applied</source>
        <translation>Folgenummer des letzten vom Knoten angewandten Purges</translation>
    </message>
    <message>
        <source>shield</source>
        <translation>Shield</translation>
    </message>
    <message>
        <source>edge</source>
        <translation>Edge</translation>
    </message>
    <message>
        <source>down: %1 %2 s ago</source>
        <translation>ausgefallen: %1 vor %2 s</translation>
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
        <translation>%1 % Fehler</translation>
    </message>
    <message>
        <source>killed by a lab fault</source>
        <translation>durch eine Laborstörung abgeschaltet</translation>
    </message>
</context>
<context>
    <name>edgelab::console::FleetTableWidget</name>
    <message>
        <source>Filter nodes (name, city, health…)</source>
        <translation>Knoten filtern (Name, Stadt, Zustand…)</translation>
    </message>
</context>
<context>
    <name>edgelab::console::LabControlsWidget</name>
    <message>
        <source>Simulated users</source>
        <translation>Simulierte Nutzer</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source> req/s</source>
        <translation> Anfr./s</translation>
    </message>
    <message>
        <source>static</source>
        <translation>statisch</translation>
    </message>
    <message>
        <source>semi-dynamic</source>
        <translation>halbdynamisch</translation>
    </message>
    <message>
        <source>dynamic</source>
        <translation>dynamisch</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Mix (static, semi, dynamic)</source>
        <translation>Mischung (statisch, halb, dynamisch)</translation>
    </message>
    <message>
        <source>Objects per class</source>
        <translation>Objekte je Klasse</translation>
    </message>
    <message>
        <source>Zipf exponent</source>
        <translation>Zipf-Exponent</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <source>Faults</source>
        <translation>Störungen</translation>
    </message>
    <message>
        <source>Kill the PoP</source>
        <translation>PoP abschalten</translation>
    </message>
    <message>
        <source>Revive the PoP</source>
        <translation>PoP wiederbeleben</translation>
    </message>
    <message>
        <source>Cut from its upstream</source>
        <translation>Von seinem Upstream trennen</translation>
    </message>
    <message>
        <source>Restore its upstream</source>
        <translation>Upstream wiederherstellen</translation>
    </message>
    <message>
        <source>Set the link delay</source>
        <translation>Link-Verzögerung festlegen</translation>
    </message>
    <message>
        <source>Make the origin slow</source>
        <translation>Origin verlangsamen</translation>
    </message>
    <message>
        <source>Take the origin down</source>
        <translation>Origin abschalten</translation>
    </message>
    <message>
        <source>Bring the origin up</source>
        <translation>Origin wieder hochfahren</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Inject</source>
        <translation>Auslösen</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>Verzögerung</translation>
    </message>
    <message>
        <source>Topology</source>
        <translation>Topologie</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>(loading)</source>
        <translation>(wird geladen)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>no lab: remote nodes only</source>
        <translation>kein Labor: nur entfernte Knoten</translation>
    </message>
    <message>
        <source>Start a lab with --topology, or connect to one with --connect-lab URL --token-file F.</source>
        <translation>Starten Sie ein Labor mit --topology oder verbinden Sie sich mit einem über --connect-lab URL --token-file F.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Traffic settings applied.</source>
        <translation>Traffic-Einstellungen übernommen.</translation>
    </message>
    <message>
        <source>Traffic not changed: %1</source>
        <translation>Traffic nicht geändert: %1</translation>
    </message>
    <message>
        <source>Fault sent: %1 %2</source>
        <translation>Störung gesendet: %1 %2</translation>
    </message>
    <message>
        <source>Fault %1 %2 refused: %3</source>
        <translation>Störung %1 %2 abgelehnt: %3</translation>
    </message>
</context>
<context>
    <name>edgelab::console::LabLauncher</name>
    <message>
        <source>the local lab did not start: %1</source>
        <translation>das lokale Labor ist nicht gestartet: %1</translation>
    </message>
</context>
<context>
    <name>edgelab::console::MainWindow</name>
    <message>
        <source>EdgeLab console</source>
        <translation>EdgeLab-Konsole</translation>
    </message>
    <message>
        <source>World map</source>
        <translation>Weltkarte</translation>
    </message>
    <message>
        <source>Lab controls</source>
        <translation>Laborsteuerung</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Fl&amp;eet</source>
        <translation>F&amp;lotte</translation>
    </message>
    <message>
        <source>&amp;Add nodes…</source>
        <translation>Knoten &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Fit map to fleet</source>
        <translation>Karte an Flotte &amp;anpassen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>Anordnung &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Reset layout</source>
        <translation>Anordnung zurücksetzen</translation>
    </message>
    <message>
        <source>The default layout is used from the next start.</source>
        <translation>Ab dem nächsten Start wird die Standardanordnung verwendet.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Lab %1: %2</source>
        <translation>Labor %1: %2</translation>
    </message>
    <message>
        <source>%1 req/s</source>
        <translation>%1 Anfragen/s</translation>
    </message>
    <message>
        <source>Offload 10 s %1 · run %2</source>
        <translation>Offload 10 s %1 · Lauf %2</translation>
    </message>
    <message>
        <source>%1 errors/s</source>
        <translation>%1 Fehler/s</translation>
    </message>
    <message>
        <source>Link delay</source>
        <translation>Link-Verzögerung</translation>
    </message>
    <message>
        <source>One-way delay for %1 (ms)</source>
        <translation>Einweg-Verzögerung für %1 (ms)</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>Abschalten</translation>
    </message>
    <message>
        <source>Revive</source>
        <translation>Wiederbeleben</translation>
    </message>
    <message>
        <source>Cut from upstream</source>
        <translation>Vom Upstream trennen</translation>
    </message>
    <message>
        <source>Restore upstream</source>
        <translation>Upstream wiederherstellen</translation>
    </message>
    <message>
        <source>Set link delay…</source>
        <translation>Link-Verzögerung festlegen…</translation>
    </message>
    <message>
        <source>Faults need a lab (remote nodes only)</source>
        <translation>Störungen brauchen ein Labor (nur entfernte Knoten)</translation>
    </message>
    <message>
        <source>Make the origin slow…</source>
        <translation>Origin verlangsamen…</translation>
    </message>
    <message>
        <source>Slow origin</source>
        <translation>Langsamer Origin</translation>
    </message>
    <message>
        <source>Extra delay per response (ms)</source>
        <translation>Zusätzliche Verzögerung je Antwort (ms)</translation>
    </message>
    <message>
        <source>Take the origin down</source>
        <translation>Origin abschalten</translation>
    </message>
    <message>
        <source>Bring the origin up</source>
        <translation>Origin wieder hochfahren</translation>
    </message>
    <message>
        <source>&amp;Dark palette</source>
        <translation>&amp;Dunkles Farbschema</translation>
    </message>
    <message>
        <source>No lab · nodes: %1</source>
        <translation>Kein Labor · Knoten: %1</translation>
    </message>
    <message>
        <source>Cache inspector</source>
        <translation>Cache-Inspektor</translation>
    </message>
    <message>
        <source>Purge</source>
        <translation>Purge</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>What-if</source>
        <translation>Was-wäre-wenn</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Wiedergabe</translation>
    </message>
</context>
<context>
    <name>edgelab::console::MapLegend</name>
    <message>
        <source>PoP health</source>
        <translation>PoP-Zustand</translation>
    </message>
    <message>
        <source>Shapes</source>
        <translation>Formen</translation>
    </message>
    <message>
        <source>edge (size: req/s)</source>
        <translation>Edge (Größe: Anfr./s)</translation>
    </message>
    <message>
        <source>shield</source>
        <translation>Shield</translation>
    </message>
    <message>
        <source>origin</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>link (width: throughput)</source>
        <translation>Link (Breite: Durchsatz)</translation>
    </message>
    <message>
        <source>link cut</source>
        <translation>Link getrennt</translation>
    </message>
    <message>
        <source>Requests served by</source>
        <translation>Anfragen bedient von</translation>
    </message>
</context>
<context>
    <name>edgelab::console::MapPalette</name>
    <message>
        <source>L1 hit</source>
        <translation>L1-Treffer</translation>
    </message>
    <message>
        <source>L2 hit</source>
        <translation>L2-Treffer</translation>
    </message>
    <message>
        <source>shield hit</source>
        <translation>Shield-Treffer</translation>
    </message>
    <message>
        <source>origin</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>edgelab::console::NodeHealth</name>
    <message>
        <source>connecting</source>
        <translation>verbindet…</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>gesund</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>beeinträchtigt</translation>
    </message>
    <message>
        <source>down</source>
        <translation>ausgefallen</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>unerreichbar</translation>
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
        <translation>ungültiges JSON: %1</translation>
    </message>
    <message>
        <source>expected a non-empty array of nodes (or {&quot;nodes&quot;: [...]})</source>
        <translation>erwartet wird ein nicht leeres Array von Knoten (oder {&quot;nodes&quot;: [...]})</translation>
    </message>
    <message>
        <source>%1: expected an object</source>
        <translation>%1: erwartet wird ein Objekt</translation>
    </message>
    <message>
        <source>%1: unknown key &quot;%2&quot;</source>
        <translation>%1: unbekannter Schlüssel „%2“</translation>
    </message>
    <message>
        <source>%1.%2: expected a string</source>
        <translation>%1.%2: erwartet wird eine Zeichenkette</translation>
    </message>
    <message>
        <source>%1.%2: required</source>
        <translation>%1.%2: erforderlich</translation>
    </message>
    <message>
        <source>%1.role: expected &quot;edge&quot; or &quot;shield&quot;</source>
        <translation>%1.role: erwartet wird „edge“ oder „shield“</translation>
    </message>
    <message>
        <source>%1.admin_url: expected &quot;http://host:port&quot; or &quot;https://host:port&quot;</source>
        <translation>%1.admin_url: erwartet wird „http://host:port“ oder „https://host:port“</translation>
    </message>
    <message>
        <source>%1.name: &quot;%2&quot; appears twice</source>
        <translation>%1.name: „%2“ kommt doppelt vor</translation>
    </message>
</context>
<context>
    <name>edgelab::console::ObjectDetailModel</name>
    <message>
        <source>Asking…</source>
        <translation>Wird abgefragt…</translation>
    </message>
    <message>
        <source>Not cached on this node any more</source>
        <translation>Auf diesem Knoten nicht mehr im Cache</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>Status %1</translation>
    </message>
    <message>
        <source>age %1</source>
        <translation>Alter %1</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>veraltet</translation>
    </message>
    <message>
        <source>TTL %1</source>
        <translation>TTL %1</translation>
    </message>
    <message>
        <source>varies on %1</source>
        <translation>variiert nach %1</translation>
    </message>
    <message>
        <source>tags %1</source>
        <translation>Tags %1</translation>
    </message>
    <message>
        <source>Variant / header</source>
        <translation>Variante / Header</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>edgelab::console::ObjectLocationsModel</name>
    <message>
        <source>no client</source>
        <translation>kein Client</translation>
    </message>
    <message>
        <source>asking…</source>
        <translation>wird abgefragt…</translation>
    </message>
    <message>
        <source>fresh</source>
        <translation>frisch</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>veraltet</translation>
    </message>
    <message>
        <source>not cached</source>
        <translation>nicht im Cache</translation>
    </message>
    <message>
        <source>could not ask</source>
        <translation>Abfrage fehlgeschlagen</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Stadt</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>Tiers</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>TTL left</source>
        <translation>Rest-TTL</translation>
    </message>
    <message>
        <source>shield</source>
        <translation>Shield</translation>
    </message>
    <message>
        <source>edge</source>
        <translation>Edge</translation>
    </message>
    <message>
        <source>the node was removed from the console</source>
        <translation>der Knoten wurde aus der Konsole entfernt</translation>
    </message>
</context>
<context>
    <name>edgelab::console::PurgeCampaign</name>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>quittiert</translation>
    </message>
    <message>
        <source>verified evicted</source>
        <translation>Entfernung verifiziert</translation>
    </message>
    <message>
        <source>STILL CACHED</source>
        <translation>NOCH IM CACHE</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>caught up</source>
        <translation>nachgeholt</translation>
    </message>
    <message>
        <source>the node was removed from the console</source>
        <translation>der Knoten wurde aus der Konsole entfernt</translation>
    </message>
    <message>
        <source>acknowledged with an unreadable body</source>
        <translation>quittiert, aber mit nicht lesbarem Inhalt</translation>
    </message>
    <message>
        <source>the node applied fleet purge %1 from another journal (%2 %3); share the journal with --journal</source>
        <translation>der Knoten hat Flotten-Purge %1 aus einem anderen Journal angewandt (%2 %3); nutzen Sie das Journal gemeinsam über --journal</translation>
    </message>
    <message>
        <source>the node is at fleet purge %1 and the journal no longer holds all after it</source>
        <translation>der Knoten steht bei Flotten-Purge %1 und das Journal enthält nicht mehr alle nachfolgenden</translation>
    </message>
    <message>
        <source>%1 (after %2 attempts)</source>
        <translation>%1 (nach %2 Versuchen)</translation>
    </message>
    <message>
        <source>verification failed: %1</source>
        <translation>Verifizierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>no tiers in the answer</source>
        <translation>keine Tiers in der Antwort</translation>
    </message>
    <message>
        <source>still in %1: %2</source>
        <translation>noch in %1: %2</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>URL prefix</source>
        <translation>URL-Präfix</translation>
    </message>
    <message>
        <source>everything</source>
        <translation>alles</translation>
    </message>
    <message>
        <source>the node had this purge already and keeps no record of it: not verified</source>
        <translation>der Knoten hatte diesen Purge schon und führt keinen Eintrag mehr dazu: nicht verifiziert</translation>
    </message>
    <message>
        <source>purged again after its shield caught up</source>
        <translation>erneut gepurgt, nachdem sein Shield nachgeholt hat</translation>
    </message>
</context>
<context>
    <name>edgelab::console::PurgeCoordinator</name>
    <message>
        <source>no node to purge</source>
        <translation>kein Knoten zum Purgen</translation>
    </message>
</context>
<context>
    <name>edgelab::console::PurgeHistoryModel</name>
    <message>
        <source>When</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verifiziert</translation>
    </message>
    <message>
        <source>Last eviction</source>
        <translation>Letzte Entfernung</translation>
    </message>
    <message>
        <source>Origin req/s before → after</source>
        <translation>Origin-Anfr./s vorher → nachher</translation>
    </message>
    <message>
        <source>Fleet purge %1 from another controller on this journal (edgelabd ctl): no per-node result here</source>
        <translation>Flotten-Purge %1 von einem anderen Controller auf diesem Journal (edgelabd ctl): hier kein Ergebnis je Knoten</translation>
    </message>
    <message>
        <source>soft</source>
        <translation>weich</translation>
    </message>
    <message>
        <source>hard</source>
        <translation>hart</translation>
    </message>
    <message>
        <source>fleet (edgelabd ctl)</source>
        <translation>Flotte (edgelabd ctl)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
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
        <translation>der Qt-SQLite-Treiber ist nicht installiert (Debian: libqt6sql6-sqlite)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>journal %1: %2</source>
        <translation>Journal %1: %2</translation>
    </message>
</context>
<context>
    <name>edgelab::console::PurgePanelWidget</name>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>URL prefix</source>
        <translation>URL-Präfix</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Soft (mark stale, revalidate)</source>
        <translation>Weich (als veraltet markieren, revalidieren)</translation>
    </message>
    <message>
        <source>The whole fleet</source>
        <translation>Die ganze Flotte</translation>
    </message>
    <message>
        <source>The selected nodes</source>
        <translation>Die ausgewählten Knoten</translation>
    </message>
    <message>
        <source>One continent</source>
        <translation>Ein Kontinent</translation>
    </message>
    <message>
        <source>Nodes outside the lab</source>
        <translation>Knoten außerhalb des Labors</translation>
    </message>
    <message>
        <source>Purge</source>
        <translation>Purgen</translation>
    </message>
    <message>
        <source>No purge sent yet</source>
        <translation>Noch kein Purge gesendet</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Double-click a purge to see its result per node again</source>
        <translation>Doppelklicken Sie auf einen Purge, um sein Ergebnis je Knoten erneut zu sehen</translation>
    </message>
    <message>
        <source>History (double-click to reopen)</source>
        <translation>Verlauf (Doppelklick zum erneuten Öffnen)</translation>
    </message>
    <message>
        <source>Purge everything</source>
        <translation>Alles purgen</translation>
    </message>
    <message>
        <source>Purge not sent: %1</source>
        <translation>Purge nicht gesendet: %1</translation>
    </message>
    <message>
        <source>a tag, e.g. news</source>
        <translation>ein Tag, z. B. news</translation>
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
        <translation>alle Objekte auf den Zielknoten</translation>
    </message>
    <message>
        <source>selected: %1</source>
        <translation>ausgewählt: %1</translation>
    </message>
    <message>
        <source>fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <source>continent %1</source>
        <translation>Kontinent %1</translation>
    </message>
    <message>
        <source>outside the lab</source>
        <translation>außerhalb des Labors</translation>
    </message>
    <message>
        <source>Say what to purge: a %1</source>
        <translation>Geben Sie an, was gepurgt werden soll (%1)</translation>
    </message>
    <message>
        <source>No node to purge: %1</source>
        <translation>Kein Knoten zum Purgen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Mark every object on %n node(s) stale? Each next request revalidates with the origin (a 304 when unchanged): the origin will see up to %1 conditional requests/s, against %2 fetches/s now.</source>
        <translation>
            <numerusform>Alle Objekte auf %n Knoten als veraltet markieren? Jede nächste Anfrage wird beim Origin revalidiert (304, falls unverändert): Der Origin erhält bis zu %1 bedingte Anfragen/s, derzeit sind es %2 Abrufe/s.</numerusform>
            <numerusform>Alle Objekte auf %n Knoten als veraltet markieren? Jede nächste Anfrage wird beim Origin revalidiert (304, falls unverändert): Der Origin erhält bis zu %1 bedingte Anfragen/s, derzeit sind es %2 Abrufe/s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Drop every object on %n node(s)? Every request misses until the caches refill: the origin will see up to %1 full fetches/s, against %2 now. A soft purge revalidates instead.</source>
        <translation>
            <numerusform>Alle Objekte auf %n Knoten verwerfen? Bis die Caches wieder gefüllt sind, ist jede Anfrage ein Miss: Der Origin erhält bis zu %1 vollständige Abrufe/s, derzeit %2. Ein weicher Purge revalidiert stattdessen.</numerusform>
            <numerusform>Alle Objekte auf %n Knoten verwerfen? Bis die Caches wieder gefüllt sind, ist jede Anfrage ein Miss: Der Origin erhält bis zu %1 vollständige Abrufe/s, derzeit %2. Ein weicher Purge revalidiert stattdessen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>%1 verified</source>
        <translation>%1 verifiziert</translation>
    </message>
    <message>
        <source>%1 in progress</source>
        <translation>%1 in Arbeit</translation>
    </message>
    <message>
        <source>%1 failed (trying again)</source>
        <translation>%1 fehlgeschlagen (neuer Versuch)</translation>
    </message>
    <message>
        <source>%1 caught up later</source>
        <translation>%1 später nachgeholt</translation>
    </message>
    <message>
        <source>%1 STILL CACHED</source>
        <translation>%1 NOCH IM CACHE</translation>
    </message>
    <message numerus="yes">
        <source>Purge of %1 (%2) on %n node(s), %3: %4</source>
        <translation>
            <numerusform>Purge von %1 (%2) auf %n Knoten, %3: %4</numerusform>
            <numerusform>Purge von %1 (%2) auf %n Knoten, %3: %4</numerusform>
        </translation>
    </message>
    <message>
        <source>soft</source>
        <translation>weich</translation>
    </message>
    <message>
        <source>hard</source>
        <translation>hart</translation>
    </message>
    <message>
        <source>Last verified eviction after %1 · Fastly publishes about %2 for a global purge</source>
        <translation>Letzte verifizierte Entfernung nach %1 · Fastly nennt für einen globalen Purge etwa %2</translation>
    </message>
    <message>
        <source>Running for %1…</source>
        <translation>Läuft seit %1…</translation>
    </message>
    <message>
        <source>Origin fetches: %1/s when sent</source>
        <translation>Origin-Abrufe: %1/s beim Senden</translation>
    </message>
    <message>
        <source>Origin fetches: %1/s when sent → up to %2/s in the 5 s after (%3)</source>
        <translation>Origin-Abrufe: %1/s beim Senden → bis zu %2/s in den 5 s danach (%3)</translation>
    </message>
    <message>
        <source>soft: stale copies are revalidated, mostly 304s</source>
        <translation>weich: veraltete Kopien werden revalidiert, meist mit 304</translation>
    </message>
    <message>
        <source>hard: what was dropped is fetched again in full</source>
        <translation>hart: Verworfenes wird vollständig neu abgerufen</translation>
    </message>
    <message>
        <source>Purge of %1 %2 (%3) on %4, sent %5</source>
        <translation>Purge von %1 %2 (%3) auf %4, gesendet %5</translation>
    </message>
    <message>
        <source>Origin fetches: %1/s when sent → up to %2/s in the 5 s after</source>
        <translation>Origin-Abrufe: %1/s beim Senden → bis zu %2/s in den 5 s danach</translation>
    </message>
</context>
<context>
    <name>edgelab::console::PurgeProgressModel</name>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Quittiert</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verifiziert</translation>
    </message>
    <message>
        <source>Invalidated L1 / L2</source>
        <translation>Invalidiert L1 / L2</translation>
    </message>
    <message>
        <source>Waterfall</source>
        <translation>Wasserfall</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>shield</source>
        <translation>Shield</translation>
    </message>
    <message>
        <source>edge</source>
        <translation>Edge</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>caught up after %1</source>
        <translation>nach %1 nachgeholt</translation>
    </message>
    <message numerus="yes">
        <source>%n missed purge(s) replayed first</source>
        <translation>
            <numerusform>%n verpasster Purge zuerst nachgeholt</numerusform>
            <numerusform>%n verpasste Purges zuerst nachgeholt</numerusform>
        </translation>
    </message>
    <message>
        <source>had it already</source>
        <translation>bereits angewandt</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n Versuch</numerusform>
            <numerusform>%n Versuche</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>edgelab::console::RecentRequestsModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>User in</source>
        <translation>Nutzer in</translation>
    </message>
    <message>
        <source>PoP</source>
        <translation>PoP</translation>
    </message>
    <message>
        <source>Served by</source>
        <translation>Bedient von</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
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
        <translation>Laufdatenbank öffnen…</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Open a run database written by edgelabd lab --run-db FILE</source>
        <translation>Öffnen Sie eine Laufdatenbank, die edgelabd lab --run-db FILE geschrieben hat</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>Vergleichen mit</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>Läufe vergleichen</translation>
    </message>
    <message>
        <source>Cannot read the run database: %1</source>
        <translation>Die Laufdatenbank kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Open a lab run database</source>
        <translation>Laufdatenbank eines Labors öffnen</translation>
    </message>
    <message>
        <source>Run databases (*.sqlite *.db);;All files (*)</source>
        <translation>Laufdatenbanken (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>(no comparison)</source>
        <translation>(kein Vergleich)</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 (unfinished)</source>
        <translation>%1 (unvollständig)</translation>
    </message>
    <message>
        <source>%1 holds no runs</source>
        <translation>%1 enthält keine Läufe</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) in %1</source>
        <translation>
            <numerusform>%n Lauf in %1</numerusform>
            <numerusform>%n Läufe in %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Run %1 on %2: %3 nodes, %4 s</source>
        <translation>Lauf %1 auf %2: %3 Knoten, %4 s</translation>
    </message>
    <message>
        <source>%1 s of %2 s</source>
        <translation>%1 s von %2 s</translation>
    </message>
</context>
<context>
    <name>edgelab::console::RequestTraceModel</name>
    <message>
        <source>user in %1</source>
        <translation>Nutzer in %1</translation>
    </message>
    <message>
        <source>user</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>origin</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>PoP</source>
        <translation>PoP</translation>
    </message>
    <message>
        <source>shield</source>
        <translation>Shield</translation>
    </message>
    <message>
        <source>Hop</source>
        <translation>Hop</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Round trip onward</source>
        <translation>Roundtrip zum nächsten Hop</translation>
    </message>
    <message>
        <source>Rest of the time</source>
        <translation>Restliche Zeit</translation>
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
        <translation>Liste anhalten (Stichproben kommen weiter an, ungesehen)</translation>
    </message>
    <message>
        <source>Pick a request to follow it through the tiers</source>
        <translation>Wählen Sie eine Anfrage, um sie durch die Tiers zu verfolgen</translation>
    </message>
    <message>
        <source>%1 from %2 via %3: %4 in all, %5 of it simulated network round trips, %6 the rest</source>
        <translation>%1 aus %2 über %3: insgesamt %4, davon %5 simulierte Netzwerk-Roundtrips, %6 der Rest</translation>
    </message>
    <message>
        <source>No Cache-Status came with this answer</source>
        <translation>Diese Antwort kam ohne Cache-Status</translation>
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
        <translation>Lauf %1 (%2)</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>achieved req/s</source>
        <translation>erreichte Anfr./s</translation>
    </message>
    <message>
        <source>origin offload %</source>
        <translation>Origin-Offload %</translation>
    </message>
    <message>
        <source>origin requests</source>
        <translation>Origin-Anfragen</translation>
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
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>difference</source>
        <translation>Differenz</translation>
    </message>
</context>
<context>
    <name>edgelab::console::RunComparisonWidget</name>
    <message>
        <source>Two runs, second by second since each started</source>
        <translation>Zwei Läufe, Sekunde für Sekunde ab ihrem jeweiligen Start</translation>
    </message>
    <message>
        <source>second of the run</source>
        <translation>Sekunde des Laufs</translation>
    </message>
    <message>
        <source>origin offload %</source>
        <translation>Origin-Offload %</translation>
    </message>
    <message>
        <source>p99 ms</source>
        <translation>p99 ms</translation>
    </message>
    <message>
        <source>%1 offload</source>
        <translation>%1 Offload</translation>
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
        <translation>%1: Datei nicht vorhanden</translation>
    </message>
    <message>
        <source>the Qt SQLite driver is not installed (Debian: libqt6sql6-sqlite)</source>
        <translation>der Qt-SQLite-Treiber ist nicht installiert (Debian: libqt6sql6-sqlite)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 is not a lab run database: %2</source>
        <translation>%1 ist keine Laufdatenbank eines Labors: %2</translation>
    </message>
    <message>
        <source>run %1 is not in %2</source>
        <translation>Lauf %1 ist nicht in %2 enthalten</translation>
    </message>
</context>
<context>
    <name>edgelab::console::TierChainWidget</name>
    <message>
        <source>none on this node</source>
        <translation>auf diesem Knoten nicht vorhanden</translation>
    </message>
    <message>
        <source>%1 of %2 · %3 objects · %4 evictions/s · hit %5</source>
        <translation>%1 von %2 · %3 Objekte · %4 Verdrängungen/s · Treffer %5</translation>
    </message>
    <message>
        <source>%1 · %2 objects · %3 evictions/s · hit %4</source>
        <translation>%1 · %2 Objekte · %3 Verdrängungen/s · Treffer %4</translation>
    </message>
    <message>
        <source>origin</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>shield</source>
        <translation>Shield</translation>
    </message>
    <message>
        <source>edge</source>
        <translation>Edge</translation>
    </message>
    <message>
        <source>every miss of the chain</source>
        <translation>jeder Miss der Kette</translation>
    </message>
    <message>
        <source>hit %1</source>
        <translation>Treffer %1</translation>
    </message>
    <message>
        <source>%1 req/s in</source>
        <translation>%1 Anfr./s eingehend</translation>
    </message>
    <message>
        <source>Select a node in the fleet table or on the map</source>
        <translation>Wählen Sie einen Knoten in der Flottentabelle oder auf der Karte</translation>
    </message>
    <message>
        <source>Tier chain (arrows: requests/s sent upstream)</source>
        <translation>Tier-Kette (Pfeile: an Upstream gesendete Anfragen/s)</translation>
    </message>
</context>
<context>
    <name>edgelab::console::TierHeatModel</name>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>L1 hit</source>
        <translation>L1-Treffer</translation>
    </message>
    <message>
        <source>L2 hit</source>
        <translation>L2-Treffer</translation>
    </message>
    <message>
        <source>Node hit</source>
        <translation>Knoten-Treffer</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>shield</source>
        <translation>Shield</translation>
    </message>
    <message>
        <source>edge</source>
        <translation>Edge</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1: %2 of requests over the last 10 s</source>
        <translation>%1: %2 der Anfragen in den letzten 10 s</translation>
    </message>
</context>
<context>
    <name>edgelab::console::TrafficHistory</name>
    <message>
        <source>shield</source>
        <translation>Shield</translation>
    </message>
    <message>
        <source>origin</source>
        <translation>Origin</translation>
    </message>
</context>
<context>
    <name>edgelab::console::UiLanguage</name>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
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
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
</context>
<context>
    <name>edgelab::console::WhatIfModel</name>
    <message>
        <source>user at %1, %2</source>
        <translation>Nutzer bei %1, %2</translation>
    </message>
    <message>
        <source>user in %1</source>
        <translation>Nutzer in %1</translation>
    </message>
    <message>
        <source>user</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>Hop</source>
        <translation>Hop</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>One-way delay to it</source>
        <translation>Einweg-Verzögerung bis hier</translation>
    </message>
    <message>
        <source>From the user</source>
        <translation>Ab dem Nutzer</translation>
    </message>
    <message>
        <source>Holds the URL in</source>
        <translation>URL vorhanden in</translation>
    </message>
    <message>
        <source>shield</source>
        <translation>Shield</translation>
    </message>
    <message>
        <source>origin</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>PoP</source>
        <translation>PoP</translation>
    </message>
    <message>
        <source>could not ask: %1</source>
        <translation>Abfrage fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>not cached</source>
        <translation>nicht im Cache</translation>
    </message>
</context>
<context>
    <name>edgelab::console::WhatIfWidget</name>
    <message>
        <source>(the point below)</source>
        <translation>(der Punkt unten)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Pick on the map</source>
        <translation>Auf der Karte wählen</translation>
    </message>
    <message>
        <source>Ask the lab</source>
        <translation>Labor fragen</translation>
    </message>
    <message>
        <source>Pick a city or a point on the map and a URL</source>
        <translation>Wählen Sie eine Stadt oder einen Punkt auf der Karte sowie eine URL</translation>
    </message>
    <message>
        <source>lat</source>
        <translation>Breite</translation>
    </message>
    <message>
        <source>lon</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Asking…</source>
        <translation>Wird abgefragt…</translation>
    </message>
    <message>
        <source>The lab could not answer: %1</source>
        <translation>Das Labor konnte nicht antworten: %1</translation>
    </message>
    <message>
        <source>What-if needs a lab: the router and the delays are the lab&apos;s</source>
        <translation>Was-wäre-wenn braucht ein Labor: Router und Verzögerungen stammen vom Labor</translation>
    </message>
    <message>
        <source>No PoP would take this user: %1</source>
        <translation>Kein PoP würde diesen Nutzer annehmen: %1</translation>
    </message>
    <message>
        <source>%1 would serve it%2; %3 of simulated one-way delay to the origin; answered from %4</source>
        <translation>%1 würde die Anfrage bedienen%2; %3 simulierte Einweg-Verzögerung bis zum Origin; beantwortet von %4</translation>
    </message>
    <message>
        <source> (not the nearest: %1)</source>
        <translation> (nicht der nächstgelegene: %1)</translation>
    </message>
</context>
<context>
    <name>edgelab::console::WorldMapView</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2, %3)&lt;br&gt;%4&lt;br&gt;%5 req/s · L1 %6 · L2 %7&lt;br&gt;p50 %8 · p99 %9 · errors %10</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2, %3)&lt;br&gt;%4&lt;br&gt;%5 Anfr./s · L1 %6 · L2 %7&lt;br&gt;p50 %8 · p99 %9 · Fehler %10</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (origin)&lt;br&gt;%2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (Origin)&lt;br&gt;%2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>edgelab: cannot create %1</source>
        <translation>edgelab: %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>edgelab: cannot write %1</source>
        <translation>edgelab: %1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>no local lab: %1</source>
        <translation>kein lokales Labor: %1</translation>
    </message>
    <message>
        <source>Try &apos;edgelab --help&apos;.</source>
        <translation>Versuchen Sie „edgelab --help“.</translation>
    </message>
    <message>
        <source>edgelab: no display (DISPLAY and WAYLAND_DISPLAY are unset)</source>
        <translation>edgelab: keine Anzeige (DISPLAY und WAYLAND_DISPLAY sind nicht gesetzt)</translation>
    </message>
    <message>
        <source>edgelab: no display (DISPLAY and WAYLAND_DISPLAY are unset); running the lab headless</source>
        <translation>edgelab: keine Anzeige (DISPLAY und WAYLAND_DISPLAY sind nicht gesetzt); das Labor läuft ohne Fenster</translation>
    </message>
    <message>
        <source>saved nodes left out: %1</source>
        <translation>gespeicherte Knoten ausgelassen: %1</translation>
    </message>
</context>
</TS>

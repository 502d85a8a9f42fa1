<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>edgelab::console::AddNodesDialog</name>
    <message>
        <source>Add nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From a nodes file (nodes.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, for https</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shield</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM (*.pem *.crt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgelab::console::ApiConnection</name>
    <message>
        <source>CA file %1: no PEM certificate in it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token file %1 is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host %1 not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed out after %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection closed before an answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>401 no token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>401 wrong token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not JSON (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgelab::console::CommandLine</name>
    <message>
        <source>Watch the nodes listed in a nodes.json (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nodes.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a lab&apos;s control API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lab API&apos;s token file (with --connect-lab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The in-process lab&apos;s topology: default, world50 or a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated users&apos; request rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No window: run the lab and print its report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write one PNG per main view into a directory, then exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds to run before the screenshots (default 5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EdgeLab console: launch and watch a multi-node edge lab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown option --%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--rps: expected a number of requests per second from 1 to 20000, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--after: expected seconds from 0 to 3600, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--after goes with --screenshot DIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--connect-lab needs --token-file F (the lab API&apos;s token)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--token-file goes with --connect-lab URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--topology and --rps start a local lab; they do not go with --connect or --connect-lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--headless runs the local lab&apos;s report; it does not go with --connect, --connect-lab or --screenshot</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgelab::console::ConsoleSession</name>
    <message>
        <source>connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lab API: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgelab::console::EventLogModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgelab::console::EventLogWidget</name>
    <message>
        <source>Filter messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgelab::console::FleetModel</name>
    <message>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L1 hits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L2 hits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L1 fill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L2 fill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purge seq</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per second, with the last minute as a sparkline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of requests served from the memory tier over the last 10 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of requests served from the disk tier over the last 10 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median time to answer, since the node started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>99th percentile time to answer, since the node started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory tier bytes used of its maximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk tier bytes used of its maximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responses the node generated as 5xx, since it started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequence of the last purge the node applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shield</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>down: %1 %2 s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>purge %1 %2 (seq %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>node %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgelab::console::FleetTableWidget</name>
    <message>
        <source>Filter nodes (name, city, health…)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgelab::console::LabControlsWidget</name>
    <message>
        <source>Simulated users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> req/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>static</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>semi-dynamic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dynamic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mix (static, semi, dynamic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objects per class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zipf exponent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill the PoP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revive the PoP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut from its upstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore its upstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the link delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the origin slow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the origin down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring the origin up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(loading)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no lab: remote nodes only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a lab with --topology, or connect to one with --connect-lab URL --token-file F.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic settings applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault sent: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault %1 %2 refused: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgelab::console::LabLauncher</name>
    <message>
        <source>this build has no in-process lab yet; start one with `edgelabd lab --serve --nodes-file F` and use --connect F</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgelab::console::MainWindow</name>
    <message>
        <source>EdgeLab console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>World map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lab controls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;leet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add nodes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit map to fleet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The default layout is used from the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lab %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No lab · %n node(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 req/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offload 10 s %1 · run %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 errors/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-way delay for %1 (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut from upstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore upstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set link delay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faults need a lab (remote nodes only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the origin slow…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slow origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra delay per response (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the origin down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring the origin up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgelab::console::MapPalette</name>
    <message>
        <source>L1 hit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L2 hit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shield hit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgelab::console::NodeHealth</name>
    <message>
        <source>connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgelab::console::NodesFile</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a non-empty array of nodes (or {&quot;nodes&quot;: [...]})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unknown key &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.%2: expected a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.%2: required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.role: expected &quot;edge&quot; or &quot;shield&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.admin_url: expected &quot;http://host:port&quot; or &quot;https://host:port&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.name: &quot;%2&quot; appears twice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgelab::console::UiLanguage</name>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>edgelab::console::WorldMapView</name>
    <message>
        <source>PoP health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shapes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edge (size: req/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shield</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>link (width: throughput)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>link cut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests served by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2, %3)&lt;br&gt;%4&lt;br&gt;%5 req/s · L1 %6 · L2 %7&lt;br&gt;p50 %8 · p99 %9 · errors %10</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>edgelab: cannot create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edgelab: cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no local lab: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try &apos;edgelab --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edgelab: no display (DISPLAY and WAYLAND_DISPLAY are unset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edgelab: no display (DISPLAY and WAYLAND_DISPLAY are unset); running the lab headless</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

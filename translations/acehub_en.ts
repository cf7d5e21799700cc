<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CommandLine</name>
    <message>
        <source>AceHub: a home IPTV server that proxies an AceStream engine for IPTV players (Xtream Codes API, M3U, XMLTV), one engine session per channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run headless, without a window (for a NAS or a server).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory for the database, logs and settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address to listen on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP port to listen on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AceStream engine address (default 127.0.0.1:6878).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host:port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log level: debug, info, warning or error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the interface, e.g. en or it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read a new admin password from standard input, store it and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--engine: expected HOST:PORT, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Daemon</name>
    <message>
        <source>
AceHub admin password (generated on first start, shown only this once):

    %1

Use it to sign in to the dashboard and the /api routes as user &quot;admin&quot;.
Change it with:  acehub --set-admin-password  (reads the new one from standard input)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New admin password: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no password given on standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin password changed in %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuiApp</name>
    <message>
        <source>Show AceHub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AceHub generated an admin password for the dashboard and the API. It is shown only once:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AceHub</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LiveRoutes</name>
    <message>
        <source>Wrong username or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No channel %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stream proxy is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many streams: %1 already has %2 open and max_connections is %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>AceHub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AceStream engine:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uptime:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs</source>
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
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About AceHub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About AceHub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;AceHub %1&lt;/b&gt;&lt;p&gt;A home IPTV server for AceStream: one engine session per channel, however many players watch it.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — reachable (version %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — not reachable: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AceHub is still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Players can keep watching. Quit from the tray icon&apos;s menu.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlayerCatalog</name>
    <message>
        <source>Uncategorized</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>AceHub</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Server</name>
    <message>
        <source>Cannot create the data directory %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot store the admin credential: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot listen on %1 port %2: %3. Is another AceHub running? Choose another port with --port or ACEHUB_PORT.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StreamManager</name>
    <message>
        <source>Too many streams: the limit of %1 engine sessions is reached (setting max_engine_sessions).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

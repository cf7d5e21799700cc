<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>CommandLine</name>
    <message>
        <source>AceHub: a home IPTV server that proxies an AceStream engine for IPTV players (Xtream Codes API, M3U, XMLTV), one engine session per channel.</source>
        <translation>AceHub: un server IPTV domestico che fa da proxy a un motore AceStream per i player IPTV (API Xtream Codes, M3U, XMLTV), con una sola sessione del motore per canale.</translation>
    </message>
    <message>
        <source>Run headless, without a window (for a NAS or a server).</source>
        <translation>Esegui senza finestra (per un NAS o un server).</translation>
    </message>
    <message>
        <source>Directory for the database, logs and settings.</source>
        <translation>Cartella per database, log e impostazioni.</translation>
    </message>
    <message>
        <source>path</source>
        <translation>percorso</translation>
    </message>
    <message>
        <source>Address to listen on.</source>
        <translation>Indirizzo su cui mettersi in ascolto.</translation>
    </message>
    <message>
        <source>address</source>
        <translation>indirizzo</translation>
    </message>
    <message>
        <source>HTTP port to listen on.</source>
        <translation>Porta HTTP su cui mettersi in ascolto.</translation>
    </message>
    <message>
        <source>port</source>
        <translation>porta</translation>
    </message>
    <message>
        <source>AceStream engine address (default 127.0.0.1:6878).</source>
        <translation>Indirizzo del motore AceStream (predefinito 127.0.0.1:6878).</translation>
    </message>
    <message>
        <source>host:port</source>
        <translation>host:porta</translation>
    </message>
    <message>
        <source>Log level: debug, info, warning or error.</source>
        <translation>Livello di log: debug, info, warning o error.</translation>
    </message>
    <message>
        <source>level</source>
        <translation>livello</translation>
    </message>
    <message>
        <source>Language of the interface, e.g. en or it.</source>
        <translation>Lingua dell&apos;interfaccia, ad es. en o it.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>codice</translation>
    </message>
    <message>
        <source>Read a new admin password from standard input, store it and exit.</source>
        <translation>Leggi una nuova password di amministratore dallo standard input, salvala ed esci.</translation>
    </message>
    <message>
        <source>--engine: expected HOST:PORT, got %1</source>
        <translation>--engine: atteso HOST:PORTA, ricevuto %1</translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation>argomento inatteso: %1</translation>
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
        <translation>
Password di amministratore di AceHub (generata al primo avvio, mostrata solo questa volta):

    %1

Usala per accedere alla dashboard e alle route /api come utente &quot;admin&quot;.
Per cambiarla:  acehub --set-admin-password  (legge la nuova dallo standard input)
</translation>
    </message>
    <message>
        <source>New admin password: </source>
        <translation>Nuova password di amministratore: </translation>
    </message>
    <message>
        <source>no password given on standard input</source>
        <translation>nessuna password ricevuta sullo standard input</translation>
    </message>
    <message>
        <source>Admin password changed in %1.</source>
        <translation>Password di amministratore cambiata in %1.</translation>
    </message>
</context>
<context>
    <name>GuiApp</name>
    <message>
        <source>Show AceHub</source>
        <translation>Mostra AceHub</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Esci</translation>
    </message>
    <message>
        <source>Admin password</source>
        <translation>Password di amministratore</translation>
    </message>
    <message>
        <source>AceHub generated an admin password for the dashboard and the API. It is shown only once:</source>
        <translation>AceHub ha generato una password di amministratore per la dashboard e l&apos;API. Viene mostrata una sola volta:</translation>
    </message>
    <message>
        <source>AceHub</source>
        <translation>AceHub</translation>
    </message>
</context>
<context>
    <name>LiveRoutes</name>
    <message>
        <source>Wrong username or password.</source>
        <translation>Nome utente o password errati.</translation>
    </message>
    <message>
        <source>The account is %1.</source>
        <translation>L&apos;account è %1.</translation>
    </message>
    <message>
        <source>No channel %1.</source>
        <translation>Nessun canale %1.</translation>
    </message>
    <message>
        <source>The stream proxy is not running.</source>
        <translation>Il proxy degli stream non è in esecuzione.</translation>
    </message>
    <message>
        <source>Too many streams: %1 already has %2 open and max_connections is %3.</source>
        <translation>Troppi stream: %1 ne ha già %2 aperti e max_connections è %3.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>AceHub</source>
        <translation>AceHub</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Avvio in corso…</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Non ancora verificato</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Indirizzo:</translation>
    </message>
    <message>
        <source>AceStream engine:</source>
        <translation>Motore AceStream:</translation>
    </message>
    <message>
        <source>Uptime:</source>
        <translation>In funzione da:</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Esci</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aiuto</translation>
    </message>
    <message>
        <source>&amp;About AceHub</source>
        <translation>&amp;Informazioni su AceHub</translation>
    </message>
    <message>
        <source>About AceHub</source>
        <translation>Informazioni su AceHub</translation>
    </message>
    <message>
        <source>&lt;b&gt;AceHub %1&lt;/b&gt;&lt;p&gt;A home IPTV server for AceStream: one engine session per channel, however many players watch it.&lt;/p&gt;</source>
        <translation>&lt;b&gt;AceHub %1&lt;/b&gt;&lt;p&gt;Un server IPTV domestico per AceStream: una sola sessione del motore per canale, qualunque sia il numero di player che lo guardano.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 — not checked yet</source>
        <translation>%1 — non ancora verificato</translation>
    </message>
    <message>
        <source>%1 — reachable (version %2)</source>
        <translation>%1 — raggiungibile (versione %2)</translation>
    </message>
    <message>
        <source>%1 — not reachable: %2</source>
        <translation>%1 — non raggiungibile: %2</translation>
    </message>
    <message>
        <source>AceHub is still running</source>
        <translation>AceHub è ancora in esecuzione</translation>
    </message>
    <message>
        <source>Players can keep watching. Quit from the tray icon&apos;s menu.</source>
        <translation>I player possono continuare a guardare. Per uscire usa il menu dell&apos;icona nell&apos;area di notifica.</translation>
    </message>
</context>
<context>
    <name>PlayerCatalog</name>
    <message>
        <source>Uncategorized</source>
        <translation>Senza categoria</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>AceHub</source>
        <translation>AceHub</translation>
    </message>
</context>
<context>
    <name>Server</name>
    <message>
        <source>Cannot create the data directory %1</source>
        <translation>Impossibile creare la cartella dei dati %1</translation>
    </message>
    <message>
        <source>Cannot open the database: %1</source>
        <translation>Impossibile aprire il database: %1</translation>
    </message>
    <message>
        <source>Cannot store the admin credential: %1</source>
        <translation>Impossibile salvare la credenziale di amministratore: %1</translation>
    </message>
    <message>
        <source>Cannot listen on %1 port %2: %3. Is another AceHub running? Choose another port with --port or ACEHUB_PORT.</source>
        <translation>Impossibile mettersi in ascolto su %1 porta %2: %3. È già in esecuzione un altro AceHub? Scegli un&apos;altra porta con --port o ACEHUB_PORT.</translation>
    </message>
</context>
<context>
    <name>StreamManager</name>
    <message>
        <source>Too many streams: the limit of %1 engine sessions is reached (setting max_engine_sessions).</source>
        <translation>Troppi stream: è stato raggiunto il limite di %1 sessioni del motore (impostazione max_engine_sessions).</translation>
    </message>
</context>
</TS>

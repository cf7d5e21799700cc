<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>ApiClient</name>
    <message>
        <source>Not connected to an AceHub</source>
        <translation>Non connesso a un AceHub</translation>
    </message>
</context>
<context>
    <name>CategoriesPage</name>
    <message>
        <source>Drag categories (or use Move up/down) to change their order; double-click a name to rename it.</source>
        <translation>Trascina le categorie (o usa Sposta su/giù) per cambiarne l&apos;ordine; fai doppio clic su un nome per rinominarlo.</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Aggiungi…</translation>
    </message>
    <message>
        <source>Add a category</source>
        <translation>Aggiungi una categoria</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Rinomina</translation>
    </message>
    <message>
        <source>Rename the selected category</source>
        <translation>Rinomina la categoria selezionata</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Sposta &amp;su</translation>
    </message>
    <message>
        <source>Move the selected category up</source>
        <translation>Sposta su la categoria selezionata</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Sposta &amp;giù</translation>
    </message>
    <message>
        <source>Move the selected category down</source>
        <translation>Sposta giù la categoria selezionata</translation>
    </message>
    <message>
        <source>&amp;Hide channels</source>
        <translation>Nascon&amp;di i canali</translation>
    </message>
    <message>
        <source>Hide the channels of the selected category</source>
        <translation>Nascondi i canali della categoria selezionata</translation>
    </message>
    <message>
        <source>&amp;Show channels</source>
        <translation>&amp;Mostra i canali</translation>
    </message>
    <message>
        <source>Show the channels of the selected category</source>
        <translation>Mostra i canali della categoria selezionata</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Elimina</translation>
    </message>
    <message>
        <source>Delete the selected category</source>
        <translation>Elimina la categoria selezionata</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canali</translation>
    </message>
    <message>
        <source>Not renamed: %1</source>
        <translation>Non rinominata: %1</translation>
    </message>
    <message>
        <source>Add category</source>
        <translation>Aggiungi categoria</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nome:</translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation>Non aggiunto: %1</translation>
    </message>
    <message>
        <source>Delete category</source>
        <translation>Elimina categoria</translation>
    </message>
    <message>
        <source>Delete the category %1? Its channels stay, without a category.</source>
        <translation>Eliminare la categoria %1? I suoi canali restano, senza categoria.</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>Non eliminato: %1</translation>
    </message>
    <message>
        <source>Order not saved: %1</source>
        <translation>Ordine non salvato: %1</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Non modificato: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) hidden</source>
        <translation>
            <numerusform>%n canale nascosto</numerusform>
            <numerusform>%n canali nascosti</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) shown</source>
        <translation>
            <numerusform>%n canale mostrato</numerusform>
            <numerusform>%n canali mostrati</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelsModel</name>
    <message>
        <source>Available</source>
        <translation>Disponibile</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>Non disponibile</translation>
    </message>
    <message>
        <source>Check failed</source>
        <translation>Verifica fallita</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Non verificato</translation>
    </message>
    <message>
        <source>(added by hand)</source>
        <translation>(aggiunto a mano)</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numero</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Sorgente</translation>
    </message>
    <message>
        <source>Guide id</source>
        <translation>Id guida</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Nascosto</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Verifica</translation>
    </message>
</context>
<context>
    <name>ChannelsPage</name>
    <message>
        <source>Search channels</source>
        <translation>Cerca canali</translation>
    </message>
    <message>
        <source>Search name, tvg-name, address (Ctrl+F)</source>
        <translation>Cerca nome, tvg-name, indirizzo (Ctrl+F)</translation>
    </message>
    <message>
        <source>Category filter</source>
        <translation>Filtro categoria</translation>
    </message>
    <message>
        <source>Source filter</source>
        <translation>Filtro sorgente</translation>
    </message>
    <message>
        <source>Hidden filter</source>
        <translation>Filtro nascosti</translation>
    </message>
    <message>
        <source>Availability filter</source>
        <translation>Filtro disponibilità</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canali</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>Nascon&amp;di</translation>
    </message>
    <message>
        <source>Hide the selected channels</source>
        <translation>Nascondi i canali selezionati</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation>Mos&amp;tra</translation>
    </message>
    <message>
        <source>Show the selected channels</source>
        <translation>Mostra i canali selezionati</translation>
    </message>
    <message>
        <source>Set &amp;category…</source>
        <translation>Imposta &amp;categoria…</translation>
    </message>
    <message>
        <source>Set the category of the selected channels</source>
        <translation>Imposta la categoria dei canali selezionati</translation>
    </message>
    <message>
        <source>Map &amp;guide…</source>
        <translation>Associa &amp;guida…</translation>
    </message>
    <message>
        <source>Pick a guide channel for the selected channel</source>
        <translation>Scegli un canale della guida per il canale selezionato</translation>
    </message>
    <message>
        <source>Check &amp;now</source>
        <translation>&amp;Verifica ora</translation>
    </message>
    <message>
        <source>Check the selected channels with the engine</source>
        <translation>Verifica i canali selezionati con il motore</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Elimina</translation>
    </message>
    <message>
        <source>Delete the selected channels</source>
        <translation>Elimina i canali selezionati</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nessuna)</translation>
    </message>
    <message>
        <source>Visible and hidden</source>
        <translation>Visibili e nascosti</translation>
    </message>
    <message>
        <source>Visible only</source>
        <translation>Solo visibili</translation>
    </message>
    <message>
        <source>Hidden only</source>
        <translation>Solo nascosti</translation>
    </message>
    <message>
        <source>Any availability</source>
        <translation>Qualsiasi disponibilità</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponibile</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>Non disponibile</translation>
    </message>
    <message>
        <source>Check failed</source>
        <translation>Verifica fallita</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Non verificato</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n canale</numerusform>
            <numerusform>%n canali</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non salvato: %1</translation>
    </message>
    <message>
        <source>%1 is available</source>
        <translation>%1 è disponibile</translation>
    </message>
    <message>
        <source>%1 is not available: %2</source>
        <translation>%1 non è disponibile: %2</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Tutte le categorie</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>Nessuna categoria</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Tutte le sorgenti</translation>
    </message>
    <message>
        <source>Added by hand</source>
        <translation>Aggiunti a mano</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Non modificato: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) hidden</source>
        <translation>
            <numerusform>%n canale nascosto</numerusform>
            <numerusform>%n canali nascosti</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) shown</source>
        <translation>
            <numerusform>%n canale mostrato</numerusform>
            <numerusform>%n canali mostrati</numerusform>
        </translation>
    </message>
    <message>
        <source>Set category</source>
        <translation>Imposta categoria</translation>
    </message>
    <message>
        <source>Category of the selected channels:</source>
        <translation>Categoria dei canali selezionati:</translation>
    </message>
    <message>
        <source>Category set</source>
        <translation>Categoria impostata</translation>
    </message>
    <message>
        <source>Guide id set to %1</source>
        <translation>Id guida impostato a %1</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) queued for a check; the result shows in the Check column</source>
        <translation>
            <numerusform>%n canale in coda per la verifica; il risultato appare nella colonna Verifica</numerusform>
            <numerusform>%n canali in coda per la verifica; il risultato appare nella colonna Verifica</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot check: %1</source>
        <translation>Impossibile verificare: %1</translation>
    </message>
    <message>
        <source>Delete channels</source>
        <translation>Elimina canali</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n channel(s)? A channel still in its playlist comes back at the next refresh: hide it instead to keep it away.</source>
        <translation>
            <numerusform>Eliminare %n canale? Un canale ancora presente nella sua playlist ritorna al prossimo aggiornamento: per tenerlo lontano, nascondilo.</numerusform>
            <numerusform>Eliminare %n canali? Un canale ancora presente nella sua playlist ritorna al prossimo aggiornamento: per tenerlo lontano, nascondilo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>Non eliminato: %1</translation>
    </message>
</context>
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
    <name>ConnectDialog</name>
    <message>
        <source>Connect to an AceHub</source>
        <translation>Connetti a un AceHub</translation>
    </message>
    <message>
        <source>The address of the AceHub (for example http://nas.local:6880) and its admin password. The password is not stored.</source>
        <translation>L&apos;indirizzo dell&apos;AceHub (per esempio http://nas.local:6880) e la sua password di amministrazione. La password non viene salvata.</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Indirizzo:</translation>
    </message>
    <message>
        <source>Address of the AceHub</source>
        <translation>Indirizzo dell&apos;AceHub</translation>
    </message>
    <message>
        <source>Admin password:</source>
        <translation>Password di amministrazione:</translation>
    </message>
    <message>
        <source>Admin password</source>
        <translation>Password di amministrazione</translation>
    </message>
    <message>
        <source>Type the address of the AceHub, for example http://nas.local:6880</source>
        <translation>Scrivi l&apos;indirizzo dell&apos;AceHub, per esempio http://nas.local:6880</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Accesso in corso…</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>Impossibile raggiungere %1: %2</translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>Accesso non riuscito: %1</translation>
    </message>
</context>
<context>
    <name>Daemon</name>
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
    <message>
        <source>
AceHub admin password (generated on first start):

    %1

It is also kept in %2 (readable by this user only)
until the admin password is changed.
Use it to sign in to the dashboard and the /api routes as user &quot;admin&quot;.
Change it with:  acehub --set-admin-password  (reads the new one from standard input)
</source>
        <translation>
Password di amministratore di AceHub (generata al primo avvio):

    %1

È conservata anche in %2 (leggibile solo da questo utente)
finché la password di amministratore non viene cambiata.
Usala per accedere alla dashboard e alle route /api come utente &quot;admin&quot;.
Cambiala con:  acehub --set-admin-password  (legge la nuova dallo standard input)
</translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <source>Signed out by %1 (it restarted or the admin password changed): sign in again.</source>
        <translation>Disconnesso da %1 (è stato riavviato o la password di amministrazione è cambiata): accedi di nuovo.</translation>
    </message>
    <message>
        <source>Admin password</source>
        <translation>Password di amministrazione</translation>
    </message>
    <message>
        <source>AceHub generated this admin password for the web dashboard, the API and other computers&apos; panels. Save it now (a password manager is a good place). Until you confirm, it is kept in %1 and shown again at the next start.</source>
        <translation>AceHub ha generato questa password di amministrazione per la dashboard web, l&apos;API e i pannelli di altri computer. Salvala ora (un gestore di password è il posto giusto). Finché non confermi, resta in %1 e viene mostrata di nuovo al prossimo avvio.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copia</translation>
    </message>
    <message>
        <source>I have &amp;saved it</source>
        <translation>L&apos;ho &amp;salvata</translation>
    </message>
    <message>
        <source>Remind me &amp;later</source>
        <translation>Ricordamelo &amp;più tardi</translation>
    </message>
    <message>
        <source>AceHub</source>
        <translation>AceHub</translation>
    </message>
    <message>
        <source>AceHub could not start: %1</source>
        <translation>AceHub non si è potuto avviare: %1</translation>
    </message>
</context>
<context>
    <name>GuiFormat</name>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Map a guide channel</source>
        <translation>Associa un canale della guida</translation>
    </message>
    <message>
        <source>Guide channel for &lt;b&gt;%1&lt;/b&gt;:</source>
        <translation>Canale della guida per &lt;b&gt;%1&lt;/b&gt;:</translation>
    </message>
    <message>
        <source>Search the guides&apos; channels</source>
        <translation>Cerca tra i canali delle guide</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Guide id</source>
        <translation>Id guida</translation>
    </message>
    <message>
        <source>Guide channels</source>
        <translation>Canali della guida</translation>
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
    <name>LogModel</name>
    <message>
        <source>Time</source>
        <translation>Ora</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Livello</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Messaggio</translation>
    </message>
</context>
<context>
    <name>LogsPage</name>
    <message>
        <source>Level:</source>
        <translation>Livello:</translation>
    </message>
    <message>
        <source>Least level shown</source>
        <translation>Livello minimo mostrato</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>Cerca nel log</translation>
    </message>
    <message>
        <source>Search the log (Ctrl+F)</source>
        <translation>Cerca nel log (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausa</translation>
    </message>
    <message>
        <source>Pause the live log</source>
        <translation>Metti in pausa il log in diretta</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Salva…</translation>
    </message>
    <message>
        <source>Save the log to a file</source>
        <translation>Salva il log in un file</translation>
    </message>
    <message>
        <source>Log lines</source>
        <translation>Righe del log</translation>
    </message>
    <message>
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avviso</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Errore</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Riprendi</translation>
    </message>
    <message>
        <source>Save the log</source>
        <translation>Salva il log</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt)</source>
        <translation>File di log (*.log *.txt)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Impossibile scrivere %1</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n line(s) to %1</source>
        <translation>
            <numerusform>Salvata %n riga in %1</numerusform>
            <numerusform>Salvate %n righe in %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>AceHub</source>
        <translation>AceHub</translation>
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
        <source>AceHub is still running</source>
        <translation>AceHub è ancora in esecuzione</translation>
    </message>
    <message>
        <source>Players can keep watching. Quit from the tray icon&apos;s menu.</source>
        <translation>I player possono continuare a guardare. Per uscire usa il menu dell&apos;icona nell&apos;area di notifica.</translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation>Stato della connessione</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pagine</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Panoramica</translation>
    </message>
    <message>
        <source>Streams</source>
        <translation>Flussi</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canali</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sorgenti</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utenti</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Impostazioni</translation>
    </message>
    <message>
        <source>&amp;Connect to…</source>
        <translation>&amp;Connetti a…</translation>
    </message>
    <message>
        <source>&amp;This computer</source>
        <translation>&amp;Questo computer</translation>
    </message>
    <message>
        <source>Open the &amp;web dashboard</source>
        <translation>Apri la dashboard &amp;web</translation>
    </message>
    <message>
        <source>Copy the &amp;playlist link</source>
        <translation>Copia il link della &amp;playlist</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visualizza</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Trova</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Ricarica</translation>
    </message>
    <message>
        <source>&amp;Options</source>
        <translation>&amp;Opzioni</translation>
    </message>
    <message>
        <source>Show &amp;notifications</source>
        <translation>Mostra le &amp;notifiche</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>questo computer</translation>
    </message>
    <message>
        <source>AceHub — %1</source>
        <translation>AceHub — %1</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Connesso a %1</translation>
    </message>
    <message>
        <source>AceHub on this computer (%1)</source>
        <translation>AceHub su questo computer (%1)</translation>
    </message>
    <message>
        <source>The connection to AceHub at %1 is lost. Reconnecting…</source>
        <translation>La connessione ad AceHub su %1 si è interrotta. Riconnessione in corso…</translation>
    </message>
    <message>
        <source>No user yet: create one on the Users page</source>
        <translation>Ancora nessun utente: creane uno nella pagina Utenti</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>Copiato: %1</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>AceStream engine:</source>
        <translation>Motore AceStream:</translation>
    </message>
    <message>
        <source>Streams:</source>
        <translation>Flussi:</translation>
    </message>
    <message>
        <source>Players:</source>
        <translation>Player:</translation>
    </message>
    <message>
        <source>Channels:</source>
        <translation>Canali:</translation>
    </message>
    <message>
        <source>Users:</source>
        <translation>Utenti:</translation>
    </message>
    <message>
        <source>Connect a TV</source>
        <translation>Collega una TV</translation>
    </message>
    <message>
        <source>Pick the user the TV signs in as, then type these into the TV&apos;s IPTV app: the Xtream Codes login, or the M3U playlist and guide links.</source>
        <translation>Scegli l&apos;utente con cui la TV accede, poi inserisci questi dati nell&apos;app IPTV della TV: l&apos;accesso Xtream Codes, oppure i link della playlist M3U e della guida.</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Utente:</translation>
    </message>
    <message>
        <source>User for the TV</source>
        <translation>Utente per la TV</translation>
    </message>
    <message>
        <source>Address to type:</source>
        <translation>Indirizzo da digitare:</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Indirizzo</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copia</translation>
    </message>
    <message>
        <source>Copy: Address</source>
        <translation>Copia: indirizzo</translation>
    </message>
    <message>
        <source>Xtream server:</source>
        <translation>Server Xtream:</translation>
    </message>
    <message>
        <source>Xtream server</source>
        <translation>Server Xtream</translation>
    </message>
    <message>
        <source>Copy: Xtream server</source>
        <translation>Copia: server Xtream</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Nome utente:</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nome utente</translation>
    </message>
    <message>
        <source>Copy: Username</source>
        <translation>Copia: nome utente</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Copy: Password</source>
        <translation>Copia: password</translation>
    </message>
    <message>
        <source>M3U playlist:</source>
        <translation>Playlist M3U:</translation>
    </message>
    <message>
        <source>M3U playlist link</source>
        <translation>Link della playlist M3U</translation>
    </message>
    <message>
        <source>Copy: M3U playlist link</source>
        <translation>Copia: link della playlist M3U</translation>
    </message>
    <message>
        <source>Guide (XMLTV):</source>
        <translation>Guida (XMLTV):</translation>
    </message>
    <message>
        <source>Guide link</source>
        <translation>Link della guida</translation>
    </message>
    <message>
        <source>Copy: Guide link</source>
        <translation>Copia: link della guida</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>Copiato: %1</translation>
    </message>
    <message>
        <source>Running — %1</source>
        <translation>In funzione — %1</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connesso</translation>
    </message>
    <message>
        <source>Not checked yet %1</source>
        <translation>Non ancora verificato %1</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>Raggiungibile</translation>
    </message>
    <message>
        <source>Reachable (version %1)</source>
        <translation>Raggiungibile (versione %1)</translation>
    </message>
    <message>
        <source>Not reachable</source>
        <translation>Non raggiungibile</translation>
    </message>
    <message>
        <source>Not reachable: %1</source>
        <translation>Non raggiungibile: %1</translation>
    </message>
    <message>
        <source>(no user: address only)</source>
        <translation>(nessun utente: solo l&apos;indirizzo)</translation>
    </message>
    <message>
        <source>Cannot read the addresses: %1</source>
        <translation>Impossibile leggere gli indirizzi: %1</translation>
    </message>
    <message>
        <source>This computer can also be reached at: %1</source>
        <translation>Questo computer è raggiungibile anche a: %1</translation>
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
    <name>SettingName</name>
    <message>
        <source>bind</source>
        <translation>Indirizzo di ascolto</translation>
    </message>
    <message>
        <source>port</source>
        <translation>Porta</translation>
    </message>
    <message>
        <source>http_max_connections</source>
        <translation>Connessioni HTTP massime</translation>
    </message>
    <message>
        <source>http_max_request_mib</source>
        <translation>Richiesta massima</translation>
    </message>
    <message>
        <source>http_idle_timeout_s</source>
        <translation>Timeout di inattività</translation>
    </message>
    <message>
        <source>engine_host</source>
        <translation>Host del motore</translation>
    </message>
    <message>
        <source>engine_port</source>
        <translation>Porta del motore</translation>
    </message>
    <message>
        <source>engine_scheme</source>
        <translation>Protocollo del motore</translation>
    </message>
    <message>
        <source>engine_probe_interval_s</source>
        <translation>Controllo del motore ogni</translation>
    </message>
    <message>
        <source>log_level</source>
        <translation>Livello di log</translation>
    </message>
    <message>
        <source>log_ring_lines</source>
        <translation>Righe di log in memoria</translation>
    </message>
    <message>
        <source>log_file_max_kib</source>
        <translation>Dimensione del file di log</translation>
    </message>
    <message>
        <source>log_file_count</source>
        <translation>File di log tenuti</translation>
    </message>
    <message>
        <source>stream_start_timeout_s</source>
        <translation>Attesa dell&apos;avvio</translation>
    </message>
    <message>
        <source>stream_linger_s</source>
        <translation>Permanenza del flusso</translation>
    </message>
    <message>
        <source>stream_empty_timeout_s</source>
        <translation>Fine per assenza di dati</translation>
    </message>
    <message>
        <source>stream_stall_s</source>
        <translation>Riapertura per blocco</translation>
    </message>
    <message>
        <source>stream_recover_s</source>
        <translation>Tempo di recupero</translation>
    </message>
    <message>
        <source>stream_keyframe_cache_kib</source>
        <translation>Cache dal fotogramma chiave</translation>
    </message>
    <message>
        <source>client_max_queued_kib</source>
        <translation>Coda massima per player</translation>
    </message>
    <message>
        <source>client_behind_timeout_s</source>
        <translation>Tolleranza del ritardo</translation>
    </message>
    <message>
        <source>max_engine_sessions</source>
        <translation>Sessioni del motore massime</translation>
    </message>
    <message>
        <source>stat_poll_interval_s</source>
        <translation>Statistiche del motore ogni</translation>
    </message>
    <message>
        <source>stream_read_chunk_kib</source>
        <translation>Blocco di lettura</translation>
    </message>
    <message>
        <source>source_fetch_timeout_s</source>
        <translation>Blocco massimo del download</translation>
    </message>
    <message>
        <source>source_fetch_max_mib</source>
        <translation>Download massimo</translation>
    </message>
    <message>
        <source>epg_days_back</source>
        <translation>Giorni passati della guida</translation>
    </message>
    <message>
        <source>epg_days_ahead</source>
        <translation>Giorni futuri della guida</translation>
    </message>
    <message>
        <source>channel_check_delay_ms</source>
        <translation>Pausa tra le verifiche</translation>
    </message>
    <message>
        <source>channel_check_timeout_s</source>
        <translation>Durata massima di una verifica</translation>
    </message>
    <message>
        <source>admin_session_hours</source>
        <translation>Durata della sessione</translation>
    </message>
    <message>
        <source>admin_login_max_failures</source>
        <translation>Accessi falliti ammessi</translation>
    </message>
    <message>
        <source>admin_login_window_s</source>
        <translation>Finestra degli accessi falliti</translation>
    </message>
    <message>
        <source>xtream_timezone</source>
        <translation>Fuso orario</translation>
    </message>
    <message>
        <source>xtream_same_address_replaces</source>
        <translation>Lo stesso indirizzo sostituisce</translation>
    </message>
    <message>
        <source>http_max_connections_per_address</source>
        <translation>Connessioni per indirizzo</translation>
    </message>
    <message>
        <source>http_head_timeout_s</source>
        <translation>Tempo per l&apos;intestazione</translation>
    </message>
    <message>
        <source>http_max_buffered_mib</source>
        <translation>Memoria per le richieste</translation>
    </message>
    <message>
        <source>xtream_login_max_failures</source>
        <translation>Accessi dei player falliti ammessi</translation>
    </message>
    <message>
        <source>xtream_login_window_s</source>
        <translation>Finestra degli accessi dei player</translation>
    </message>
    <message>
        <source>ace_access</source>
        <translation>Accesso a /ace</translation>
    </message>
    <message>
        <source>ace_anonymous_sessions</source>
        <translation>Sessioni anonime</translation>
    </message>
    <message>
        <source>source_fetch_deadline_s</source>
        <translation>Durata massima del download</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Address the HTTP server listens on (0.0.0.0: all IPv4 interfaces, :: all).</source>
        <translation>Indirizzo su cui ascolta il server HTTP (0.0.0.0: tutte le interfacce IPv4, :: tutte).</translation>
    </message>
    <message>
        <source>HTTP port for players, the API and the dashboard (0: any free port).</source>
        <translation>Porta HTTP per player, API e dashboard (0: una porta libera qualsiasi).</translation>
    </message>
    <message>
        <source>Open HTTP connections at most (players and API); one more gets a 503.</source>
        <translation>Connessioni HTTP aperte al massimo (player e API); una in più riceve un 503.</translation>
    </message>
    <message>
        <source>Largest request AceHub accepts (a restore&apos;s JSON, a form), in MiB; larger: 413.</source>
        <translation>Richiesta più grande che AceHub accetta (il JSON di un ripristino, un modulo), in MiB; oltre: 413.</translation>
    </message>
    <message>
        <source>A connection with nothing read or written for this long is closed.</source>
        <translation>Una connessione senza nulla letto o scritto per questo tempo viene chiusa.</translation>
    </message>
    <message>
        <source>Host of the AceStream engine.</source>
        <translation>Host del motore AceStream.</translation>
    </message>
    <message>
        <source>HTTP port of the AceStream engine.</source>
        <translation>Porta HTTP del motore AceStream.</translation>
    </message>
    <message>
        <source>Scheme used to reach the engine.</source>
        <translation>Protocollo usato per raggiungere il motore.</translation>
    </message>
    <message>
        <source>How often the engine&apos;s get_version is polled for /api/health.</source>
        <translation>Ogni quanto si interroga get_version del motore per /api/health.</translation>
    </message>
    <message>
        <source>Least severe AceHub log level kept.</source>
        <translation>Livello meno grave dei log di AceHub che viene tenuto.</translation>
    </message>
    <message>
        <source>Log lines kept in memory for the control panel and /api/logs.</source>
        <translation>Righe di log tenute in memoria per il pannello e /api/logs.</translation>
    </message>
    <message>
        <source>Size at which logs/acehub.log is rotated, in KiB.</source>
        <translation>Dimensione a cui logs/acehub.log viene ruotato, in KiB.</translation>
    </message>
    <message>
        <source>Rotated log files kept (acehub.log.1 …).</source>
        <translation>File di log ruotati tenuti (acehub.log.1 …).</translation>
    </message>
    <message>
        <source>How long a player waits for a stream&apos;s first byte (engine prebuffering) before a 504.</source>
        <translation>Quanto un player aspetta il primo byte di un flusso (il pre-buffering del motore) prima di un 504.</translation>
    </message>
    <message>
        <source>How long a stream keeps running after its last player left, so zapping back is instant.</source>
        <translation>Quanto un flusso resta attivo dopo l&apos;uscita dell&apos;ultimo player, così tornare al canale è immediato.</translation>
    </message>
    <message>
        <source>A running stream that receives no data for this long is ended.</source>
        <translation>Un flusso attivo che non riceve dati per questo tempo viene chiuso.</translation>
    </message>
    <message>
        <source>A running stream that receives no data for this long is re-opened (its players wait).</source>
        <translation>Un flusso attivo che non riceve dati per questo tempo viene riaperto (i suoi player aspettano).</translation>
    </message>
    <message>
        <source>How long a failed stream is re-opened (a new engine session, a new request) before its players are closed (0: never re-opened).</source>
        <translation>Per quanto un flusso fallito viene riaperto (nuova sessione del motore, nuova richiesta) prima di chiudere i suoi player (0: mai riaperto).</translation>
    </message>
    <message>
        <source>Bytes kept since a stream&apos;s last keyframe, so a joining player starts with a picture, in KiB (0: joiners start at the next packet).</source>
        <translation>Byte tenuti dall&apos;ultimo fotogramma chiave, così un player che si aggiunge parte con un&apos;immagine, in KiB (0: parte dal pacchetto successivo).</translation>
    </message>
    <message>
        <source>Bytes a player may have queued (not yet taken by its connection) before it counts as behind, in KiB.</source>
        <translation>Byte che un player può avere in coda (non ancora presi dalla sua connessione) prima di essere considerato in ritardo, in KiB.</translation>
    </message>
    <message>
        <source>A player over the queue cap for this long (or at twice the cap) is dropped.</source>
        <translation>Un player oltre il limite di coda per questo tempo (o al doppio del limite) viene disconnesso.</translation>
    </message>
    <message>
        <source>Most AceStream engine sessions at once; a new channel beyond it gets a 503.</source>
        <translation>Sessioni del motore AceStream al massimo insieme; un canale nuovo oltre riceve un 503.</translation>
    </message>
    <message>
        <source>How often a running stream&apos;s engine stat_url is polled (0: never).</source>
        <translation>Ogni quanto si interroga lo stat_url del motore di un flusso attivo (0: mai).</translation>
    </message>
    <message>
        <source>Upstream bytes gathered before they are written to players (larger: fewer syscalls per player).</source>
        <translation>Byte ricevuti raccolti prima di scriverli ai player (più grande: meno chiamate di sistema per player).</translation>
    </message>
    <message>
        <source>Longest a playlist or guide download may stall before it is abandoned.</source>
        <translation>Per quanto il download di una playlist o di una guida può restare fermo prima di essere abbandonato.</translation>
    </message>
    <message>
        <source>Largest playlist or guide AceHub downloads (and a playlist once decompressed), in MiB.</source>
        <translation>Playlist o guida più grande che AceHub scarica (e playlist una volta decompressa), in MiB.</translation>
    </message>
    <message>
        <source>Days of past programmes kept from each guide.</source>
        <translation>Giorni di programmi passati tenuti da ogni guida.</translation>
    </message>
    <message>
        <source>Days of future programmes kept from each guide.</source>
        <translation>Giorni di programmi futuri tenuti da ogni guida.</translation>
    </message>
    <message>
        <source>Pause between two engine channel checks (bulk checks crash the engine).</source>
        <translation>Pausa tra due verifiche dei canali sul motore (le verifiche in massa fanno cadere il motore).</translation>
    </message>
    <message>
        <source>Longest one engine channel check may take.</source>
        <translation>Tempo massimo di una verifica di un canale sul motore.</translation>
    </message>
    <message>
        <source>Lifetime of an admin session token from /api/login.</source>
        <translation>Durata di una sessione di amministrazione di /api/login.</translation>
    </message>
    <message>
        <source>Failed admin logins per address within admin_login_window_s before 429.</source>
        <translation>Accessi di amministrazione falliti per indirizzo entro admin_login_window_s prima di un 429.</translation>
    </message>
    <message>
        <source>Window over which failed admin logins are counted (and the lockout length).</source>
        <translation>Intervallo in cui si contano gli accessi di amministrazione falliti (e durata del blocco).</translation>
    </message>
    <message>
        <source>Time zone of server_info and EPG times for players, e.g. Europe/Rome (empty: the system&apos;s).</source>
        <translation>Fuso orario di server_info e degli orari della guida per i player, per esempio Europe/Rome (vuoto: quello del sistema).</translation>
    </message>
    <message>
        <source>1: a player over its account&apos;s max_connections coming from the address of one of its streams (a reconnect, a zap) replaces that stream instead of being refused.</source>
        <translation>1: un player oltre il max_connections del suo account che arriva dall&apos;indirizzo di uno dei suoi flussi (una riconnessione, un cambio canale) sostituisce quel flusso invece di essere rifiutato.</translation>
    </message>
    <message>
        <source>Open HTTP connections from one client address at most (loopback too); one more gets a 503.</source>
        <translation>Connessioni HTTP aperte al massimo da un indirizzo client (anche loopback); una in più riceve un 503.</translation>
    </message>
    <message>
        <source>A request head (request line and headers) must arrive whole within this long of its first byte; slower: 408 and closed.</source>
        <translation>L&apos;intestazione di una richiesta (riga e header) deve arrivare intera entro questo tempo dal primo byte; più lenta: 408 e chiusa.</translation>
    </message>
    <message>
        <source>Bytes of unanswered requests all connections together may hold, in MiB; a request over it gets a 503.</source>
        <translation>Byte di richieste senza risposta che tutte le connessioni insieme possono tenere, in MiB; una richiesta oltre riceve un 503.</translation>
    </message>
    <message>
        <source>Failed player logins per address, and per username, within xtream_login_window_s before 429.</source>
        <translation>Accessi dei player falliti per indirizzo, e per nome utente, entro xtream_login_window_s prima di un 429.</translation>
    </message>
    <message>
        <source>Window over which failed player logins are counted (and the lockout length).</source>
        <translation>Intervallo in cui si contano gli accessi dei player falliti (e durata del blocco).</translation>
    </message>
    <message>
        <source>Who may use /ace/getstream and /ace/status without an account: anyone, lan (this machine&apos;s networks and loopback) or none (admin only).</source>
        <translation>Chi può usare /ace/getstream e /ace/status senza un account: chiunque, la rete locale (le reti di questo computer e il loopback) o solo l&apos;amministratore.</translation>
    </message>
    <message>
        <source>Engine sessions players without an account (/ace/getstream) may have; keep it below max_engine_sessions so Xtream accounts always have some left.</source>
        <translation>Sessioni del motore che i player senza account (/ace/getstream) possono avere; tenerle sotto max_engine_sessions così gli account Xtream ne hanno sempre.</translation>
    </message>
    <message>
        <source>Longest a playlist or guide download may take in all, however steadily it trickles in.</source>
        <translation>Tempo massimo in tutto per il download di una playlist o di una guida, per quanto arrivi con regolarità.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Impostazioni</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>Ann&amp;ulla modifiche</translation>
    </message>
    <message>
        <source>Revert the unsaved settings</source>
        <translation>Annulla le impostazioni non salvate</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Applica</translation>
    </message>
    <message>
        <source>Apply the changed settings</source>
        <translation>Applica le impostazioni modificate</translation>
    </message>
    <message>
        <source>Admin password</source>
        <translation>Password di amministrazione</translation>
    </message>
    <message>
        <source>Current:</source>
        <translation>Attuale:</translation>
    </message>
    <message>
        <source>Current admin password</source>
        <translation>Password di amministrazione attuale</translation>
    </message>
    <message>
        <source>New:</source>
        <translation>Nuova:</translation>
    </message>
    <message>
        <source>New admin password</source>
        <translation>Nuova password di amministrazione</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Ripeti:</translation>
    </message>
    <message>
        <source>Repeat the new admin password</source>
        <translation>Ripeti la nuova password di amministrazione</translation>
    </message>
    <message>
        <source>&amp;Change password</source>
        <translation>&amp;Cambia password</translation>
    </message>
    <message>
        <source>Change the admin password</source>
        <translation>Cambia la password di amministrazione</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>A backup holds the settings, categories, sources, channels and users (not the guide, which its sources bring back).</source>
        <translation>Un backup contiene impostazioni, categorie, sorgenti, canali e utenti (non la guida, che le sue sorgenti riportano).</translation>
    </message>
    <message>
        <source>&amp;Back up to a file…</source>
        <translation>&amp;Backup in un file…</translation>
    </message>
    <message>
        <source>Back up to a file</source>
        <translation>Backup in un file</translation>
    </message>
    <message>
        <source>R&amp;estore from a file…</source>
        <translation>&amp;Ripristina da un file…</translation>
    </message>
    <message>
        <source>Restore from a file</source>
        <translation>Ripristina da un file</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>AceStream engine</source>
        <translation>Motore AceStream</translation>
    </message>
    <message>
        <source>Streams</source>
        <translation>Flussi</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Catalogo</translation>
    </message>
    <message>
        <source>Players</source>
        <translation>Player</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Amministrazione</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>(after a restart)</source>
        <translation>(dopo un riavvio)</translation>
    </message>
    <message>
        <source>(set by the %1)</source>
        <translation>(impostato da %1)</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>ambiente</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>riga di comando</translation>
    </message>
    <message>
        <source>a whole number is needed</source>
        <translation>serve un numero intero</translation>
    </message>
    <message>
        <source>must be between %1 and %2</source>
        <translation>deve essere tra %1 e %2</translation>
    </message>
    <message>
        <source>an address is needed</source>
        <translation>serve un indirizzo</translation>
    </message>
    <message>
        <source>Settings not saved: %1</source>
        <translation>Impostazioni non salvate: %1</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Impostazioni salvate</translation>
    </message>
    <message>
        <source>Restart AceHub to apply: %1</source>
        <translation>Riavvia AceHub per applicare: %1</translation>
    </message>
    <message>
        <source>The new password needs at least 8 characters</source>
        <translation>La nuova password deve avere almeno 8 caratteri</translation>
    </message>
    <message>
        <source>The two new passwords differ</source>
        <translation>Le due nuove password sono diverse</translation>
    </message>
    <message>
        <source>Password not changed: %1</source>
        <translation>Password non cambiata: %1</translation>
    </message>
    <message>
        <source>Admin password changed</source>
        <translation>Password di amministrazione cambiata</translation>
    </message>
    <message>
        <source>Back up AceHub</source>
        <translation>Backup di AceHub</translation>
    </message>
    <message>
        <source>AceHub backups (*.json)</source>
        <translation>Backup di AceHub (*.json)</translation>
    </message>
    <message>
        <source>Backup failed: %1</source>
        <translation>Backup non riuscito: %1</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Impossibile scrivere %1</translation>
    </message>
    <message>
        <source>Backed up to %1</source>
        <translation>Backup salvato in %1</translation>
    </message>
    <message>
        <source>Restore AceHub</source>
        <translation>Ripristina AceHub</translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation>Impossibile leggere %1</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Ripristina</translation>
    </message>
    <message>
        <source>Replace the settings, categories, sources, channels and users with the ones in %1? What is there now is lost.</source>
        <translation>Sostituire impostazioni, categorie, sorgenti, canali e utenti con quelli di %1? Quello che c&apos;è ora va perso.</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Ripristinato</translation>
    </message>
    <message>
        <source>Restore failed: %1</source>
        <translation>Ripristino non riuscito: %1</translation>
    </message>
</context>
<context>
    <name>SourcesPage</name>
    <message>
        <source>Kind of source</source>
        <translation>Tipo di sorgente</translation>
    </message>
    <message>
        <source>Playlists</source>
        <translation>Playlist</translation>
    </message>
    <message>
        <source>Playlist sources</source>
        <translation>Sorgenti playlist</translation>
    </message>
    <message>
        <source>Guides (EPG)</source>
        <translation>Guide (EPG)</translation>
    </message>
    <message>
        <source>Guide sources</source>
        <translation>Sorgenti guida</translation>
    </message>
    <message>
        <source>Add &amp;URL…</source>
        <translation>Aggiungi &amp;URL…</translation>
    </message>
    <message>
        <source>Add a source by URL</source>
        <translation>Aggiungi una sorgente da URL</translation>
    </message>
    <message>
        <source>Add &amp;file…</source>
        <translation>Aggiungi &amp;file…</translation>
    </message>
    <message>
        <source>Add a source from a file</source>
        <translation>Aggiungi una sorgente da un file</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>A&amp;ggiorna ora</translation>
    </message>
    <message>
        <source>Refresh the selected source now</source>
        <translation>Aggiorna ora la sorgente selezionata</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Elimina</translation>
    </message>
    <message>
        <source>Delete the selected source</source>
        <translation>Elimina la sorgente selezionata</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Avanzamento dell&apos;importazione</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In coda</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Download</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Importazione</translation>
    </message>
    <message>
        <source>On demand</source>
        <translation>Su richiesta</translation>
    </message>
    <message numerus="yes">
        <source>Every %n day(s)</source>
        <translation>
            <numerusform>Ogni giorno</numerusform>
            <numerusform>Ogni %n giorni</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every %n hour(s)</source>
        <translation>
            <numerusform>Ogni ora</numerusform>
            <numerusform>Ogni %n ore</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every %n minute(s)</source>
        <translation>
            <numerusform>Ogni minuto</numerusform>
            <numerusform>Ogni %n minuti</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot refresh: %1</source>
        <translation>Impossibile aggiornare: %1</translation>
    </message>
    <message>
        <source>Delete the guide source %1? Its programmes go with it.</source>
        <translation>Eliminare la sorgente guida %1? I suoi programmi vengono eliminati con lei.</translation>
    </message>
    <message>
        <source>Delete the playlist source %1? Its channels stay, marked inactive.</source>
        <translation>Eliminare la sorgente playlist %1? I suoi canali restano, segnati come inattivi.</translation>
    </message>
    <message>
        <source>Delete source</source>
        <translation>Elimina sorgente</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>Non eliminato: %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Posizione</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aggiornamento</translation>
    </message>
    <message>
        <source>Double-click to change (in minutes; 0: on demand only)</source>
        <translation>Doppio clic per cambiare (in minuti; 0: solo su richiesta)</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>Ultimo risultato</translation>
    </message>
    <message>
        <source>%1: %2 imported, %3 skipped</source>
        <translation>%1: %2 importati, %3 saltati</translation>
    </message>
    <message>
        <source>%1: failed: %2</source>
        <translation>%1: non riuscito: %2</translation>
    </message>
    <message>
        <source>Never refreshed</source>
        <translation>Mai aggiornata</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avanzamento</translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation>Programmi</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canali</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Non modificato: %1</translation>
    </message>
    <message>
        <source>Add a guide source</source>
        <translation>Aggiungi una sorgente guida</translation>
    </message>
    <message>
        <source>Add a playlist source</source>
        <translation>Aggiungi una sorgente playlist</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Indirizzo</translation>
    </message>
    <message>
        <source>Refresh interval in hours</source>
        <translation>Intervallo di aggiornamento in ore</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nome:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Indirizzo:</translation>
    </message>
    <message>
        <source>Refresh every:</source>
        <translation>Aggiorna ogni:</translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation>Non aggiunto: %1</translation>
    </message>
    <message>
        <source>Add a guide file</source>
        <translation>Aggiungi un file guida</translation>
    </message>
    <message>
        <source>Add a playlist file</source>
        <translation>Aggiungi un file playlist</translation>
    </message>
    <message>
        <source>Guides (*.xml *.xmltv *.gz)</source>
        <translation>Guide (*.xml *.xmltv *.gz)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tutti i file (*)</translation>
    </message>
    <message>
        <source>Playlists (*.m3u *.m3u8 *.gz)</source>
        <translation>Playlist (*.m3u *.m3u8 *.gz)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossibile leggere %1: %2</translation>
    </message>
    <message>
        <source>Sending %1…</source>
        <translation>Invio di %1…</translation>
    </message>
    <message>
        <source>Added %1; importing it now</source>
        <translation>%1 aggiunto; importazione in corso</translation>
    </message>
    <message>
        <source>Upload progress</source>
        <translation>Avanzamento del caricamento</translation>
    </message>
    <message>
        <source>Sending %1: %p%</source>
        <translation>Invio di %1: %p%</translation>
    </message>
</context>
<context>
    <name>StreamManager</name>
    <message>
        <source>Too many streams: the limit of %1 engine sessions is reached (setting max_engine_sessions).</source>
        <translation>Troppi stream: è stato raggiunto il limite di %1 sessioni del motore (impostazione max_engine_sessions).</translation>
    </message>
    <message>
        <source>Too many streams: players without an account may start %1 (setting ace_anonymous_sessions).</source>
        <translation>Troppi flussi: i player senza account possono avviarne %1 (impostazione ace_anonymous_sessions).</translation>
    </message>
</context>
<context>
    <name>StreamsModel</name>
    <message numerus="yes">
        <source>%n player(s)</source>
        <translation>
            <numerusform>%n player</numerusform>
            <numerusform>%n player</numerusform>
        </translation>
    </message>
    <message>
        <source>↓ %1  ↑ %2</source>
        <translation>↓ %1  ↑ %2</translation>
    </message>
    <message>
        <source>(anonymous)</source>
        <translation>(anonimo)</translation>
    </message>
    <message>
        <source>Channel / player</source>
        <translation>Canale / player</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utente</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>Peer</translation>
    </message>
    <message>
        <source>Engine speeds</source>
        <translation>Velocità del motore</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Velocità</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Byte</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Dalle</translation>
    </message>
    <message>
        <source>User agent</source>
        <translation>User agent</translation>
    </message>
</context>
<context>
    <name>StreamsPage</name>
    <message>
        <source>Search streams</source>
        <translation>Cerca flussi</translation>
    </message>
    <message>
        <source>Search channels, players, users (Ctrl+F)</source>
        <translation>Cerca canali, player, utenti (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Kick player</source>
        <translation>&amp;Disconnetti player</translation>
    </message>
    <message>
        <source>Kick the selected player</source>
        <translation>Disconnetti il player selezionato</translation>
    </message>
    <message>
        <source>&amp;Stop stream</source>
        <translation>&amp;Ferma flusso</translation>
    </message>
    <message>
        <source>Stop the selected stream</source>
        <translation>Ferma il flusso selezionato</translation>
    </message>
    <message>
        <source>Streams and players</source>
        <translation>Flussi e player</translation>
    </message>
    <message numerus="yes">
        <source>%n stream(s)</source>
        <translation>
            <numerusform>%n flusso</numerusform>
            <numerusform>%n flussi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n player(s)</source>
        <translation>
            <numerusform>%n player</numerusform>
            <numerusform>%n player</numerusform>
        </translation>
    </message>
    <message>
        <source>Kicked %1</source>
        <translation>Disconnesso %1</translation>
    </message>
    <message>
        <source>Cannot kick %1: %2</source>
        <translation>Impossibile disconnettere %1: %2</translation>
    </message>
    <message>
        <source>Stop stream</source>
        <translation>Ferma flusso</translation>
    </message>
    <message>
        <source>Stop %1? Every player watching it is disconnected.</source>
        <translation>Fermare %1? Ogni player che lo guarda viene disconnesso.</translation>
    </message>
    <message>
        <source>Stopped %1</source>
        <translation>Fermato %1</translation>
    </message>
    <message>
        <source>Cannot stop %1: %2</source>
        <translation>Impossibile fermare %1: %2</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Show/Hide AceHub</source>
        <translation>Mostra/Nascondi AceHub</translation>
    </message>
    <message>
        <source>Open the web dashboard</source>
        <translation>Apri la dashboard web</translation>
    </message>
    <message>
        <source>Copy the playlist link</source>
        <translation>Copia il link della playlist</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Esci</translation>
    </message>
    <message>
        <source>AceStream engine down</source>
        <translation>Motore AceStream non raggiungibile</translation>
    </message>
    <message>
        <source>AceHub cannot reach the engine.</source>
        <translation>AceHub non riesce a raggiungere il motore.</translation>
    </message>
    <message>
        <source>AceHub cannot reach the engine: %1</source>
        <translation>AceHub non riesce a raggiungere il motore: %1</translation>
    </message>
    <message>
        <source>AceStream engine back</source>
        <translation>Motore AceStream di nuovo raggiungibile</translation>
    </message>
    <message>
        <source>The engine answers again.</source>
        <translation>Il motore risponde di nuovo.</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Importazione non riuscita</translation>
    </message>
    <message numerus="yes">
        <source>AceHub: %n stream(s)</source>
        <translation>
            <numerusform>AceHub: %n flusso</numerusform>
            <numerusform>AceHub: %n flussi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n player(s)</source>
        <translation>
            <numerusform>%n player</numerusform>
            <numerusform>%n player</numerusform>
        </translation>
    </message>
    <message>
        <source>The AceStream engine is not reachable</source>
        <translation>Il motore AceStream non è raggiungibile</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>User</source>
        <translation>Utente</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Nome utente:</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nome utente</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Genera</translation>
    </message>
    <message>
        <source>Generate a password</source>
        <translation>Genera una password</translation>
    </message>
    <message>
        <source>Max connections:</source>
        <translation>Connessioni massime:</translation>
    </message>
    <message>
        <source>Max connections</source>
        <translation>Connessioni massime</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Scadenza:</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Il</translation>
    </message>
    <message>
        <source>The account expires</source>
        <translation>L&apos;account scade</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>Data di scadenza</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>&amp;Abilitato</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Abilitato</translation>
    </message>
    <message>
        <source>Categories:</source>
        <translation>Categorie:</translation>
    </message>
    <message>
        <source>None ticked: every category.</source>
        <translation>Nessuna spuntata: tutte le categorie.</translation>
    </message>
    <message>
        <source>Allowed categories</source>
        <translation>Categorie consentite</translation>
    </message>
    <message>
        <source>Edit user %1</source>
        <translation>Modifica l&apos;utente %1</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Nuovo utente</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Search users</source>
        <translation>Cerca utenti</translation>
    </message>
    <message>
        <source>Search users (Ctrl+F)</source>
        <translation>Cerca utenti (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;New user…</source>
        <translation>&amp;Nuovo utente…</translation>
    </message>
    <message>
        <source>Create a user</source>
        <translation>Crea un utente</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifica…</translation>
    </message>
    <message>
        <source>Edit the selected user</source>
        <translation>Modifica l&apos;utente selezionato</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Elimina</translation>
    </message>
    <message>
        <source>Delete the selected user</source>
        <translation>Elimina l&apos;utente selezionato</translation>
    </message>
    <message>
        <source>&amp;Copy M3U link</source>
        <translation>&amp;Copia il link M3U</translation>
    </message>
    <message>
        <source>Copy the selected user&apos;s M3U link</source>
        <translation>Copia il link M3U dell&apos;utente selezionato</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utenti</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nome utente</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Attivo</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Scaduto</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabilitato</translation>
    </message>
    <message>
        <source>Watching</source>
        <translation>In visione</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Scade</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Mai</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tutte</translation>
    </message>
    <message>
        <source>Delete user</source>
        <translation>Elimina utente</translation>
    </message>
    <message>
        <source>Delete the user %1? TVs signed in as %1 stop playing.</source>
        <translation>Eliminare l&apos;utente %1? Le TV collegate come %1 smettono di riprodurre.</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>Non eliminato: %1</translation>
    </message>
    <message>
        <source>No link: %1</source>
        <translation>Nessun link: %1</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>Copiato: %1</translation>
    </message>
    <message>
        <source>Saved user %1</source>
        <translation>Utente %1 salvato</translation>
    </message>
</context>
</TS>

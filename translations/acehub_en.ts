<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ApiClient</name>
    <message>
        <source>Not connected to an AceHub</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CategoriesPage</name>
    <message>
        <source>Drag categories (or use Move up/down) to change their order; double-click a name to rename it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the selected category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected category up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected category down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the channels of the selected category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the channels of the selected category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not renamed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the category %1? Its channels stay, without a category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) hidden</source>
        <translation>
            <numerusform>%n channel hidden</numerusform>
            <numerusform>%n channels hidden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) shown</source>
        <translation>
            <numerusform>%n channel shown</numerusform>
            <numerusform>%n channels shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelsModel</name>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(added by hand)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guide id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelsPage</name>
    <message>
        <source>Search channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search name, tvg-name, address (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Availability filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the selected channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the selected channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;category…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the category of the selected channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map &amp;guide…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a guide channel for the selected channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the selected channels with the engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visible and hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visible only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any availability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n channel</numerusform>
            <numerusform>%n channels</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not available: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) hidden</source>
        <translation>
            <numerusform>%n channel hidden</numerusform>
            <numerusform>%n channels hidden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) shown</source>
        <translation>
            <numerusform>%n channel shown</numerusform>
            <numerusform>%n channels shown</numerusform>
        </translation>
    </message>
    <message>
        <source>Set category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category of the selected channels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guide id set to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) queued for a check; the result shows in the Check column</source>
        <translation>
            <numerusform>%n channel queued for a check; the result shows in the Check column</numerusform>
            <numerusform>%n channels queued for a check; the result shows in the Check column</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot check: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n channel(s)? A channel still in its playlist comes back at the next refresh: hide it instead to keep it away.</source>
        <translation>
            <numerusform>Delete %n channel? A channel still in its playlist comes back at the next refresh: hide it instead to keep it away.</numerusform>
            <numerusform>Delete %n channels? A channel still in its playlist comes back at the next refresh: hide it instead to keep it away.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <name>ConnectDialog</name>
    <message>
        <source>Connect to an AceHub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address of the AceHub (for example http://nas.local:6880) and its admin password. The password is not stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address of the AceHub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the address of the AceHub, for example http://nas.local:6880</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Daemon</name>
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
    <message>
        <source>
AceHub admin password (generated on first start):

    %1

It is also kept in %2 (readable by this user only)
until the admin password is changed.
Use it to sign in to the dashboard and the /api routes as user &quot;admin&quot;.
Change it with:  acehub --set-admin-password  (reads the new one from standard input)
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <source>Signed out by %1 (it restarted or the admin password changed): sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AceHub generated this admin password for the web dashboard, the API and other computers&apos; panels. Save it now (a password manager is a good place). Until you confirm, it is kept in %1 and shown again at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have &amp;saved it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind me &amp;later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AceHub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AceHub could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuiFormat</name>
    <message>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Map a guide channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guide channel for &lt;b&gt;%1&lt;/b&gt;:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the guides&apos; channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guide id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guide channels</source>
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
    <name>LogModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogsPage</name>
    <message>
        <source>Level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Least level shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the log (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause the live log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the log to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log files (*.log *.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved %n line(s) to %1</source>
        <translation>
            <numerusform>Saved %n line to %1</numerusform>
            <numerusform>Saved %n lines to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>AceHub</source>
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
        <source>AceHub is still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Players can keep watching. Quit from the tray icon&apos;s menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;This computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;web dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the &amp;playlist link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AceHub — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AceHub on this computer (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to AceHub at %1 is lost. Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No user yet: create one on the Users page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AceStream engine:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streams:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Players:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect a TV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the user the TV signs in as, then type these into the TV&apos;s IPTV app: the Xtream Codes login, or the M3U playlist and guide links.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User for the TV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address to type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy: Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xtream server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Xtream server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy: Xtream server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy: Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy: Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M3U playlist:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M3U playlist link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy: M3U playlist link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guide (XMLTV):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guide link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy: Guide link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked yet %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reachable (version %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reachable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no user: address only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the addresses: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer can also be reached at: %1</source>
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
    <name>SettingName</name>
    <message>
        <source>bind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>http_max_connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>http_max_request_mib</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>http_idle_timeout_s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>engine_host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>engine_port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>engine_scheme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>engine_probe_interval_s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log_level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log_ring_lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log_file_max_kib</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log_file_count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stream_start_timeout_s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stream_linger_s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stream_empty_timeout_s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stream_stall_s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stream_recover_s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stream_keyframe_cache_kib</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client_max_queued_kib</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client_behind_timeout_s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max_engine_sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stat_poll_interval_s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stream_read_chunk_kib</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source_fetch_timeout_s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source_fetch_max_mib</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epg_days_back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epg_days_ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>channel_check_delay_ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>channel_check_timeout_s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>admin_session_hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>admin_login_max_failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>admin_login_window_s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>xtream_timezone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>xtream_same_address_replaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>http_max_connections_per_address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>http_head_timeout_s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>http_max_buffered_mib</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>xtream_login_max_failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>xtream_login_window_s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ace_access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ace_anonymous_sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source_fetch_deadline_s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Address the HTTP server listens on (0.0.0.0: all IPv4 interfaces, :: all).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP port for players, the API and the dashboard (0: any free port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open HTTP connections at most (players and API); one more gets a 503.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest request AceHub accepts (a restore&apos;s JSON, a form), in MiB; larger: 413.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A connection with nothing read or written for this long is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host of the AceStream engine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP port of the AceStream engine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheme used to reach the engine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often the engine&apos;s get_version is polled for /api/health.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Least severe AceHub log level kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log lines kept in memory for the control panel and /api/logs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size at which logs/acehub.log is rotated, in KiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotated log files kept (acehub.log.1 …).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long a player waits for a stream&apos;s first byte (engine prebuffering) before a 504.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long a stream keeps running after its last player left, so zapping back is instant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A running stream that receives no data for this long is ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A running stream that receives no data for this long is re-opened (its players wait).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long a failed stream is re-opened (a new engine session, a new request) before its players are closed (0: never re-opened).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes kept since a stream&apos;s last keyframe, so a joining player starts with a picture, in KiB (0: joiners start at the next packet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes a player may have queued (not yet taken by its connection) before it counts as behind, in KiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A player over the queue cap for this long (or at twice the cap) is dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most AceStream engine sessions at once; a new channel beyond it gets a 503.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often a running stream&apos;s engine stat_url is polled (0: never).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upstream bytes gathered before they are written to players (larger: fewer syscalls per player).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest a playlist or guide download may stall before it is abandoned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest playlist or guide AceHub downloads (and a playlist once decompressed), in MiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days of past programmes kept from each guide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days of future programmes kept from each guide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause between two engine channel checks (bulk checks crash the engine).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest one engine channel check may take.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifetime of an admin session token from /api/login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed admin logins per address within admin_login_window_s before 429.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window over which failed admin logins are counted (and the lockout length).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone of server_info and EPG times for players, e.g. Europe/Rome (empty: the system&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1: a player over its account&apos;s max_connections coming from the address of one of its streams (a reconnect, a zap) replaces that stream instead of being refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open HTTP connections from one client address at most (loopback too); one more gets a 503.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A request head (request line and headers) must arrive whole within this long of its first byte; slower: 408 and closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes of unanswered requests all connections together may hold, in MiB; a request over it gets a 503.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed player logins per address, and per username, within xtream_login_window_s before 429.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window over which failed player logins are counted (and the lockout length).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who may use /ace/getstream and /ace/status without an account: anyone, lan (this machine&apos;s networks and loopback) or none (admin only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine sessions players without an account (/ace/getstream) may have; keep it below max_engine_sessions so Xtream accounts always have some left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest a playlist or guide download may take in all, however steadily it trickles in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert the unsaved settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply the changed settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current admin password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New admin password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the new admin password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the admin password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A backup holds the settings, categories, sources, channels and users (not the guide, which its sources bring back).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up to a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;estore from a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AceStream engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Players</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(after a restart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(set by the %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a whole number is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between %1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an address is needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart AceHub to apply: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new password needs at least 8 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two new passwords differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin password changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up AceHub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AceHub backups (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore AceHub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the settings, categories, sources, channels and users with the ones in %1? What is there now is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourcesPage</name>
    <message>
        <source>Kind of source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playlists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playlist sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guides (EPG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guide sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;URL…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a source by URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a source from a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the selected source now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On demand</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Every %n day(s)</source>
        <translation>
            <numerusform>Every %n day</numerusform>
            <numerusform>Every %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every %n hour(s)</source>
        <translation>
            <numerusform>Every %n hour</numerusform>
            <numerusform>Every %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every %n minute(s)</source>
        <translation>
            <numerusform>Every %n minute</numerusform>
            <numerusform>Every %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot refresh: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the guide source %1? Its programmes go with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the playlist source %1? Its channels stay, marked inactive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to change (in minutes; 0: on demand only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 imported, %3 skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never refreshed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a guide source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a playlist source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh interval in hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a guide file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a playlist file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guides (*.xml *.xmltv *.gz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playlists (*.m3u *.m3u8 *.gz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1; importing it now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending %1: %p%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StreamManager</name>
    <message>
        <source>Too many streams: the limit of %1 engine sessions is reached (setting max_engine_sessions).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many streams: players without an account may start %1 (setting ace_anonymous_sessions).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StreamsModel</name>
    <message numerus="yes">
        <source>%n player(s)</source>
        <translation>
            <numerusform>%n player</numerusform>
            <numerusform>%n players</numerusform>
        </translation>
    </message>
    <message>
        <source>↓ %1  ↑ %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(anonymous)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel / player</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine speeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User agent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StreamsPage</name>
    <message>
        <source>Search streams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search channels, players, users (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kick player</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kick the selected player</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the selected stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streams and players</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n stream(s)</source>
        <translation>
            <numerusform>%n stream</numerusform>
            <numerusform>%n streams</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n player(s)</source>
        <translation>
            <numerusform>%n player</numerusform>
            <numerusform>%n players</numerusform>
        </translation>
    </message>
    <message>
        <source>Kicked %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot kick %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop %1? Every player watching it is disconnected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot stop %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Show/Hide AceHub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the web dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the playlist link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AceStream engine down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AceHub cannot reach the engine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AceHub cannot reach the engine: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AceStream engine back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine answers again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>AceHub: %n stream(s)</source>
        <translation>
            <numerusform>AceHub: %n stream</numerusform>
            <numerusform>AceHub: %n streams</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n player(s)</source>
        <translation>
            <numerusform>%n player</numerusform>
            <numerusform>%n players</numerusform>
        </translation>
    </message>
    <message>
        <source>The AceStream engine is not reachable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max connections:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None ticked: every category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit user %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New user</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Search users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search users (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy M3U link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected user&apos;s M3U link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the user %1? TVs signed in as %1 stop playing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No link: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved user %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

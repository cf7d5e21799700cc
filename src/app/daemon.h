#pragma once

class QString;
struct AppOptions;

// Headless mode: the Server on the main thread until SIGTERM/SIGINT; returns the exit code.
int runDaemon(const AppOptions &options);

// acehub --set-admin-password: reads the password from standard input and stores its hash.
int runSetAdminPassword(const AppOptions &options);

// Prints the admin password generated on first start, the file that keeps it (keptIn) and how
// to change it.
void printGeneratedAdminPassword(const QString &password, const QString &keptIn);

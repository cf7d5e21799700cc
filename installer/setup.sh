#!/usr/bin/env bash
# AceHub set-up in one command: installs what is missing from Debian's packages (apt-get, with
# sudo when not root), configures with CMake, builds, then runs AceHub or its tests.
# A second run only rebuilds what changed.
#
#   installer/setup.sh run [acehub options]   build, then run the daemon with its defaults
#   installer/setup.sh test [ctest options]   build, then run the whole test suite
#   installer/setup.sh build                  build only
#   installer/setup.sh headless               build the NAS variant (no Qt Widgets) and check it
#   installer/setup.sh deps                   install the Debian packages only
#   installer/setup.sh package                build the .deb packages acehub and acehub-nox, check them
#   installer/setup.sh package-test [suites]  install, run, remove, purge them in fresh Debian roots
#   installer/setup.sh trixie-test            build and run the test suite in a Debian 13 root
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${ACEHUB_BUILD_DIR:-$ROOT/build}
HEADLESS_DIR=${ACEHUB_HEADLESS_BUILD_DIR:-$ROOT/build-headless}

PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev libqt6sql6-sqlite
    qt6-websockets-dev # bookworm's qt6-httpserver-dev CMake config needs it but does not depend on it
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev zlib1g-dev
    ffmpeg # ffprobe checks what AceHub serves; ffmpeg makes the test stream
)

# The web dashboard's browser tests: Debian's Chromium, and Node.js with npm (which brings
# playwright-core and axe-core; no browser is downloaded). A Node.js that has npm is kept.
PACKAGES+=(chromium)
command -v npm >/dev/null || PACKAGES+=(nodejs npm)

log() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }

install_deps() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { log "need root or sudo to install: ${missing[*]}"; exit 1; }
        sudo=(sudo)
    fi
    log "installing ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

configure_and_build() { # dir, extra cmake args...
    local dir=$1
    shift
    if [ ! -f "$dir/build.ninja" ]; then
        log "configuring in $dir"
        cmake -S "$ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
    fi
    log "building in $dir"
    cmake --build "$dir" --parallel "$(nproc)"
}

cmd=${1:-run}
[ $# -gt 0 ] && shift
case "$cmd" in
deps)
    install_deps
    ;;
build)
    install_deps
    configure_and_build "$BUILD_DIR"
    ;;
run)
    install_deps
    configure_and_build "$BUILD_DIR"
    log "starting AceHub (daemon; stop it with Ctrl+C)"
    exec "$BUILD_DIR/src/app/acehub" --daemon "$@"
    ;;
test)
    install_deps
    configure_and_build "$BUILD_DIR"
    cd "$BUILD_DIR"
    exec ctest --output-on-failure --parallel "$(nproc)" "$@"
    ;;
headless)
    install_deps
    configure_and_build "$HEADLESS_DIR" -DACEHUB_GUI=OFF -DACEHUB_TESTS=OFF
    if ldd "$HEADLESS_DIR/src/app/acehub" | grep -E 'libQt6(Widgets|Gui)'; then
        log "the headless build links Qt Widgets or Gui"
        exit 1
    fi
    log "headless build OK: $HEADLESS_DIR/src/app/acehub links no Qt Widgets or Gui"
    ;;
package | package-test | trixie-test)
    exec "$ROOT/installer/packaging.sh" "$cmd" "$@" # Debian packages and roots (root for the last two)
    ;;
*)
    sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac

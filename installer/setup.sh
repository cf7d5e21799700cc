#!/usr/bin/env bash
# AceHub set-up in one command: installs what is missing from Debian's packages (apt-get, with
# sudo when not root), configures with CMake, builds, then runs AceHub or its tests.
# A second run only rebuilds what changed.
#
#   installer/setup.sh run [acehub options]   build, then run the daemon with its defaults
#   installer/setup.sh test [ctest options]   build, then run the whole test suite
#   installer/setup.sh build                  build only
#   installer/setup.sh headless               build the NAS variant (no Qt Widgets) and check it
#   installer/setup.sh sanitize [ctest opts]  build the whole suite with ASan+UBSan, run it
#   installer/setup.sh fuzz [seconds]         build the libFuzzer harnesses (clang), run each
#   installer/setup.sh deps                   install the Debian packages only
#   installer/setup.sh package                build the .deb packages acehub and acehub-nox, check them
#   installer/setup.sh package-test [suites]  install, run, remove, purge them in fresh Debian roots
#   installer/setup.sh trixie-test            build and run the test suite in a Debian 13 root
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${ACEHUB_BUILD_DIR:-$ROOT/build}
HEADLESS_DIR=${ACEHUB_HEADLESS_BUILD_DIR:-$ROOT/build-headless}
SANITIZE_DIR=${ACEHUB_SANITIZE_BUILD_DIR:-$ROOT/build-sanitize}
FUZZ_DIR=${ACEHUB_FUZZ_BUILD_DIR:-$ROOT/build-fuzz}

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

# Only for `setup.sh fuzz`: libFuzzer comes with clang's runtime libraries.
FUZZ_PACKAGES=(clang libclang-rt-14-dev)

log() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }

install_deps() { # extra packages...
    local missing=()
    for p in "${PACKAGES[@]}" "$@"; do
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
sanitize)
    # The whole suite with AddressSanitizer and UndefinedBehaviorSanitizer, in its own build
    # directory. Any report fails the test that triggered it.
    # -O1 -g1: about as fast to run as -O2 and cheaper to build; line tables are all a report's
    # stack needs. ccache, when installed, keeps a second run's build short.
    install_deps
    launcher=()
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    configure_and_build "$SANITIZE_DIR" "${launcher[@]}" \
        "-DCMAKE_CXX_FLAGS=-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
        "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG" -DACEHUB_TEST_TIMEOUT=900
    cd "$SANITIZE_DIR"
    # Leak reports are off: Qt's plugin and thread-local caches live until exit by design.
    export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:strict_string_checks=1
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    # Qt Test's own limit per test function (300 s) is too short for the big-import cases here.
    export QTEST_FUNCTION_TIMEOUT=900000
    exec ctest --output-on-failure --parallel "$(nproc)" --timeout 900 "$@"
    ;;
fuzz)
    # Each libFuzzer harness (tests/fuzz) for a bounded time, from its committed seeds; a crash
    # fails, and its input is left in $FUZZ_DIR/crashes to be added to tests/fuzz/regressions.
    seconds=${1:-30}
    install_deps "${FUZZ_PACKAGES[@]}"
    CC=clang CXX=clang++ configure_and_build "$FUZZ_DIR" -DACEHUB_FUZZ=ON -DACEHUB_GUI=OFF \
        -DACEHUB_TESTS=OFF -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++
    mkdir -p "$FUZZ_DIR/crashes"
    failed=()
    for seeds in "$ROOT"/tests/fuzz/corpus/*/; do
        name=$(basename "$seeds")
        work="$FUZZ_DIR/corpus/$name"
        mkdir -p "$work"
        log "fuzzing $name for ${seconds} s"
        if ! ASAN_OPTIONS=detect_leaks=0 "$FUZZ_DIR/tests/fuzz/fuzz_$name" -max_total_time="$seconds" \
            -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
            -artifact_prefix="$FUZZ_DIR/crashes/$name-" "$work" "$seeds" 2>"$FUZZ_DIR/fuzz_$name.log"; then
            tail -n 40 "$FUZZ_DIR/fuzz_$name.log" >&2
            failed+=("$name")
        else
            grep -E '^stat::number_of_executed_units' "$FUZZ_DIR/fuzz_$name.log" | sed "s/^/  $name: /" >&2 || true
        fi
    done
    if [ ${#failed[@]} -gt 0 ]; then
        log "fuzzers that crashed: ${failed[*]} (inputs in $FUZZ_DIR/crashes: add each to tests/fuzz/regressions/<target>/ with its fix)"
        exit 1
    fi
    log "fuzzing OK: no crash in ${seconds} s per target"
    ;;
package | package-test | trixie-test)
    exec "$ROOT/installer/packaging.sh" "$cmd" "$@" # Debian packages and roots (root for the last two)
    ;;
*)
    sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac

#!/usr/bin/env bash
# Debian packages and Debian roots; installer/setup.sh runs this for its commands
#   package        build acehub and acehub-nox (.deb) for the Debian release this runs on,
#                  then check them: lintian, desktop-file-validate, appstreamcli, systemd-analyze
#   package-test   build the packages for Debian 12 (here) and 13 (in the Debian 13 root), then
#                  in a fresh minbase root of each: install with apt, run the daemon as the user
#                  acehub, /api/health, remove (data kept), purge (nothing left)
#   trixie-test    build and run the test suite in a Debian 13 minbase root, set up by setup.sh
#
# Roots (debootstrap --variant=minbase) and packages live under ACEHUB_DEBIAN_DIR (default
# build-debian/; CI points it at a directory kept between runs). Pristine roots, the Debian 13
# build root, downloaded packages and its ccache are kept between runs; a package test works on a
# fresh copy. /proc, /sys and /dev are bound into a root only while it is in use and always
# unbound on exit (trap), and mounts a killed run left are unbound before a root is used or
# removed. Run as root (or through sudo, asked for when needed).
set -euo pipefail
shopt -s inherit_errexit # a failure inside $(...) fails the caller too (root=$(trixie_root))

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${ACEHUB_DEBIAN_DIR:-$ROOT/build-debian}
MIRROR=${ACEHUB_DEBIAN_MIRROR:-http://deb.debian.org/debian}
PACKAGE_TOOLS=(debhelper dpkg-dev lintian appstream desktop-file-utils systemd ccache curl)

log() { printf '\033[1mpackaging:\033[0m %s\n' "$*" >&2; }
die() {
    log "FAILED: $*"
    exit 1
}

# Prints how long each step took (CI keeps an eye on its 90 minutes). A failing step ends the
# script (set -e; the EXIT trap unbinds): timed is never called as `timed ... || handler`, because
# bash ignores set -e inside a function called that way, and a multi-step function (trixie_test)
# would then go on after a failed step and return the status of its last command.
timed() { # label, command...
    local label=$1 start=$SECONDS
    shift
    log "$label ..."
    "$@"
    log "$label took $((SECONDS - start)) s"
}

# Runs one command (not a function of several steps) with its output appended to a log; on
# failure shows the log's tail and dies.
logged() { # log file, what (for the message), command...
    local file=$1 what=$2
    shift 2
    "$@" >>"$file" 2>&1 || {
        tail -30 "$file" >&2
        die "$what (log: $file)"
    }
}

apt_install() { # packages... (only the missing ones)
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# debootstrap, chroot and mounts need root: asks sudo for it when there is one.
need_root() { # command, its arguments...
    [ "$(id -u)" -eq 0 ] && return 0
    command -v sudo >/dev/null || die "$1 needs root (debootstrap, chroot, mounts)"
    log "$1 needs root: running it through sudo"
    exec sudo --preserve-env=ACEHUB_DEBIAN_DIR,ACEHUB_DEBIAN_MIRROR "${BASH_SOURCE[0]}" "$@"
}

# ---- roots ------------------------------------------------------------------------------------

MOUNTS=()
unbind_all() {
    local i
    for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do
        umount "${MOUNTS[i]}" 2>/dev/null || umount -l "${MOUNTS[i]}" 2>/dev/null || true
    done
    MOUNTS=()
}
PIDS=()
stop_started() {
    local pid
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    PIDS=()
}
cleanup() {
    stop_started
    unbind_all
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

bind() { # source, target
    mkdir -p "$2"
    mount --bind "$1" "$2"
    MOUNTS+=("$2")
    # Private: on a host whose / is shared (systemd), a mount below it (dev/pts under dev) would
    # otherwise propagate back into the host's own tree.
    mount --make-private "$2" 2>/dev/null || true
}

# Unbinds whatever is still mounted under a root: a run killed outright (SIGKILL, a crash, a
# debootstrap cut short) leaves its mounts, and removing the root would then reach the host's
# /dev and /proc.
unbind_stale() { # root
    local dir mount
    dir=$(realpath -m "$1")
    awk -v d="$dir/" 'index($5 "/", d) == 1 { print $5 }' /proc/self/mountinfo | sort -r |
        while read -r mount; do
            log "unbinding $mount (left by an earlier run)"
            umount "$mount" 2>/dev/null || umount -l "$mount"
        done
}

remove_root() { # root
    unbind_stale "$1"
    rm -rf --one-file-system "$1"
}

bind_system() { # root
    local d
    unbind_stale "$1"
    for d in proc sys dev dev/pts dev/shm; do bind "/$d" "$1/$d"; done
    rm -f "$1/etc/resolv.conf"
    cp -L /etc/resolv.conf "$1/etc/resolv.conf"
}

debootstrap_into() { # suite, dir
    local log=$WORK/debootstrap-$1.log
    : >"$log"
    debootstrap --variant=minbase "$1" "$2" "$MIRROR" >>"$log" 2>&1 || {
        tail -20 "$log" >&2
        remove_root "$2"
        die "debootstrap $1 from $MIRROR (log: $log)"
    }
}

# A minbase root of a release, made once and kept: $WORK/<suite>-minbase.
pristine_root() { # suite
    local dir=$WORK/$1-minbase
    if [ ! -f "$dir/etc/os-release" ]; then
        apt_install debootstrap
        remove_root "$dir.tmp"
        mkdir -p "$WORK"
        timed "debootstrap --variant=minbase $1" debootstrap_into "$1" "$dir.tmp"
        mv "$dir.tmp" "$dir"
    fi
    echo "$dir"
}

# The Debian 13 build root: a copy of the pristine root, kept with its packages and build dir.
trixie_root() {
    local dir=$WORK/trixie-dev
    if [ ! -f "$dir/etc/os-release" ]; then
        local pristine
        pristine=$(pristine_root trixie)
        remove_root "$dir.tmp"
        cp -a "$pristine" "$dir.tmp"
        mv "$dir.tmp" "$dir"
    fi
    echo "$dir"
}

# Runs a command in the root with the source tree at /src.
in_root() { # root, command...
    local root=$1
    shift
    chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 TERM=dumb "$@"
}

# ---- package ----------------------------------------------------------------------------------

release_id() { . /etc/os-release && echo "${VERSION_ID:-unstable}"; }
release_codename() { . /etc/os-release && echo "${VERSION_CODENAME:-sid}"; }
project_version() { sed -n 's/^project(AceHub VERSION \([0-9.]*\).*/\1/p' "$ROOT/CMakeLists.txt"; }

# Builds the two packages for the release this runs on into $WORK/packages/<codename>/.
build_packages() {
    "$ROOT/installer/setup.sh" deps
    apt_install "${PACKAGE_TOOLS[@]}"
    local codename version stage out
    codename=$(release_codename)
    version="$(project_version)+deb$(release_id)"
    stage=$WORK/stage-$codename/acehub-$version
    out=$WORK/packages/$codename
    mkdir -p "$stage" "$out"
    # The tree as git sees it (committed or not, ignored files left out) plus installer/debian.
    (cd "$ROOT" && git ls-files -z --cached --others --exclude-standard) |
        (cd "$ROOT" && tar --null -T - -cf -) | tar -C "$stage" -xf -
    rm -rf "$stage/debian"
    cp -a "$ROOT/installer/debian" "$stage/debian"
    sed -i "1s/^acehub ([^)]*) [a-z]*;/acehub ($version) $codename;/" "$stage/debian/changelog"
    local extra=""
    command -v ccache >/dev/null && extra="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
    # --no-pre-clean keeps the two CMake build dirs between runs (ccache does the rest).
    (cd "$stage" && ACEHUB_CMAKE_EXTRA="$extra" dpkg-buildpackage -b -us -uc --no-pre-clean \
        >"$WORK/dpkg-buildpackage-$codename.log" 2>&1) ||
        {
            tail -40 "$WORK/dpkg-buildpackage-$codename.log"
            die "dpkg-buildpackage (log: $WORK/dpkg-buildpackage-$codename.log)"
        }
    rm -f "$out"/*.deb "$out"/*.ddeb
    mv "$stage"/../acehub*_"${version}"_*.deb "$out"/
    mv "$stage"/../acehub*_"${version}"_*.ddeb "$out"/ 2>/dev/null || true
    mv "$stage"/../acehub_"${version}"_*.changes "$stage"/../acehub_"${version}"_*.buildinfo "$out"/ 2>/dev/null || true
    log "packages for $codename:"
    ls -1 "$out"/*.deb >&2
}

check_packages() { # codename
    local out=$WORK/packages/$1 tmp
    tmp=$(mktemp -d)
    log "lintian (errors fail; each remaining warning is explained in docs/packaging.md)"
    lintian --fail-on error \
        --tag-display-limit 0 "$out"/acehub_*.deb "$out"/acehub-nox_*.deb
    dpkg-deb -x "$out"/acehub_*.deb "$tmp/gui"
    dpkg-deb -x "$out"/acehub-nox_*.deb "$tmp/nox"
    desktop-file-validate "$tmp"/gui/usr/share/applications/*.desktop
    log "desktop-file-validate: clean"
    appstreamcli validate --no-net "$tmp"/gui/usr/share/metainfo/*.metainfo.xml
    local unit
    unit=$(find "$tmp/nox" -name acehub.service | head -1)
    [ -n "$unit" ] || die "acehub-nox has no acehub.service"
    grep -q '^ExecStart=/usr/bin/acehub-nox ' "$unit" || die "ExecStart is not /usr/bin/acehub-nox"
    systemd-analyze security --offline=yes --threshold=20 "$unit" | tail -1
    rm -rf "$tmp"
}

# ---- package test -----------------------------------------------------------------------------

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Everything in a root but the places apt, dpkg and logs write to.
list_files() { # root
    (cd "$1" && find . -xdev \( -path ./proc -o -path ./sys -o -path ./dev -o -path ./run -o -path ./tmp \
        -o -path ./var/lib/apt -o -path ./var/lib/dpkg -o -path ./var/cache -o -path ./var/log \
        -o -path ./var/tmp -o -path ./var/lib/systemd/deb-systemd-helper-enabled \
        -o -path ./var/lib/systemd/deb-systemd-helper-masked \) -prune -o -print | LC_ALL=C sort)
}

test_packages_in() { # suite (the packages are $WORK/packages/<suite>)
    local suite=$1 debs=$WORK/packages/$1 root
    ls "$debs"/acehub-nox_*.deb "$debs"/acehub_*.deb >/dev/null || die "no packages for $suite in $debs"
    root=$WORK/test-$suite
    remove_root "$root"
    local pristine
    pristine=$(pristine_root "$suite") # an assignment, so that its failure fails here
    timed "fresh $suite root" cp -a "$pristine" "$root"
    bind_system "$root"
    # Downloaded packages are kept between runs (the root itself is fresh each time).
    mkdir -p "$WORK/apt-archives-$suite/partial"
    bind "$WORK/apt-archives-$suite" "$root/var/cache/apt/archives"
    mkdir -p "$root/tmp/debs"
    cp "$debs"/acehub-nox_*.deb "$debs"/acehub_*.deb "$root/tmp/debs/"
    local files=() depends=()
    for f in "$root"/tmp/debs/*.deb; do
        files+=("/tmp/debs/${f##*/}")
        depends+=("$(dpkg-deb -f "$f" Depends)")
        [ -z "$(dpkg-deb -f "$f" Recommends)" ] || depends+=("$(dpkg-deb -f "$f" Recommends)")
    done
    in_root "$root" apt-get update -qq
    # The dependencies first, so that the root's file list taken next differs from the one
    # after the purge only by what AceHub's packages left.
    : >"$WORK/install-$suite.log"
    timed "apt satisfy the dependencies ($suite)" logged "$WORK/install-$suite.log" "apt satisfy on $suite" \
        in_root "$root" env DEBIAN_FRONTEND=noninteractive apt-get satisfy -y -qq "$(IFS=,; echo "${depends[*]}")"
    list_files "$root" >"$WORK/files-before-$suite"
    timed "apt install acehub acehub-nox ($suite)" logged "$WORK/install-$suite.log" "apt install on $suite" \
        in_root "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${files[@]}"
    grep -A5 'AceHub (acehub-nox) runs' "$WORK/install-$suite.log" >&2 ||
        die "postinst did not say where the admin password is"
    rm -rf "$root/tmp/debs"
    in_root "$root" getent passwd acehub >/dev/null || die "no user acehub"
    [ "$(in_root "$root" stat -c %U /var/lib/acehub)" = acehub ] || die "/var/lib/acehub is not acehub's"

    # No systemd in a chroot: run the unit's ExecStart as its User, with its port moved aside.
    local unit execstart port pid
    unit=$(in_root "$root" sh -c 'ls /usr/lib/systemd/system/acehub.service /lib/systemd/system/acehub.service 2>/dev/null | head -1')
    execstart=$(sed -n 's/^ExecStart=//p' "$root$unit")
    port=$(free_port)
    log "starting '$execstart' as acehub on port $port"
    chroot "$root" env -i PATH=/usr/sbin:/usr/bin HOME=/var/lib/acehub LANG=C.UTF-8 ACEHUB_PORT="$port" \
        setpriv --reuid=acehub --regid=acehub --init-groups $execstart >"$WORK/daemon-$suite.log" 2>&1 &
    pid=$!
    PIDS+=("$pid")
    local answer="" i
    for i in $(seq 1 100); do
        answer=$(curl -fsS "http://127.0.0.1:$port/api/health" 2>/dev/null) && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.2
    done
    [ -n "$answer" ] || {
        cat "$WORK/daemon-$suite.log"
        die "/api/health did not answer on $suite"
    }
    log "/api/health on $suite: $answer"
    grep -q 'admin password' "$WORK/daemon-$suite.log" || die "no generated admin password printed"
    kill "$pid"
    wait "$pid" || die "the daemon did not stop cleanly on SIGTERM"
    PIDS=()
    [ -f "$root/var/lib/acehub/acehub.sqlite" ] || die "no database in /var/lib/acehub"
    [ -z "$(in_root "$root" find /var/lib/acehub ! -user acehub)" ] || die "files in /var/lib/acehub not acehub's"
    in_root "$root" acehub --version

    in_root "$root" env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq acehub acehub-nox >/dev/null
    [ -f "$root/var/lib/acehub/acehub.sqlite" ] || die "remove deleted the data"
    log "remove kept /var/lib/acehub"
    # Removed, acehub is gone from dpkg's view (no conffiles, no postrm); acehub-nox is left
    # "config-files" for its purge, which apt cannot find any more: dpkg does it.
    in_root "$root" dpkg --purge acehub-nox >/dev/null
    [ -z "$(in_root "$root" dpkg-query -W -f='${Package}\n' 'acehub*' 2>/dev/null)" ] ||
        die "dpkg still knows an acehub package"
    [ ! -e "$root/var/lib/acehub" ] || die "purge left /var/lib/acehub"
    ! in_root "$root" getent passwd acehub >/dev/null || die "purge left the user acehub"
    ! in_root "$root" getent group acehub >/dev/null || die "purge left the group acehub"
    # adduser and deluser leave shadow's backup copies /etc/shadow- and /etc/gshadow- behind.
    list_files "$root" | grep -vxE '\./etc/g?shadow-' >"$WORK/files-after-$suite"
    grep -vxE '\./etc/g?shadow-' "$WORK/files-before-$suite" >"$WORK/files-before-$suite.tmp"
    mv "$WORK/files-before-$suite.tmp" "$WORK/files-before-$suite"
    if ! diff -u "$WORK/files-before-$suite" "$WORK/files-after-$suite" >"$WORK/files-diff-$suite"; then
        cat "$WORK/files-diff-$suite" >&2
        die "purge left files behind on $suite"
    fi
    log "purge left nothing on $suite"
    unbind_all
    remove_root "$root"
}

# ---- Debian 13 -------------------------------------------------------------------------------

# Runs installer/setup.sh <args> inside the Debian 13 root, on this tree (bound at /src); the
# build dir stays inside the root between runs.
setup_in_trixie() { # setup.sh args...
    local root gitdir
    root=$(trixie_root)
    bind_system "$root"
    bind "$ROOT" "$root/src"
    # The package is made of the files git lists. A git worktree's .git names its repository by
    # an absolute path outside the tree: bound at the same path, git in the root finds it.
    gitdir=$(git -C "$ROOT" rev-parse --path-format=absolute --git-common-dir 2>/dev/null || true)
    if [ -n "$gitdir" ] && [[ "$gitdir/" != "$ROOT"/* ]]; then
        bind "$gitdir" "$root$gitdir"
    fi
    in_root "$root" env ACEHUB_BUILD_DIR=/var/tmp/acehub-build ACEHUB_DEBIAN_DIR=/var/tmp/acehub-debian \
        /src/installer/setup.sh "$@"
    unbind_all
}

# The test suite in the Debian 13 root, each step timed: packages (setup.sh deps), build, ctest.
# Downloaded packages ($WORK/apt-archives-trixie) and compiler output ($WORK/ccache-trixie) are
# kept outside the root, so that a root made again, or a build dir on a fresh clone, is quick.
trixie_test() { # ctest options...
    local root
    root=$(trixie_root)
    bind_system "$root"
    bind "$ROOT" "$root/src"
    mkdir -p "$WORK/apt-archives-trixie/partial" "$WORK/ccache-trixie"
    bind "$WORK/apt-archives-trixie" "$root/var/cache/apt/archives"
    bind "$WORK/ccache-trixie" "$root/var/cache/acehub-ccache"
    # CMake (3.17+) takes the launcher from the environment when it configures a build dir.
    local setup=(env ACEHUB_BUILD_DIR=/var/tmp/acehub-build CMAKE_CXX_COMPILER_LAUNCHER=ccache
        CCACHE_DIR=/var/cache/acehub-ccache CCACHE_MAXSIZE=4G /src/installer/setup.sh)
    timed "Debian 13: setup.sh deps" in_root "$root" "${setup[@]}" deps
    if ! in_root "$root" dpkg-query -W -f='${Status}' ccache 2>/dev/null | grep -q "ok installed"; then
        in_root "$root" apt-get update -qq
        in_root "$root" env DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -qq --no-install-recommends ccache >/dev/null
    fi
    timed "Debian 13: setup.sh build" in_root "$root" "${setup[@]}" build
    timed "Debian 13: setup.sh test" in_root "$root" "${setup[@]}" test "$@"
    in_root "$root" env CCACHE_DIR=/var/cache/acehub-ccache ccache --show-stats 2>/dev/null |
        grep -E '^ *(Hits|Misses)' >&2 || true
    unbind_all
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
package)
    timed "package ($(release_codename))" build_packages
    check_packages "$(release_codename)"
    ;;
package-test)
    need_root package-test "$@"
    suites=("$@")
    [ ${#suites[@]} -gt 0 ] || suites=(bookworm trixie)
    for suite in "${suites[@]}"; do
        if [ "$suite" = "$(release_codename)" ]; then
            timed "package ($suite)" build_packages
        elif [ "$suite" = trixie ]; then
            timed "package (trixie, in the Debian 13 root)" setup_in_trixie package
            mkdir -p "$WORK/packages/trixie"
            rm -f "$WORK/packages/trixie"/*.deb
            cp "$(trixie_root)"/var/tmp/acehub-debian/packages/trixie/*.deb "$WORK/packages/trixie/"
        else
            die "no way to build packages for $suite here"
        fi
        test_packages_in "$suite"
    done
    log "package test passed: ${suites[*]}"
    ;;
trixie-test)
    need_root trixie-test "$@"
    timed "Debian 13 root" trixie_root >/dev/null
    timed "Debian 13 test suite" trixie_test "$@"
    ;;
*)
    sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac

#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image (Ubuntu or Debian): it installs a
# JDK 21 or newer (the grader compiles submissions with it, so a JRE is not enough) and Maven, unless they are
# already there, then makes the test JVM's start-up cache in the autograder's own folder, which every run finds.
# A JDK comes from the image's apt lists (openjdk-25, else openjdk-21) or, when they have neither (Debian 12),
# from Adoptium's signed apt repository (temurin-25-jdk); if that fails too, it stops with the exact steps.
# run_autograder finds the JDK by itself.
#
# Environment (all optional; tests use them): AUTOGRADER_ROOT (default: the folder above this script's),
# AUTOGRADER_JAVA and AUTOGRADER_JVM_DIRS (as run_autograder), SETUP_APT_DIR (default /etc/apt),
# SETUP_OS_RELEASE (default /etc/os-release).
set -euo pipefail

java_major() {
    "$1" -version 2>&1 | sed -n 's/.* version "\([0-9][0-9]*\)[."].*/\1/p' | head -n 1
}

# Same search as run_autograder's: a java 21+ with javac beside it.
find_java() {
    local c m d
    local candidates=()
    [ -n "${AUTOGRADER_JAVA:-}" ] && candidates+=("$AUTOGRADER_JAVA")
    [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
    c="$(command -v java 2>/dev/null || true)"
    [ -n "$c" ] && candidates+=("$c")
    for d in ${AUTOGRADER_JVM_DIRS:-/usr/lib/jvm}; do
        candidates+=("$d"/*/bin/java)
    done
    for c in "${candidates[@]}"; do
        [ -x "$c" ] || continue
        c="$(readlink -f "$c")"
        m="$(java_major "$c" || true)"
        if [ -n "$m" ] && [ "$m" -ge 21 ] && [ -x "$(dirname "$c")/javac" ]; then
            printf '%s\n' "$c"
            return 0
        fi
    done
    return 1
}

updated=no
apt_install() {
    if [ "$updated" = no ]; then
        apt-get update
        updated=yes
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}

APT_DIR="${SETUP_APT_DIR:-/etc/apt}"
OS_RELEASE="${SETUP_OS_RELEASE:-/etc/os-release}"
ADOPTIUM_KEY_URL="https://packages.adoptium.net/artifactory/api/gpg/key/public"
ADOPTIUM_DEB_URL="https://packages.adoptium.net/artifactory/deb"

# Adoptium's apt repository, as adoptium.net documents it for Debian and Ubuntu: its key, a sources entry for
# this release's codename that only that key may sign, then temurin-25-jdk. apt checks every package's signature.
install_temurin() {
    local codename
    codename="$(sed -n 's/^VERSION_CODENAME=//p' "$OS_RELEASE" 2>/dev/null | tr -d '"' | head -n 1)"
    [ -n "$codename" ] || { echo "setup.sh: no VERSION_CODENAME in $OS_RELEASE" >&2; return 1; }
    apt_install ca-certificates curl gpg || return 1
    mkdir -p "$APT_DIR/keyrings" "$APT_DIR/sources.list.d" || return 1
    curl -fsSL "$ADOPTIUM_KEY_URL" | gpg --dearmor --yes -o "$APT_DIR/keyrings/adoptium.gpg" || return 1
    echo "deb [signed-by=$APT_DIR/keyrings/adoptium.gpg] $ADOPTIUM_DEB_URL $codename main" >"$APT_DIR/sources.list.d/adoptium.list" || return 1
    apt-get update || return 1
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends temurin-25-jdk
}

if java="$(find_java)"; then
    echo "JDK found: $java"
else
    for v in 25 21; do
        if [ "$updated" = no ]; then
            apt-get update
            updated=yes
        fi
        if apt-cache show "openjdk-$v-jdk-headless" >/dev/null 2>&1; then
            apt_install "openjdk-$v-jdk-headless"
            break
        fi
    done
    if ! java="$(find_java)"; then
        echo "setup.sh: this image's apt lists have no openjdk-25 or openjdk-21; installing temurin-25-jdk from Adoptium's apt repository"
        install_temurin || true
    fi
    java="$(find_java)" || {
        cat >&2 <<STEPS
setup.sh: no JDK 21 or newer could be installed: this image's apt lists have neither openjdk-25-jdk-headless nor
openjdk-21-jdk-headless, and Adoptium's apt repository could not be used (see the messages above). Either choose
a base image whose apt has one (Gradescope's Ubuntu 22.04 or 24.04 images), or install Temurin 25 by hand at the
top of this setup.sh and upload the zip again:

  apt-get update && apt-get install -y ca-certificates curl gpg
  mkdir -p /etc/apt/keyrings
  curl -fsSL $ADOPTIUM_KEY_URL | gpg --dearmor -o /etc/apt/keyrings/adoptium.gpg
  echo "deb [signed-by=/etc/apt/keyrings/adoptium.gpg] $ADOPTIUM_DEB_URL \$(. /etc/os-release && echo \$VERSION_CODENAME) main" > /etc/apt/sources.list.d/adoptium.list
  apt-get update && apt-get install -y temurin-25-jdk

or unpack any JDK 21+ under /usr/lib/jvm (run_autograder looks there), or set AUTOGRADER_JAVA to its bin/java.
STEPS
        exit 1
    }
    echo "JDK installed: $java"
fi

if command -v mvn >/dev/null 2>&1; then
    echo "Maven found: $(command -v mvn)"
else
    apt_install maven
fi

# The test JVM's start-up cache (the agent's transformed JDK classes and a class-data archive), made here
# once so that no submission pays for making it. Grading works without it. It goes under the autograder's own
# folder, which the image keeps into every run (/tmp may not be kept); run_autograder points the grader there.
source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="${AUTOGRADER_ROOT:-$(dirname "$source_dir")}"
grader_tmp="$root/grader-tmp"
mkdir -p "$grader_tmp" && chmod 700 "$grader_tmp"
"$java" -Djava.io.tmpdir="$grader_tmp" -jar "$source_dir/grader.jar" startup-cache \
    || echo "setup.sh: no start-up cache; each grading starts its test JVM without it"

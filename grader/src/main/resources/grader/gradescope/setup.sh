#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image (Ubuntu): it installs a
# JDK 21 or newer (the grader compiles submissions with it, so a JRE is not enough) and Maven, with
# apt, unless they are already there. run_autograder finds the JDK by itself.
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
    java="$(find_java)" || {
        echo "setup.sh: no JDK 21 or newer could be installed with apt (tried openjdk-25 and openjdk-21);" \
            "use a newer Gradescope base image or install one under /usr/lib/jvm" >&2
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
# once so that no submission pays for making it. Grading works without it.
source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$java" -jar "$source_dir/grader.jar" startup-cache || echo "setup.sh: no start-up cache; each grading starts its test JVM without it"

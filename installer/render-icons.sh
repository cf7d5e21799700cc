#!/usr/bin/env bash
# Renders the hicolor PNG icons from resources/icons/acehub.svg (run after editing the SVG; the
# PNGs are committed so a build needs no SVG renderer). Needs rsvg-convert (librsvg2-bin).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
for size in 16 22 24 32 48 64 128 256 512; do
    mkdir -p "$ROOT/resources/icons/hicolor/${size}x${size}"
    rsvg-convert -w "$size" -h "$size" "$ROOT/resources/icons/acehub.svg" \
        -o "$ROOT/resources/icons/hicolor/${size}x${size}/acehub.png"
done

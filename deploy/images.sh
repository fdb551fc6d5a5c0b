#!/usr/bin/env bash
# The services and the gateway as container images, built by the .NET SDK (no Dockerfile): repository
# cityeservices/<name>, tag CityEServicesVersion (deploy/Containers.props), user 1654. The projects are
# the AppHost's, read from its model by the stack launcher. Called as ./city images.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
say() { printf '\033[1;36m[city]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[city]\033[0m %s\n' "$*" >&2; exit 1; }

usage() {
  cat >&2 <<'USAGE'
usage: ./city images [--version V] [--registry HOST[:PORT]] [--archive DIR]
  (no option)   load into the local container daemon (docker, or podman with ASPIRE_CONTAINER_RUNTIME=podman)
  --registry R  push to R directly; no daemon needed. Credentials: docker login / ~/.docker/config.json,
                or DOTNET_CONTAINER_REGISTRY_UNAME and DOTNET_CONTAINER_REGISTRY_PWORD
  --archive DIR write one .tar.gz per image to DIR; no daemon needed (docker load -i, kind load image-archive)
  --version V   tag to build (default: CityEServicesVersion in deploy/Containers.props)
The SDK pulls the base image mcr.microsoft.com/dotnet/aspnet:10.0; CITY_BASE_IMAGE names a mirror instead.
USAGE
}

command -v dotnet >/dev/null || die "the .NET 10 SDK is needed (https://dot.net)"
version="" registry="${CITY_IMAGE_REGISTRY:-}" archive="" props=() target=""
while [ $# -gt 0 ]; do
  case "$1" in
    --version) version=${2:?--version needs a value}; shift 2 ;;
    --registry) registry=${2:?--registry needs a value}; shift 2 ;;
    --archive) archive=${2:?--archive needs a folder}; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage; exit 2 ;;
  esac
done
[ -n "$version" ] && props+=("-p:CityEServicesVersion=$version")
runtime=${ASPIRE_CONTAINER_RUNTIME:-${DOTNET_ASPIRE_CONTAINER_RUNTIME:-docker}}
if [ -n "$registry" ]; then
  case "$registry" in */*) die "--registry takes a host[:port] only; the repositories in it are cityeservices/<name>" ;; esac
  props+=("-p:ContainerRegistry=$registry")
  target="pushed to registry $registry"
elif [ -n "$archive" ]; then
  mkdir -p "$archive"; archive=$(cd "$archive" && pwd)
  props+=("-p:ContainerArchiveOutputPath=$archive/")
  target="written as tarballs to $archive"
elif command -v "$runtime" >/dev/null && timeout 10 "$runtime" info >/dev/null 2>&1; then
  [ "$runtime" = podman ] && props+=("-p:LocalRegistry=Podman")
  target="loaded into the local $runtime daemon"
else
  die "no container daemon answers here ('$runtime info' failed) and no destination was given.
  Give one: start Docker (or Podman with ASPIRE_CONTAINER_RUNTIME=podman), or
  ./city images --registry registry.example.org   (push; no daemon needed), or
  ./city images --archive artifacts/images        (tarballs; no daemon needed)."
fi
if [ -n "${CITY_BASE_IMAGE:-}" ]; then
  props+=("-p:ContainerBaseImage=$CITY_BASE_IMAGE")
elif command -v curl >/dev/null && [ "$(curl -s -o /dev/null -m 10 -w '%{http_code}' https://mcr.microsoft.com/v2/ || true)" = 000 ]; then
  die "the base image mcr.microsoft.com/dotnet/aspnet:10.0 cannot be fetched: mcr.microsoft.com is not reachable from here.
  Build where it is, or set CITY_BASE_IMAGE to a mirror of it (e.g. registry.example.org/dotnet/aspnet:10.0)."
fi

say "reading the AppHost's projects"
dotnet build "$ROOT/tools/Stack" -nologo -v quiet -clp:ErrorsOnly
projects=$(dotnet "$ROOT/tools/Stack/bin/Debug/net10.0/CityEServices.Stack.dll" projects)
while IFS=$'\t' read -r name project; do
  say "image of $name"
  dotnet publish "$project" -c Release -t:PublishContainer -nologo -v quiet "${props[@]}" \
    || die "building the image of $name failed (see above)"
done <<< "$projects"
version=${version:-$(sed -n 's:.*<CityEServicesVersion[^>]*>\(.*\)</CityEServicesVersion>.*:\1:p' "$ROOT/deploy/Containers.props")}
say "images $target, tag $version:"
while IFS=$'\t' read -r name _; do say "  cityeservices/$name:$version"; done <<< "$projects"
[ -n "$archive" ] && find "$archive" -name '*.tar.gz' -printf '[city]   %p\n' >&2
exit 0

using System.Net;
using YamlDotNet.RepresentationModel;

namespace CityEServices.Deployment.Tests;

/// <summary>The public entry: Gateway API routes to the gateway service only, TLS where asked, and which proxies' headers are believed.</summary>
public static class GatewayApiChecks
{
    public const string PublicService = "gateway";

    public static IEnumerable<string> PublicEntry(Manifests manifests, bool requireTls)
    {
        foreach (var ingress in manifests.OfKind("Ingress"))
        {
            yield return $"{manifests.Overlay}: Ingress/{ingress.Map("metadata").Str("name")} is still there: the entry is a Gateway API HTTPRoute (ingress-nginx is retired upstream)";
        }

        var routes = manifests.OfKind("HTTPRoute").ToList();
        var gateways = manifests.OfKind("Gateway").Where(g => g.Str("apiVersion")!.StartsWith("gateway.networking.k8s.io/", StringComparison.Ordinal)).ToList();
        var servicePort = manifests.Find("Service", PublicService)?.Map("spec").Seq("ports").Select(p => p.Str("port")).ToHashSet() ?? [];
        var toGateway = false;
        foreach (var route in routes)
        {
            var name = $"HTTPRoute/{route.Map("metadata").Str("name")}";
            var backends = route.Map("spec").Seq("rules").SelectMany(r => r.Seq("backendRefs")).ToList();
            foreach (var backend in backends)
            {
                if ((backend.Str("kind") ?? "Service") != "Service" || backend.Str("name") != PublicService)
                {
                    yield return $"{manifests.Overlay}: {name} sends traffic to {backend.Str("kind") ?? "Service"}/{backend.Str("name")}; only the gateway service is public";
                }
                else if (!servicePort.Contains(backend.Str("port")))
                {
                    yield return $"{manifests.Overlay}: {name} sends traffic to port {backend.Str("port")} of Service/{PublicService}, which has no such port";
                }
                else
                {
                    toGateway = true;
                }
            }

            foreach (var parent in route.Map("spec").Seq("parentRefs"))
            {
                if (Listener(gateways, parent) is not { } listener)
                {
                    yield return $"{manifests.Overlay}: {name} attaches to Gateway/{parent.Str("name")} section '{parent.Str("sectionName")}', which the overlay does not define";
                }
                else if (requireTls && backends.Count > 0 && (listener.Str("protocol") != "HTTPS" || listener.Map("tls").Seq("certificateRefs").Count == 0
                    || (listener.Map("tls").Str("mode") ?? "Terminate") != "Terminate"))
                {
                    yield return $"{manifests.Overlay}: {name} serves the suite on listener '{listener.Str("name")}' ({listener.Str("protocol")}) without TLS: HTTPS with a certificate (tls.certificateRefs)";
                }
                else if (requireTls && backends.Count == 0 && !RedirectsToHttps(route))
                {
                    yield return $"{manifests.Overlay}: {name} neither serves nor redirects to HTTPS";
                }
            }
        }

        if (!toGateway)
        {
            yield return $"{manifests.Overlay}: no HTTPRoute sends traffic to Service/{PublicService}: the suite has no public entry";
        }

        if (requireTls)
        {
            foreach (var gateway in gateways)
            {
                foreach (var listener in gateway.Map("spec").Seq("listeners").Where(l => l.Str("protocol") == "HTTP"))
                {
                    var attached = routes.Where(r => r.Map("spec").Seq("parentRefs").Any(p => Listener([gateway], p) == listener)).ToList();
                    if (attached.Any(r => r.Map("spec").Seq("rules").Any(rule => rule.Seq("backendRefs").Count > 0)))
                    {
                        yield return $"{manifests.Overlay}: Gateway/{gateway.Map("metadata").Str("name")} serves the suite in plain HTTP on listener '{listener.Str("name")}'; plain HTTP may only redirect";
                    }
                }
            }
        }
    }

    private static YamlNode? Listener(IEnumerable<YamlMappingNode> gateways, YamlNode parent)
    {
        if ((parent.Str("kind") ?? "Gateway") != "Gateway" || parent.Str("namespace") is not null)
        {
            return null;
        }

        var gateway = gateways.FirstOrDefault(g => g.Map("metadata").Str("name") == parent.Str("name"));
        var listeners = gateway.Map("spec").Seq("listeners");
        return parent.Str("sectionName") is { } section ? listeners.FirstOrDefault(l => l.Str("name") == section) : listeners.FirstOrDefault();
    }

    private static bool RedirectsToHttps(YamlNode route) =>
        route.Map("spec").Seq("rules").All(r => r.Seq("filters").Any(f => f.Str("type") == "RequestRedirect" && f.Map("requestRedirect").Str("scheme") == "https"));

    /// <summary>
    /// The gateway believes X-Forwarded-For only from the Gateway controller's proxies: a network given in
    /// Gateway__TrustedNetworks__N, never everyone (ASPNETCORE_FORWARDEDHEADERS_ENABLED, 0.0.0.0/0), else any
    /// client could pick its own address and slip past the per-address rate limits.
    /// </summary>
    public static IEnumerable<string> TrustedProxies(Manifests manifests)
    {
        if (manifests.Deployment(PublicService)?.MainContainer is not { } container)
        {
            yield break;
        }

        var environment = manifests.EnvironmentOf(container);
        if (string.Equals(environment.GetValueOrDefault("ASPNETCORE_FORWARDEDHEADERS_ENABLED"), "true", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{manifests.Overlay}: the gateway sets ASPNETCORE_FORWARDEDHEADERS_ENABLED=true, which clears the trusted proxies: it would believe X-Forwarded-For from anyone";
        }

        var networks = environment.Where(e => e.Key.StartsWith("Gateway__TrustedNetworks__", StringComparison.Ordinal)).ToList();
        if (networks.Count == 0)
        {
            yield return $"{manifests.Overlay}: the gateway names no Gateway__TrustedNetworks__0: behind the Gateway's proxies it sees only their address, and every citizen shares one rate limit";
        }

        foreach (var (name, value) in networks)
        {
            if (!IPNetwork.TryParse(value ?? "", out var network))
            {
                yield return $"{manifests.Overlay}: the gateway's {name}={value} is not a network (CIDR)";
            }
            else if (network.PrefixLength < 8)
            {
                yield return $"{manifests.Overlay}: the gateway's {name}={value} trusts (nearly) every address: name the proxies' pod or node network";
            }
        }
    }
}

using System.Reflection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CityEServices.Web.Hosting;

/// <summary>
/// A use case is a public class in the service's <c>Features</c> namespaces with a public <c>Handle</c>
/// or <c>HandleAsync</c> method (docs/architecture.md). They are found by that shape and registered
/// scoped, so a new one needs no registration line and none is forgotten; a class registered before
/// this call keeps the lifetime it was given.
/// </summary>
public static class UseCaseRegistration
{
    public static IServiceCollection AddUseCases(this IServiceCollection services, Assembly assembly)
    {
        foreach (var useCase in UseCases(assembly))
        {
            services.TryAddScoped(useCase);
        }

        return services;
    }

    public static IEnumerable<Type> UseCases(Assembly assembly) =>
        assembly.GetExportedTypes().Where(type =>
            type is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false }
            && IsFeature(type.Namespace)
            && type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Any(m => m.Name is "Handle" or "HandleAsync"));

    private static bool IsFeature(string? ns) =>
        ns is not null && (ns.EndsWith(".Features", StringComparison.Ordinal) || ns.Contains(".Features.", StringComparison.Ordinal));
}

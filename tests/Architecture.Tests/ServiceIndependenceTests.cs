using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;

namespace CityEServices.Architecture.Tests;

/// <summary>
/// A service never references another service: only Contracts, Messaging, Iran, ServiceDefaults and Web.
/// Checked twice — in the project files (what a developer edits) and in the built assemblies (what
/// actually ships, which also catches a reference smuggled in through a shared library).
/// </summary>
public class ServiceIndependenceTests
{
    [Theory]
    [MemberData(nameof(ServiceProjects.All), MemberType = typeof(ServiceProjects))]
    public void Service_project_references_only_shared_libraries(string service)
    {
        var references = ServiceProjects.ProjectReferences(ServiceProjects.ProjectFile(service));

        var forbidden = references.Except(ServiceProjects.SharedLibraries).ToList();

        Assert.True(forbidden.Count == 0,
            $"{service} references {string.Join(", ", forbidden)}; a service may reference only {string.Join(", ", ServiceProjects.SharedLibraries)}. Talk to other services over gRPC or events instead.");
    }

    [Theory]
    [MemberData(nameof(ServiceProjects.All), MemberType = typeof(ServiceProjects))]
    public void Built_service_assembly_loads_no_other_service(string service)
    {
        var path = ServiceProjects.BuiltAssembly(ServiceProjects.ProjectFile(service), $"CityEServices.{service}");

        var referenced = AssemblyReferences(path);
        var otherServices = ServiceProjects.Services.Where(s => s != service).Select(s => $"CityEServices.{s}").Append("CityEServices.Gateway");

        Assert.Empty(referenced.Intersect(otherServices));
    }

    [Fact]
    public void Shared_libraries_reference_no_service()
    {
        foreach (var library in ServiceProjects.SharedLibraries.Where(l => l != "ServiceDefaults"))
        {
            var file = Path.Combine(CityEServices.TestSupport.RepositoryPaths.Root, "services", library, $"{library}.csproj");
            var references = ServiceProjects.ProjectReferences(file);
            Assert.True(!references.Intersect(ServiceProjects.Services).Any(), $"{library} must not reference a service, it references {string.Join(", ", references)}");
        }
    }

    [Fact]
    public void Gateway_references_no_service()
    {
        var references = ServiceProjects.ProjectReferences(ServiceProjects.GatewayProjectFile);

        Assert.Empty(references.Intersect(ServiceProjects.Services));
    }

    [Fact]
    public void The_check_sees_a_forbidden_reference_when_there_is_one()
    {
        // Guards the guard: a project file that does reference another service must be reported.
        var file = Path.Combine(Path.GetTempPath(), $"Fake-{Guid.NewGuid():N}.csproj");
        File.WriteAllText(file, """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <ProjectReference Include="..\Contracts\Contracts.csproj" />
                <ProjectReference Include="..\Archive\Archive.csproj" />
              </ItemGroup>
            </Project>
            """);
        try
        {
            var forbidden = ServiceProjects.ProjectReferences(file).Except(ServiceProjects.SharedLibraries);
            Assert.Equal(["Archive"], forbidden);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static IReadOnlyList<string> AssemblyReferences(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();
    }
}

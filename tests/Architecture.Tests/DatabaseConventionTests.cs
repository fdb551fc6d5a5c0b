using CityEServices.TestSupport;
using Xunit;

namespace CityEServices.Architecture.Tests;

/// <summary>
/// Every service keeps its database the one way docs/architecture.md describes ("Database names"): a
/// <c>&lt;Service&gt;DbContext</c> whose model ends with the snake_case convention, a
/// <c>DesignTimeDbContextFactory</c> for <c>dotnet ef</c>, and a model test that holds the mapping to the migrations.
/// </summary>
public sealed class DatabaseConventionTests
{
    [Theory]
    [MemberData(nameof(ServiceProjects.All), MemberType = typeof(ServiceProjects))]
    public void A_service_names_its_database_the_one_way(string service)
    {
        var data = Path.Combine(Path.GetDirectoryName(ServiceProjects.ProjectFile(service))!, "Data");
        var context = Path.Combine(data, $"{service}DbContext.cs");

        Assert.True(File.Exists(context), $"{service} keeps its DbContext in Data/{service}DbContext.cs");
        Assert.Contains(".UseSnakeCaseNames(", File.ReadAllText(context), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(data, "DesignTimeDbContextFactory.cs")), $"{service} has Data/DesignTimeDbContextFactory.cs");
        var modelTests = Path.Combine(RepositoryPaths.Root, "tests", $"{service}.Tests", "ModelTests.cs");
        Assert.True(
            File.Exists(modelTests) && File.ReadAllText(modelTests).Contains($"ModelMatchesMigrations<DesignTimeDbContextFactory, {service}DbContext>", StringComparison.Ordinal),
            $"tests/{service}.Tests/ModelTests.cs checks that {service}'s model is what its migrations built (ModelMatchesMigrations<DesignTimeDbContextFactory, {service}DbContext>)");
    }
}

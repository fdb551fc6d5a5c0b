namespace CityEServices.Notifications.IntegrationTests.Infrastructure;

/// <summary>The shared servers, as xunit needs them declared: in the test assembly itself.</summary>
[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = ServerFixture.CollectionName;
}

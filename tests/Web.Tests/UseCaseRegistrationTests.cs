using CityEServices.Web.Hosting;
using CityEServices.Web.Tests.Features.Samples;
using Microsoft.Extensions.DependencyInjection;

namespace CityEServices.Web.Tests;

public sealed class OutsideFeatures
{
    public string Handle() => "not in Features";
}

public class UseCaseRegistrationTests
{
    [Fact]
    public void Classes_in_Features_with_Handle_or_HandleAsync_are_registered_scoped_and_nothing_else_is()
    {
        var services = new ServiceCollection().AddUseCases(typeof(UseCaseRegistrationTests).Assembly);

        Assert.Equal([typeof(ReadSample), typeof(WriteSample)], services.Select(d => d.ServiceType).OrderBy(t => t.Name));
        Assert.All(services, d => Assert.Equal(ServiceLifetime.Scoped, d.Lifetime));
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        using var scope = provider.CreateScope();
        Assert.Equal("read", scope.ServiceProvider.GetRequiredService<ReadSample>().Handle());
    }

    [Fact]
    public void A_use_case_registered_before_keeps_its_lifetime()
    {
        var services = new ServiceCollection().AddSingleton<ReadSample>().AddUseCases(typeof(UseCaseRegistrationTests).Assembly);

        Assert.Equal(ServiceLifetime.Singleton, Assert.Single(services, d => d.ServiceType == typeof(ReadSample)).Lifetime);
    }
}
